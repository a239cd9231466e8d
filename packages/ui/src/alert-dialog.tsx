"use client";

import { AlertDialog as Dialog } from "radix-ui";
import type { ReactNode } from "react";
import { buttonVariants } from "./button-variants.ts";
import { cn } from "./cn.ts";

/**
 * A destructive action behind a confirmation (Radix AlertDialog: focus trapped, Escape cancels,
 * `role="alertdialog"` named by its title). `trigger` is the button that opens it.
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
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-foreground/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-lg border border-border bg-surface p-5 shadow-lg">
          <Dialog.Title className="text-lg font-semibold leading-tight">{title}</Dialog.Title>
          <Dialog.Description className="text-sm text-muted-foreground">
            {description}
          </Dialog.Description>
          <div className="flex flex-wrap justify-end gap-2">
            <Dialog.Cancel className={buttonVariants({ variant: "outline" })}>
              {cancelLabel}
            </Dialog.Cancel>
            <Dialog.Action
              className={cn(buttonVariants({ variant: "danger" }))}
              onClick={onConfirm}
            >
              {confirmLabel}
            </Dialog.Action>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
