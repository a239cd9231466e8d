"use client";

import { Button, DateField, Field, Input, NativeSelect, fieldControlProps } from "@atlas/ui";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "~/lib/api.ts";

type Item = { type: "habit" | "task"; id: string; name: string };

/**
 * A late-entry override: a check-in (or a habit's skip) for a day past the workspace's window,
 * recorded as you, marked in the log and audited. Inside the window the member records it.
 */
export function OverrideForm({
  workspaceId,
  memberId,
  items,
  latestDay,
}: {
  workspaceId: string;
  memberId: string;
  items: Item[];
  /** The last day past the window (the member's today minus the window, minus one). */
  latestDay: string;
}) {
  const router = useRouter();
  const keys = useIdempotencyKey();
  const [itemKey, setItemKey] = useState(items[0] ? `${items[0].type}:${items[0].id}` : "");
  const [action, setAction] = useState<"check_in" | "skip">("check_in");
  const [localDate, setLocalDate] = useState(latestDay);
  const [note, setNote] = useState("");
  const record = useAction((api) => api.member.override.mutate, {
    onSuccess: () => {
      keys.reset();
      setNote("");
      router.refresh();
    },
  });
  const [type, id] = itemKey.split(":") as ["habit" | "task", string];
  const error = record.error?.message;
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No active items.</p>;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const request = {
          workspaceId,
          memberId,
          action,
          ...(type === "habit" ? { habitId: id } : { taskId: id }),
          localDate,
          ...(note.trim() ? { note: note.trim() } : {}),
        };
        record.fire({ ...request, idempotencyKey: keys.keyFor(request) });
      }}
    >
      <Field id="override-item" label="Item">
        <NativeSelect
          id="override-item"
          value={itemKey}
          options={items.map((i) => ({ value: `${i.type}:${i.id}`, label: i.name }))}
          onChange={(e) => setItemKey(e.target.value)}
        />
      </Field>
      <Field id="override-action" label="Entry">
        <NativeSelect
          id="override-action"
          value={action}
          options={[
            { value: "check_in", label: "Done" },
            ...(type === "habit" ? [{ value: "skip", label: "Skipped" }] : []),
          ]}
          onChange={(e) => setAction(e.target.value as "check_in" | "skip")}
        />
      </Field>
      <Field id="override-date" label="Day" error={error}>
        <DateField
          {...fieldControlProps("override-date", { error })}
          max={latestDay}
          required
          value={localDate}
          onChange={setLocalDate}
        />
      </Field>
      <Field id="override-note" label="Note">
        <Input
          id="override-note"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={record.isPending}>
        {record.isPending ? "Recording…" : "Record override"}
      </Button>
      {record.data !== undefined ? (
        <p role="status" className="text-sm">
          Recorded.
        </p>
      ) : null}
    </form>
  );
}
