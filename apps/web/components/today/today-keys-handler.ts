const ROW = "[data-today-row]";

/**
 * Today's keys (today-keys.tsx loads this on the first one): j/k move focus between the rows; on
 * a focused row, a key presses the row's own control that names it in aria-keyshortcuts (x check
 * in, u undo, s skip, e edit), so the key and the click are one action. A field named by the key
 * (a measurable habit's amount) gets focus. Enter on the row itself edits (a task's title and
 * date). `event` may be one already dispatched, replayed once this module has loaded.
 */
export function onTodayKey(event: KeyboardEvent) {
  const rows = [...document.querySelectorAll<HTMLElement>(ROW)];
  const focused = document.activeElement?.closest<HTMLElement>(ROW) ?? null;
  const index = focused ? rows.indexOf(focused) : -1;
  if (event.key === "j" || event.key === "k") {
    const next =
      event.key === "j"
        ? Math.min(index + 1, rows.length - 1)
        : index === -1
          ? rows.length - 1
          : Math.max(index - 1, 0);
    const row = rows[next];
    if (!row) return;
    event.preventDefault();
    row.focus();
    return;
  }
  if (!focused) return;
  const key = event.key === "Enter" && event.target === focused ? "e" : event.key;
  if (!["x", "u", "s", "e"].includes(key)) return;
  const control = focused.querySelector<HTMLElement>(`[aria-keyshortcuts="${key}"]`);
  if (!control) return;
  event.preventDefault();
  if (control instanceof HTMLInputElement) control.focus();
  else control.click();
}
