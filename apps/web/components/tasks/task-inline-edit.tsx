"use client";

import { Button, DateField, Input } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { describeError } from "~/lib/errors.ts";
import { useAction } from "~/lib/api.ts";

/**
 * A task's title (`children`, a link to its page) with an Edit button that turns the title and the
 * due date into fields in place: Enter saves what changed (task.update), Escape cancels. On Today,
 * `e` or Enter on the focused row presses Edit.
 */
export function TaskInlineEdit({
  task,
  children,
}: {
  task: { id: string; title: string; dueDate: string | null };
  children: ReactNode;
}) {
  const id = useId();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const update = useAction((api) => api.task.update.mutate);
  const [isEditing, setIsEditing] = useState(false);
  const [title, setTitle] = useState(task.title);
  const [dueDate, setDueDate] = useState(task.dueDate ?? "");
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  function edit() {
    setTitle(task.title);
    setDueDate(task.dueDate ?? "");
    setError(null);
    setIsEditing(true);
  }

  function stop() {
    setIsEditing(false);
    // Back on the Edit button, so the keyboard carries on from the row.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const changes = {
      ...(title.trim() !== task.title && { title }),
      ...(dueDate !== (task.dueDate ?? "") && { dueDate: dueDate === "" ? null : dueDate }),
    };
    if (Object.keys(changes).length === 0) return stop();
    try {
      await update.send({ taskId: task.id, ...changes });
      stop();
      startRefresh(() => router.refresh());
    } catch (caught) {
      const { fields, form } = describeError(caught as Parameters<typeof describeError>[0]);
      setError(form ?? Object.values(fields)[0]?.[0] ?? "Could not save the task.");
    }
  }

  if (!isEditing) {
    return (
      <div className="flex min-w-0 items-start gap-1">
        <div className="min-w-0">{children}</div>
        <Button
          ref={editButton}
          type="button"
          variant="ghost"
          size="sm"
          aria-keyshortcuts="e"
          onClick={edit}
          className="-my-1 h-7 px-2 text-xs text-muted-foreground"
        >
          <span>
            Edit<span className="sr-only"> {task.title}</span>
          </span>
        </Button>
      </div>
    );
  }

  return (
    <form
      noValidate
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          stop();
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
        <Button type="button" variant="ghost" size="sm" onClick={stop}>
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
