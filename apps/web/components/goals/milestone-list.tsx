"use client";

import { Button, Input, cn } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { formatDate } from "@atlas/ui/dates";
import { describeError, firstError } from "~/lib/errors.ts";
import { useAction } from "~/lib/api.ts";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import type { Goal } from "~/lib/views.ts";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";
import { useLocale } from "@atlas/ui/locale";

type Milestone = Goal["milestones"][number];

const messageOf = (error: unknown) => {
  const { fields, form } = describeError(error as Parameters<typeof describeError>[0]);
  return form ?? Object.values(fields)[0]?.[0] ?? "Something went wrong.";
};

/**
 * A goal's milestones: tick one off (or reopen it), move it up or down, remove it, add one. A tick
 * shows at once and rolls back if the API refuses.
 */
export function MilestoneList({
  goalId,
  milestones,
  canEdit,
}: {
  goalId: string;
  milestones: Milestone[];
  canEdit: boolean;
}) {
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [, startRefresh] = useTransition();
  const idempotency = useIdempotencyKey();
  // Ticks not yet confirmed, for the milestones list they were made on.
  const [ticks, setTicks] = useState<{ base: Milestone[]; done: Map<string, boolean> }>({
    base: milestones,
    done: new Map(),
  });
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState("");

  const update = useAction((api) => api.goal.milestone.update.mutate);
  const reorder = useAction((api) => api.goal.milestone.reorder.mutate);
  const remove = useAction((api) => api.goal.milestone.remove.mutate);
  const create = useAction((api) => api.goal.milestone.create.mutate);
  const check = useSchemaCheck("goal.milestone.create");
  const pendingTicks = ticks.base === milestones ? ticks.done : new Map<string, boolean>();
  const refresh = () => startRefresh(() => router.refresh());

  async function toggle(milestone: Milestone, isDone: boolean) {
    setError(null);
    setTicks({ base: milestones, done: new Map(pendingTicks).set(milestone.id, isDone) });
    try {
      await update.send({ milestoneId: milestone.id, isDone });
      refresh();
    } catch (caught) {
      const rolledBack = new Map(pendingTicks);
      rolledBack.delete(milestone.id);
      setTicks({ base: milestones, done: rolledBack });
      setError(`Could not update ${milestone.title}: ${messageOf(caught)}`);
    }
  }

  async function move(index: number, by: -1 | 1) {
    const order = milestones.map((m) => m.id);
    const [moved] = order.splice(index, 1);
    if (moved === undefined) return;
    order.splice(index + by, 0, moved);
    setError(null);
    try {
      await reorder.send({ goalId, milestoneIds: order });
      refresh();
    } catch (caught) {
      setError(`Could not reorder: ${messageOf(caught)}`);
    }
  }

  async function drop(milestone: Milestone) {
    setError(null);
    try {
      await remove.send({ milestoneId: milestone.id });
      refresh();
    } catch (caught) {
      setError(`Could not remove ${milestone.title}: ${messageOf(caught)}`);
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const body = { goalId, title };
    const input = { idempotencyKey: idempotency.keyFor(body), ...body };
    if (!(await check.passes(input))) return;
    try {
      await create.send(input);
      idempotency.reset();
      setTitle("");
      refresh();
    } catch {
      // Shown under the field.
    }
  }

  const shown = check.shown(create.error);
  const titleError = firstError(shown.fields, "title") ?? shown.form;
  const busy = update.isPending || reorder.isPending || remove.isPending;

  return (
    <div className="flex flex-col gap-4">
      {milestones.length === 0 ? (
        <p className="text-sm text-muted-foreground">No milestone yet.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-border">
          {milestones.map((milestone, index) => {
            const isDone = pendingTicks.get(milestone.id) ?? milestone.doneOn !== null;
            return (
              <li key={milestone.id} className="flex flex-wrap items-center gap-2 py-2">
                <label className="flex min-w-0 flex-1 items-center gap-3 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-primary"
                    checked={isDone}
                    disabled={!canEdit}
                    onChange={(event) => void toggle(milestone, event.target.checked)}
                  />
                  <span className={cn("min-w-0", isDone && "text-muted-foreground line-through")}>
                    {milestone.title}
                  </span>
                  {milestone.doneOn && isDone ? (
                    <span className="shrink-0 text-xs text-muted-foreground">
                      done {formatDate(milestone.doneOn, "dayMonth", locale)}
                    </span>
                  ) : null}
                </label>
                {canEdit ? (
                  <div className="flex gap-1">
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      aria-disabled={busy || index === 0}
                      onClick={() => index > 0 && !busy && void move(index, -1)}
                    >
                      <span aria-hidden>↑</span>
                      <span className="sr-only">Move {milestone.title} up</span>
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      aria-disabled={busy || index === milestones.length - 1}
                      onClick={() => index < milestones.length - 1 && !busy && void move(index, 1)}
                    >
                      <span aria-hidden>↓</span>
                      <span className="sr-only">Move {milestone.title} down</span>
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      aria-disabled={busy}
                      onClick={() => !busy && void drop(milestone)}
                    >
                      <span>
                        Remove<span className="sr-only"> milestone {milestone.title}</span>
                      </span>
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {error ? (
        <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      {canEdit ? (
        <form noValidate onSubmit={add} onFocus={check.preload} className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-new`} className="text-sm font-medium">
            New milestone
          </label>
          <div className="flex gap-2">
            <Input
              id={`${id}-new`}
              value={title}
              maxLength={200}
              onChange={(event) => setTitle(event.target.value)}
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? `${id}-new-error` : undefined}
            />
            <Button type="submit" variant="secondary" disabled={create.isPending}>
              Add milestone
            </Button>
          </div>
          {titleError ? (
            <p id={`${id}-new-error`} className="text-sm text-danger">
              {titleError}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
