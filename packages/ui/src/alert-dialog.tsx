"use client";

import {
  cloneElement,
  isValidElement,
  useId,
  useRef,
  type MouseEvent,
  type ReactNode,
} from "react";
import { buttonVariants } from "./button-variants.ts";

/**
 * A destructive action behind a confirmation: a native modal <dialog> (the rest of the page is
 * inert, so focus stays inside; Escape cancels) with `role="alertdialog"`, named by its title and
 * described by its description. `trigger` is the button that opens it; Cancel has the focus first.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  function open() {
    dialog.current?.showModal();
    cancel.current?.focus();
  }

  const opener = isValidElement<{ onClick?: (event: MouseEvent<HTMLElement>) => void }>(trigger)
    ? cloneElement(trigger, {
        "aria-haspopup": "dialog",
        onClick: (event: MouseEvent<HTMLElement>) => {
          trigger.props.onClick?.(event);
          if (!event.defaultPrevented) open();
        },
      } as object)
    : trigger;

  return (
    <>
      {opener}
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
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
    </>
  );
}
