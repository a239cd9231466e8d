"use client";

import { Button } from "@atlas/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describeError } from "~/lib/errors.ts";
import { useTRPC } from "~/lib/trpc/react.tsx";
import { useIdempotencyKey } from "~/lib/use-idempotency-key.ts";

/**
 * How many tasks are overdue (Today lists the most recent ones) and one button that plans them
 * all for today (task.rescheduleOverdue).
 */
export function RescheduleOverdue({ count, shown }: { count: number; shown: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  // One key per overdue set: a retry after a network failure reuses it.
  const idempotency = useIdempotencyKey();
  const reschedule = useMutation(trpc.task.rescheduleOverdue.mutationOptions());
  const signature = `overdue:${count}`;

  async function run() {
    if (reschedule.isPending || isRefreshing) return;
    setMessage(null);
    try {
      const result = await reschedule.mutateAsync({
        idempotencyKey: idempotency.keyFor(signature),
      });
      idempotency.reset(signature);
      setMessage({
        tone: "done",
        text: `Moved ${result.moved} ${result.moved === 1 ? "task" : "tasks"} to today.`,
      });
      startRefresh(() => router.refresh());
    } catch (error) {
      const { form, fields } = describeError(error as Parameters<typeof describeError>[0]);
      setMessage({
        tone: "error",
        text: form ?? Object.values(fields)[0]?.[0] ?? "Could not reschedule the overdue tasks.",
      });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {count > shown ? (
        <p className="text-sm text-muted-foreground">
          Showing the {shown} most recent of {count} overdue tasks.
        </p>
      ) : null}
      <Button
        type="button"
        size="sm"
        variant="outline"
        aria-disabled={reschedule.isPending || isRefreshing}
        onClick={run}
      >
        {reschedule.isPending ? "Moving…" : "Move all overdue to today"}
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
  );
}
