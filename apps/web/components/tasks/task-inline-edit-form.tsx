"use client";

import { Button, DateField, Input } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { describeError } from "~/lib/errors.ts";
import { useAction } from "~/lib/api.ts";

export interface EditedTask {
  id: string;
  title: string;
  dueDate: string | null;
}

/**
 * The fields of TaskInlineEdit, in a chunk of its own (loaded on the first Edit): the title and
 * the due date; Enter saves what changed (task.update), Escape cancels. `onDone` ends editing.
 */
export function TaskInlineEditForm({ task, onDone }: { task: EditedTask; onDone: () => void }) {
  const id = useId();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const update = useAction((api) => api.task.update.mutate);
  const [title, setTitle] = useState(task.title);
  const [dueDate, setDueDate] = useState(task.dueDate ?? "");
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const changes = {
      ...(title.trim() !== task.title && { title }),
      ...(dueDate !== (task.dueDate ?? "") && { dueDate: dueDate === "" ? null : dueDate }),
    };
    if (Object.keys(changes).length === 0) return onDone();
    try {
      await update.send({ taskId: task.id, ...changes });
      onDone();
      startRefresh(() => router.refresh());
    } catch (caught) {
      const { fields, form } = describeError(caught as Parameters<typeof describeError>[0]);
      setError(form ?? Object.values(fields)[0]?.[0] ?? "Could not save the task.");
    }
  }

  return (
    <form
      noValidate
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
      aria-label={`Edit ${task.title}`}
      className="flex w-full flex-col gap-2"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Input
          autoFocus
          aria-label="Title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-8 min-w-0 flex-1 basis-48"
        />
        <DateField
          id={`${id}-due`}
          aria-label="Due date"
          value={dueDate}
          onChange={setDueDate}
          className="w-auto"
        />
        <Button type="submit" size="sm" aria-disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
