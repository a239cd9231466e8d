/**
 * Single-key shortcuts (the `?` overlay lists them all): they never fire while the person types
 * in a field or a dialog, nor with Ctrl, ⌘ or Alt held (Shift is allowed: it makes "?").
 */
export function isPlainShortcut(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  return (
    !target.isContentEditable &&
    target.closest("input, textarea, select, [contenteditable], dialog") === null
  );
}

/** ⌘K on a Mac, Ctrl-K elsewhere (either is accepted everywhere), even while typing. */
export function isPaletteKey(event: KeyboardEvent): boolean {
  return (event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k";
}
