"use client";

import { Badge, Button } from "@atlas/ui";
import { RowCard, RowTitle } from "~/components/today/row-card.tsx";
import { StateMark } from "~/components/today/state-mark.tsx";
import { TaskInlineEdit } from "~/components/tasks/task-inline-edit.tsx";
import { viewOfDay } from "~/components/today/log-day.ts";
import { useLogWrite } from "~/components/today/use-log-write.ts";
import { daysBetween, formatDate, formatMinutes } from "@atlas/ui/dates";
import { PRIORITY_LABEL } from "@atlas/ui/labels";
import { useAction } from "~/lib/api.ts";
import type { TodayTask } from "~/lib/views.ts";
import { useLocale } from "@atlas/ui/locale";

type View = { isDone: boolean; undoableEventId: string | null };

/** When it was meant to happen, for an overdue task: "Due 3 days ago (Mon 2 Mar)". */
function lateness(task: TodayTask, today: string, locale: string): string | null {
  const day = task.plannedDate ?? task.dueDate;
  if (day === null) return null;
  const late = daysBetween(day, today);
  const what = task.plannedDate ? "Planned" : "Due";
  const ago = late === 1 ? "yesterday" : `${late} days ago`;
  return `${what} ${ago} (${formatDate(day, "short", locale)})`;
}

/** One task on Today: check it in with one click, undo it. */
export function TaskRow({ task, today }: { task: TodayTask; today: string }) {
  const locale = useLocale();
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

  const late = task.status !== "done" && !view.isDone ? lateness(task, today, locale) : null;
  const isOverdue = (task.plannedDate ?? task.dueDate ?? today) < today;

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
              {PRIORITY_LABEL[task.priority]} priority
            </Badge>
            {task.estimateMinutes > 0 ? <span>{formatMinutes(task.estimateMinutes)}</span> : null}
            {view.isDone ? <span>Done today</span> : null}
            {isOverdue && late ? <span className="text-danger">{late}</span> : null}
            {!isOverdue && task.dueDate && task.dueDate !== today ? (
              <span>Due {formatDate(task.dueDate, "short", locale)}</span>
            ) : null}
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
