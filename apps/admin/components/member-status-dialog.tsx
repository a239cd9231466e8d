"use client";

import { Button, DateField, Field, Input, NativeSelect, fieldControlProps } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useAction } from "~/lib/api.ts";
import { STATUS_LABEL, type PortfolioItem, type StatusKind } from "~/lib/portfolio-labels.ts";

const KINDS = Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label }));

/**
 * Sets or clears a member's status ("On leave until 12 Jan"), which pauses their flags through
 * the end date. A native <dialog>: focus moves in and Escape closes it, as the platform does.
 */
export function MemberStatusDialog({ item }: { item: PortfolioItem }) {
  const router = useRouter();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<StatusKind>(item.status?.kind ?? "on_leave");
  const [untilDate, setUntilDate] = useState(item.status?.untilDate ?? "");
  const [note, setNote] = useState(item.status?.note ?? "");
  const done = { onSuccess: () => (dialog.current?.close(), router.refresh()) };
  const set = useAction((api) => api.portfolio.setStatus.mutate, done);
  const clear = useAction((api) => api.portfolio.clearStatus.mutate, done);
  const error = set.error?.message ?? clear.error?.message ?? null;
  const who = { workspaceId: item.workspaceId, memberId: item.memberId };

  return (
    <>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => dialog.current?.showModal()}
        aria-label={`Set status of ${item.name}`}
      >
        Status
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-full max-w-sm rounded-lg border border-border bg-surface p-5 text-foreground shadow-lg backdrop:bg-black/30"
      >
        <form
          method="dialog"
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            set.fire({ ...who, kind, untilDate: untilDate || null, note });
          }}
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Status of {item.name}
          </h2>
          <p className="text-sm text-muted-foreground">
            A status pauses the member&apos;s flags through its end date (their local day).
          </p>
          <Field id={`${id}-kind`} label="Status">
            <NativeSelect
              {...fieldControlProps(`${id}-kind`, {})}
              options={KINDS}
              value={kind}
              onChange={(e) => setKind(e.target.value as StatusKind)}
            />
          </Field>
          <Field
            id={`${id}-until`}
            label="Until (last day)"
            hint="Leave empty to pause until cleared."
          >
            <DateField
              {...fieldControlProps(`${id}-until`, { hint: true })}
              value={untilDate}
              onChange={setUntilDate}
            />
          </Field>
          <Field id={`${id}-note`} label="Note (optional)">
            <Input
              {...fieldControlProps(`${id}-note`, {})}
              maxLength={200}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            {item.status ? (
              <Button
                type="button"
                variant="ghost"
                disabled={clear.isPending}
                onClick={() => clear.fire(who)}
              >
                Clear status
              </Button>
            ) : null}
            <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={set.isPending}>
              Save status
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
