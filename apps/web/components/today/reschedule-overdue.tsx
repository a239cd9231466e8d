"use client";

import { Button } from "@atlas/ui";
import { useAction } from "~/lib/api.ts";
import { ActionMessageLine, useKeyedAction } from "~/lib/use-keyed-action.tsx";

/**
 * How many tasks are overdue (Today lists the most recent ones) and one button that plans them
 * all for today (task.rescheduleOverdue).
 */
export function RescheduleOverdue({ count, shown }: { count: number; shown: number }) {
  const reschedule = useAction((api) => api.task.rescheduleOverdue.mutate);
  const action = useKeyedAction();
  const busy = reschedule.isPending || action.isRefreshing;

  function run() {
    if (busy) return;
    return action.run({
      // One key per overdue set: a retry after a network failure reuses it.
      signature: `overdue:${count}`,
      send: (idempotencyKey) => reschedule.send({ idempotencyKey }),
      done: (result) => `Moved ${result.moved} ${result.moved === 1 ? "task" : "tasks"} to today.`,
      failure: "Could not reschedule the overdue tasks.",
      forgetKeyOnSuccess: true,
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {count > shown ? (
        <p className="text-sm text-muted-foreground">
          Showing the {shown} most recent of {count} overdue tasks.
        </p>
      ) : null}
      <Button type="button" size="sm" variant="outline" aria-disabled={busy} onClick={run}>
        {reschedule.isPending ? "Moving…" : "Move all overdue to today"}
      </Button>
      <ActionMessageLine message={action.message} />
    </div>
  );
}
