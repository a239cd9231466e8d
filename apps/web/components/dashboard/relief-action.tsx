"use client";

import { Button } from "@atlas/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatDate } from "~/lib/dates.ts";
import { describeError } from "~/lib/errors.ts";
import { useTRPC } from "~/lib/trpc/react.tsx";
import { useIdempotencyKey } from "~/lib/use-idempotency-key.ts";
import type { Relief } from "~/lib/views.ts";

type Moves = Extract<Relief, { kind: "relief" }>["moves"];

/**
 * The overload relief as one action: the moves it would make, and one button that applies them
 * (overload.applyRelief). When the plan changed meanwhile the API refuses (409) and the page
 * reloads the new proposal.
 */
export function ReliefAction({ moves }: { moves: Moves }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  // One key per proposal: a retry of the same moves after a network failure reuses it.
  const idempotency = useIdempotencyKey();
  const apply = useMutation(trpc.overload.applyRelief.mutationOptions());
  const count = moves.length;
  const noun = count === 1 ? "task" : "tasks";

  async function run() {
    if (apply.isPending || isRefreshing) return;
    setMessage(null);
    try {
      const result = await apply.mutateAsync({
        idempotencyKey: idempotency.keyFor(moves),
        moves: moves.map(({ taskId, from, to }) => ({ taskId, from, to })),
      });
      setMessage({
        tone: "done",
        text: `Moved ${result.moved} ${result.moved === 1 ? "task" : "tasks"}.`,
      });
      startRefresh(() => router.refresh());
    } catch (error) {
      const { form, fields } = describeError(error as Parameters<typeof describeError>[0]);
      setMessage({
        tone: "error",
        text: form ?? Object.values(fields)[0]?.[0] ?? "Could not apply the relief.",
      });
      // A changed plan (409) comes with a new proposal: show it.
      if ((error as { data?: { code?: string } }).data?.code === "CONFLICT") {
        startRefresh(() => router.refresh());
      }
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-1 text-sm">
        {moves.map((move) => (
          <li key={move.taskId}>
            Move <strong className="font-medium">{move.title}</strong> from{" "}
            {formatDate(move.from, "short")} to {formatDate(move.to, "short")}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" aria-disabled={apply.isPending || isRefreshing} onClick={run}>
          {apply.isPending ? "Applying…" : `Apply relief: move ${count} ${noun}`}
        </Button>
        {message ? (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={message.tone === "error" ? "text-sm text-danger" : "text-sm text-success"}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
