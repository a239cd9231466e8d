"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn.ts";

const FOCUSABLE = "a[href], button:not([disabled]), select:not([disabled]), input:not([disabled])";

/**
 * A header's menu: a button that shows and hides a panel (the disclosure pattern: aria-expanded
 * and aria-controls, no focus trap since the page stays usable). Opening moves focus into the
 * panel; Escape closes it and returns focus to the button; a click outside, focus leaving it or
 * following a link inside closes it.
 */
export function HeaderMenu({
  trigger,
  children,
  className,
  panelClassName,
}: {
  /** The button's content; it names the button. */
  trigger: ReactNode;
  children: ReactNode;
  className?: string;
  panelClassName?: string;
}) {
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    // The first control shown (links the header already shows at this width are display: none).
    const controls = panelRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [];
    [...controls].find((control) => control.getClientRects().length > 0)?.focus();
    function onPointerDown(event: PointerEvent) {
      if (!isWithin(event.target)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen]);

  // A menu popping up from inside the panel (the workspace switcher's) may sit in a portal.
  function isWithin(target: EventTarget | null): boolean {
    return (
      target instanceof Node &&
      (rootRef.current?.contains(target) === true ||
        (target instanceof Element && target.closest("[role=menu]") !== null))
    );
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  return (
    <div
      ref={rootRef}
      className={cn("relative", className)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && isOpen) {
          event.stopPropagation();
          close(true);
        }
      }}
      onBlur={(event) => {
        if (isOpen && event.relatedTarget !== null && !isWithin(event.relatedTarget))
          setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen((open) => !open)}
        className="flex h-9 items-center gap-2 rounded-md px-2.5 text-sm font-medium whitespace-nowrap text-foreground hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {trigger}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!isOpen}
        onClick={(event) => {
          if ((event.target as Element).closest("a[href]")) close(false);
        }}
        className={cn("header-menu-panel", panelClassName)}
      >
        {children}
      </div>
    </div>
  );
}
