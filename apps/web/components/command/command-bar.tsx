"use client";

import type { Route } from "next";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { lazyComponent } from "@atlas/next-app/lazy";
import { isPaletteKey, isPlainShortcut } from "~/lib/keys.ts";

// Loaded on first use (⌘K, the button or "?"): the page's own code stays small.
const CommandPalette = lazyComponent(() =>
  import("~/components/command/command-palette.tsx").then((m) => m.CommandPalette),
);
const ShortcutsOverlay = lazyComponent(() =>
  import("~/components/command/shortcuts-overlay.tsx").then((m) => m.ShortcutsOverlay),
);

const noSubscription = () => () => {};
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The header's "Search or add…" button and the app-wide keys: ⌘K / Ctrl-K opens the command
 * palette, "?" the list of shortcuts. `pages` are the navigation's pages, to jump to.
 */
export function CommandBar({ pages }: { pages: readonly (readonly [Route, string])[] }) {
  const [open, setOpen] = useState<"palette" | "shortcuts" | null>(null);
  const modifier = useSyncExternalStore(
    noSubscription,
    () => (isMac() ? "⌘" : "Ctrl"),
    () => "Ctrl",
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isPaletteKey(event)) {
        event.preventDefault();
        setOpen("palette");
      } else if (event.key === "?" && isPlainShortcut(event)) {
        event.preventDefault();
        setOpen("shortcuts");
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  // Keys typed while the palette's code loads are its first text, not the page's shortcuts (on
  // Today "x" would check in): taken before any other listener, until the palette's field has
  // the focus (isPlainShortcut is then false).
  const typed = useRef("");
  useEffect(() => {
    if (open !== "palette") return;
    typed.current = "";
    function onType(event: KeyboardEvent) {
      if (event.key.length === 1 && isPlainShortcut(event)) {
        event.preventDefault();
        typed.current += event.key;
      }
    }
    document.addEventListener("keydown", onType, true);
    return () => document.removeEventListener("keydown", onType, true);
  }, [open]);

  return (
    <>
      <button
        type="button"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen("palette")}
        className="flex h-8 shrink-0 items-center gap-2 rounded-md border border-input bg-surface px-2.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <svg
          aria-hidden
          viewBox="0 0 20 20"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="9" cy="9" r="6" />
          <path d="m14 14 4 4" strokeLinecap="round" />
        </svg>
        {/* In words where the header has room: md (the links are in the menu) and 2xl; an icon
            beside the links from lg, so the one-row header never hides a link. */}
        <span className="sr-only md:not-sr-only lg:sr-only 2xl:not-sr-only">Search or add…</span>
        <kbd
          aria-hidden
          className="hidden rounded border border-border px-1 font-sans text-xs md:inline lg:hidden 2xl:inline"
        >
          {modifier} K
        </kbd>
      </button>
      {open === "palette" ? (
        <CommandPalette pages={pages} typed={typed} onClose={() => setOpen(null)} />
      ) : null}
      {open === "shortcuts" ? (
        <ShortcutsOverlay modifier={modifier} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
