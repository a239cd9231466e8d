"use client";

import { lazyComponent } from "@atlas/next-app/lazy";
import { Button, type ButtonProps } from "@atlas/ui";
import { useState, type ReactNode } from "react";

// The dialog's code loads on the first click: a page with a destructive action stays light.
const ConfirmDialog = lazyComponent(() =>
  import("@atlas/ui/alert-dialog").then((m) => m.ConfirmDialog),
);

/** A button (outline unless told) that asks for confirmation before `onConfirm`. */
export function ConfirmButton({
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = "outline",
  ...button
}: Omit<ButtonProps, "type" | "onClick" | "asChild"> & {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button
        {...button}
        type="button"
        variant={variant}
        aria-haspopup="dialog"
        onClick={() => setIsOpen(true)}
      />
      {isOpen ? (
        <ConfirmDialog
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          onConfirm={onConfirm}
          onClose={() => setIsOpen(false)}
        />
      ) : null}
    </>
  );
}
