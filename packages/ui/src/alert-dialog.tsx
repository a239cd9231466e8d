"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { buttonVariants } from "./button-variants.ts";

/**
 * A destructive action's confirmation: a native modal <dialog> (the rest of the page is inert, so
 * focus stays inside; Escape cancels) with `role="alertdialog"`, named by its title and described
 * by its description. It opens as it mounts, Cancel focused, and calls `onClose` once closed: the
 * caller renders it while open (web's ConfirmButton, which loads it on the first click).
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
  onClose,
}: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (dialog.current?.open === false) dialog.current.showModal();
    cancel.current?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onClose={onClose}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-border bg-surface p-5 text-foreground shadow-lg backdrop:bg-foreground/40"
    >
      <div className="flex flex-col gap-4">
        <h2 id={`${id}-title`} className="text-lg font-semibold leading-tight">
          {title}
        </h2>
        <div id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button
            ref={cancel}
            type="button"
            className={buttonVariants({ variant: "outline" })}
            onClick={() => dialog.current?.close()}
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            className={buttonVariants({ variant: "danger" })}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
