"use client";

import { Button } from "@atlas/ui";
import { useAction } from "~/lib/api.ts";
import { ActionMessageLine, useKeyedAction } from "~/lib/use-keyed-action.tsx";

type Request =
  | { type: "decompose_goal"; goalId: string }
  | { type: "weekly_plan"; weekStart?: string }
  | { type: "recovery" }
  | { type: "deferral" };

/**
 * One button that asks the planner (ai.request) for a suggestion; nothing in the plans changes
 * until the member reviews it, so the page then shows it to decide (or says it went to the coach).
 */
export function AskSuggestion({
  request,
  label,
  variant = "primary",
}: {
  request: Request;
  label: string;
  variant?: "primary" | "outline";
}) {
  const ask = useAction((api) => api.ai.request.mutate);
  const action = useKeyedAction();
  const busy = ask.isPending || action.isRefreshing;

  function run() {
    if (busy) return;
    return action.run({
      signature: request,
      send: (idempotencyKey) => ask.send({ idempotencyKey, ...request }),
      done: (suggestion) =>
        suggestion.status === "pending_coach"
          ? "Your coach reviews this suggestion first: it appears here once approved."
          : "Here is the suggestion: review it below.",
      failure: "Could not plan this now.",
      // Asking again later is a new suggestion.
      forgetKeyOnSuccess: true,
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant={variant} aria-disabled={busy} onClick={run}>
        {ask.isPending ? "Planning…" : label}
      </Button>
      <ActionMessageLine message={action.message} />
    </div>
  );
}
