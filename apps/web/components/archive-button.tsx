"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "~/components/confirm-button.tsx";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

/** ArchiveAction's control: archives once confirmed, then goes to `after`; a failure says why. */
export function ArchiveButton({
  kind,
  id,
  after,
  label,
  question,
  consequence,
  confirmLabel,
}: {
  kind: "habit" | "goal" | "task";
  id: string;
  after: Route;
  label: string;
  question: string;
  consequence: string;
  confirmLabel: string;
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
        title={question}
        description={consequence}
        confirmLabel={confirmLabel}
        onConfirm={() => void archive()}
      >
        {label}
      </ConfirmButton>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
