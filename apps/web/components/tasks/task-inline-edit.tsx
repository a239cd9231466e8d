"use client";

import { Button } from "@atlas/ui";
import { lazyComponent } from "@atlas/next-app/lazy";
import { useRef, useState, type ReactNode } from "react";
import type { EditedTask } from "./task-inline-edit-form.tsx";

// The fields load on the first Edit: a list of tasks carries only its Edit buttons.
const TaskInlineEditForm = lazyComponent(() =>
  import("./task-inline-edit-form.tsx").then((m) => m.TaskInlineEditForm),
);

/**
 * A task's title (`children`, a link to its page) with an Edit button that turns the title and the
 * due date into fields in place (TaskInlineEditForm): Enter saves what changed, Escape cancels. On
 * Today, `e` or Enter on the focused row presses Edit.
 */
export function TaskInlineEdit({ task, children }: { task: EditedTask; children: ReactNode }) {
  const [isEditing, setIsEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  function stop() {
    setIsEditing(false);
    // Back on the Edit button, so the keyboard carries on from the row.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  if (isEditing) return <TaskInlineEditForm task={task} onDone={stop} />;
  return (
    <div className="flex min-w-0 items-start gap-1">
      <div className="min-w-0">{children}</div>
      <Button
        ref={editButton}
        type="button"
        variant="ghost"
        size="sm"
        aria-keyshortcuts="e"
        onClick={() => setIsEditing(true)}
        className="-my-1 h-7 px-2 text-xs text-muted-foreground"
      >
        <span>
          Edit<span className="sr-only"> {task.title}</span>
        </span>
      </Button>
    </div>
  );
}
