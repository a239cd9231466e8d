"use client";

import type { ReactNode } from "react";

const FOCUSABLE = "a[href], button:not([disabled]), select:not([disabled]), input:not([disabled])";

/**
 * HeaderMenu's panel, the one part that needs script: opening moves focus to its first control
 * shown (links the header already shows at this width are display: none); following a link
 * inside closes it (a client-side navigation keeps the header, and so the open panel), as does
 * focus leaving it for anything but its button.
 */
export function HeaderMenuPanel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div
      id={id}
      popover="auto"
      className="header-menu-panel"
      onToggle={(event) => {
        if (event.newState !== "open") return;
        const controls = event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE);
        [...controls].find((control) => control.getClientRects().length > 0)?.focus();
      }}
      onClick={(event) => {
        if ((event.target as Element).closest("a[href]")) event.currentTarget.hidePopover();
      }}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (
          next !== null &&
          !event.currentTarget.contains(next) &&
          next.getAttribute("popovertarget") !== id
        ) {
          event.currentTarget.hidePopover();
        }
      }}
    >
      {children}
    </div>
  );
}
