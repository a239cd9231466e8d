"use client";

import { useEffect, type ReactNode } from "react";

const TYPING = new Set(["INPUT", "SELECT", "TEXTAREA"]);

/**
 * Keyboard navigation over the portfolio: j or ↓ moves to the next member, k or ↑ to the
 * previous, Enter opens the focused one (it is a link). Keys typed into a field or a dialog are
 * left alone.
 */
export function PortfolioKeys({ children }: { children: ReactNode }) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.closest("dialog"))) return;
      const step =
        event.key === "j" || event.key === "ArrowDown"
          ? 1
          : event.key === "k" || event.key === "ArrowUp"
            ? -1
            : 0;
      if (step === 0) return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-portfolio-member]")];
      if (links.length === 0) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = at === -1 ? (step > 0 ? 0 : links.length - 1) : at + step;
      links[Math.min(links.length - 1, Math.max(0, next))]!.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return <>{children}</>;
}
