"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "~/components/confirm-button.tsx";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

const NOUN = { habit: "habit", goal: "goal", task: "task" } as const;

const CONSEQUENCE = {
  habit: "It stops being due from today. Its log and history stay.",
  goal: "It leaves your goals list. Its habits and tasks stay.",
  task: "It stops being due from today and leaves your task list.",
} as const;

/** "Archive habit/goal/task", behind a confirmation; then back to the list it belonged to. */
export function ArchiveAction({
  kind,
  id,
  title,
  after,
}: {
  kind: keyof typeof NOUN;
  id: string;
  title: string;
  /** Where to go once archived. */
  after: Route;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { send, isPending } = useAction((api) => async (planId: string) => {
    if (kind === "habit") await api.habit.archive.mutate({ habitId: planId });
    else if (kind === "goal") await api.goal.archive.mutate({ goalId: planId });
    else await api.task.archive.mutate({ taskId: planId });
  });

  async function archive() {
    setError(null);
    try {
      await send(id);
      router.push(after);
      router.refresh();
    } catch (caught) {
      setError(describeError(caught as Parameters<typeof describeError>[0]).form);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmButton
        aria-disabled={isPending}
        title={`Archive ${title}?`}
        description={CONSEQUENCE[kind]}
        confirmLabel={`Yes, archive ${NOUN[kind]}`}
        onConfirm={() => void archive()}
      >
        Archive {NOUN[kind]}
      </ConfirmButton>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
