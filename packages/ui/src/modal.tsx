"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "./cn.ts";

/**
 * A modal dialog on the native <dialog>: shown with showModal() when it mounts, so the page behind
 * is inert (focus stays inside), Escape and a click on the backdrop close it, and focus returns to
 * where it was. Focus starts on the element marked `data-autofocus` (else the first focusable).
 * `children` gets `close` for its own buttons; `onClose` runs once it has closed.
 */
export function Modal({
  labelledBy,
  onClose,
  className,
  children,
}: {
  /** The id of the dialog's heading. */
  labelledBy: string;
  onClose: () => void;
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);
  const close = () => ref.current?.close();

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={onClose}
      // The dialog box itself has no padding: a click on the dialog element is on the backdrop.
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
      className={cn("modal", className)}
    >
      {children(close)}
    </dialog>
  );
}
