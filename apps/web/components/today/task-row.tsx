"use client";

import { Badge, Button } from "@atlas/ui";
import { RowCard, RowTitle } from "~/components/today/row-card.tsx";
import { StateMark } from "~/components/today/state-mark.tsx";
import { TaskInlineEdit } from "~/components/tasks/task-inline-edit.tsx";
import { viewOfDay } from "~/components/today/log-day.ts";
import { useLogWrite } from "~/components/today/use-log-write.ts";
import { useAction } from "~/lib/api.ts";
import type { TodayTask } from "~/lib/views.ts";

type View = { isDone: boolean; undoableEventId: string | null };

/** What the row says under the title, written on the server (row-notes.ts). */
export interface TaskNotes {
  priority: string;
  /** The estimate in words, or null without one. */
  estimate: string | null;
  /** How late an overdue task is ("Due 3 days ago (Mon 2 Mar)"), or null. */
  late: string | null;
  /** The due day when it is not today and the task is not overdue, or null. */
  due: string | null;
}

/** One task on Today: check it in with one click, undo it. */
export function TaskRow({ task, notes }: { task: TodayTask; notes: TaskNotes }) {
  const checkIn = useAction((api) => api.log.checkIn.mutate);
  const undo = useAction((api) => api.log.undo.mutate);
  const { view, error, isPending, write } = useLogWrite<View>(task, {
    isDone: task.status === "done",
    undoableEventId: task.undoableEventId,
  });
  const settled = (result: { day: Parameters<typeof viewOfDay>[0] }): View => {
    const day = viewOfDay(result.day);
    return { isDone: day.state === "met", undoableEventId: day.undoableEventId };
  };
  const { title } = task;

  function toggle() {
    if (isPending) return;
    if (!view.isDone) {
      void write({
        signature: `check-in:${task.id}`,
        optimistic: { isDone: true, undoableEventId: null },
        send: (idempotencyKey) => checkIn.send({ idempotencyKey, taskId: task.id }),
        settled,
        failure: `Could not check in ${title}`,
      });
      return;
    }
    const eventId = view.undoableEventId;
    if (eventId === null) return;
    void write({
      signature: `undo:${eventId}`,
      optimistic: { isDone: false, undoableEventId: null },
      send: (idempotencyKey) => undo.send({ idempotencyKey, eventId }),
      settled,
      failure: `Could not undo ${title}`,
    });
  }

  return (
    <RowCard done={view.isDone} gap="gap-2" error={error}>
      <div className="flex items-start gap-3">
        <StateMark state={view.isDone ? "met" : "pending"} />
        <div className="min-w-0 flex-1">
          <TaskInlineEdit task={task}>
            <RowTitle
              href={`/tasks/${task.id}`}
              className={view.isDone ? "text-muted-foreground line-through" : undefined}
            >
              {title}
            </RowTitle>
          </TaskInlineEdit>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
            <Badge tone={task.priority === "high" ? "danger" : "neutral"}>
              {notes.priority}
            </Badge>
            {notes.estimate ? <span>{notes.estimate}</span> : null}
            {view.isDone ? <span>Done today</span> : null}
            {notes.late && !view.isDone ? <span className="text-danger">{notes.late}</span> : null}
            {notes.due ? <span>{notes.due}</span> : null}
          </p>
        </div>
        <Button
          type="button"
          size="sm"
          variant={view.isDone ? "outline" : "primary"}
          aria-keyshortcuts={view.isDone ? "u" : "x"}
          aria-disabled={isPending || (view.isDone && view.undoableEventId === null)}
          onClick={toggle}
        >
          {view.isDone ? (
            <span>
              Undo check-in<span className="sr-only"> for {title}</span>
            </span>
          ) : (
            <span>
              Check in<span className="sr-only"> {title}</span>
            </span>
          )}
        </Button>
      </div>
    </RowCard>
  );
}
