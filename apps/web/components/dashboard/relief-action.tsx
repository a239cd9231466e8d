"use client";

import { Button } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import { useAction } from "~/lib/api.ts";
import { ActionMessageLine, useKeyedAction } from "~/lib/use-keyed-action.tsx";
import type { Relief } from "~/lib/views.ts";
import { useLocale } from "@atlas/ui/locale";

type Moves = Extract<Relief, { kind: "relief" }>["moves"];

/**
 * The overload relief as one action: the moves it would make, and one button that applies them
 * (overload.applyRelief). When the plan changed meanwhile the API refuses (409) and the page
 * reloads the new proposal.
 */
export function ReliefAction({ moves }: { moves: Moves }) {
  const locale = useLocale();
  const apply = useAction((api) => api.overload.applyRelief.mutate);
  const action = useKeyedAction();
  const busy = apply.isPending || action.isRefreshing;
  const count = moves.length;
  const noun = count === 1 ? "task" : "tasks";

  function run() {
    if (busy) return;
    return action.run({
      // One key per proposal: a retry of the same moves after a network failure reuses it.
      signature: moves,
      send: (idempotencyKey) =>
        apply.send({
          idempotencyKey,
          moves: moves.map(({ taskId, from, to }) => ({ taskId, from, to })),
        }),
      done: (result) => `Moved ${result.moved} ${result.moved === 1 ? "task" : "tasks"}.`,
      failure: "Could not apply the relief.",
      // A changed plan (409) comes with a new proposal: show it.
      refreshOn: "CONFLICT",
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-1 text-sm">
        {moves.map((move) => (
          <li key={move.taskId}>
            Move <strong className="font-medium">{move.title}</strong> from{" "}
            {formatDate(move.from, "short", locale)} to {formatDate(move.to, "short", locale)}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" aria-disabled={busy} onClick={run}>
          {apply.isPending ? "Applying…" : `Apply relief: move ${count} ${noun}`}
        </Button>
        <ActionMessageLine message={action.message} />
      </div>
    </div>
  );
}
