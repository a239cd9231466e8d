"use client";

import { Badge, Button, Input } from "@atlas/ui";
import { useId, useState, type FormEvent } from "react";
import { RowCard, RowTitle } from "~/components/today/row-card.tsx";
import { StateMark } from "~/components/today/state-mark.tsx";
import { viewOfDay, type LogDay } from "~/components/today/log-day.ts";
import { useLogWrite } from "~/components/today/use-log-write.ts";
import { useAction } from "~/lib/api.ts";
import { firstError } from "~/lib/errors.ts";
import { useSchemaCheck } from "~/lib/use-schema-check.ts";
import type { TodayHabit } from "~/lib/views.ts";

type View = Pick<TodayHabit, "state" | "value" | "undoableEventId">;

/** What the row says beside the habit's state, written on the server (row-notes.ts). */
export interface HabitNotes {
  /** This week's progress, or the kind of schedule. */
  plan: string;
  streak: string;
  /** Why the habit is at risk today (the badge's title), or null. */
  risk: string | null;
  /** The amount field's step. */
  amountStep: number;
}

/** The state a summed value reaches against the target (the server has the final word). */
function stateOf(habit: TodayHabit, value: number): View["state"] {
  if (!habit.target) return "met";
  const target = Number(habit.target.value);
  const met = habit.target.direction === "at_least" ? value >= target : value <= target;
  return met ? "met" : "partial";
}

function describeState(habit: TodayHabit, view: View): string {
  const { target } = habit;
  switch (view.state) {
    case "met":
      return target && view.value !== null
        ? `Done: ${view.value} of ${target.direction === "at_most" ? "at most " : ""}${target.value} ${target.unit}`
        : "Done";
    case "partial":
      return target
        ? `${view.value ?? 0} of ${target.direction === "at_most" ? "at most " : ""}${target.value} ${target.unit}`
        : "Partly done";
    case "skipped":
      return "Skipped today";
    case "pending":
      return target?.direction === "at_most"
        ? `To log: at most ${target.value} ${target.unit}`
        : target
          ? `To do: ${target.value} ${target.unit}`
          : "To do";
  }
}

/**
 * One habit on Today: check in with one click, log an amount (measurable habits), skip (with the
 * month's remaining allowance), undo the latest entry. Writes show at once and roll back on error.
 */
export function HabitRow({ habit, notes }: { habit: TodayHabit; notes: HabitNotes }) {
  const id = useId();
  const checkIn = useAction((api) => api.log.checkIn.mutate);
  const skip = useAction((api) => api.log.skip.mutate);
  const undo = useAction((api) => api.log.undo.mutate);
  const { view, error, isPending, write } = useLogWrite<View>(habit, {
    state: habit.state,
    value: habit.value,
    undoableEventId: habit.undoableEventId,
  });
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const amountCheck = useSchemaCheck("log.checkIn.value");

  const { name, target } = habit;
  const needsValue = target?.direction === "at_most";
  const settled = (result: { day: LogDay }): View => viewOfDay(result.day);

  function checkInFully() {
    void write({
      signature: `check-in:${habit.id}`,
      optimistic: { ...view, state: "met" },
      send: (idempotencyKey) => checkIn.send({ idempotencyKey, habitId: habit.id }),
      settled,
      failure: `Could not check in ${name}`,
    });
  }

  async function logAmount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    if (amount.trim() === "") {
      setAmountError(`Enter an amount in ${target?.unit ?? "units"} first.`);
      return;
    }
    setAmountError(null);
    const value = Number(amount);
    if (!(await amountCheck.passes({ value }))) return;
    const sum = Number(view.value ?? 0) + (Number.isFinite(value) ? value : 0);
    void write({
      signature: `value:${habit.id}:${amount}`,
      optimistic: { ...view, state: stateOf(habit, sum), value: String(sum) },
      send: (idempotencyKey) => checkIn.send({ idempotencyKey, habitId: habit.id, value }),
      settled: (result) => {
        setAmount("");
        return settled(result);
      },
      failure: `Could not log ${name}`,
    });
  }

  function skipToday() {
    void write({
      signature: `skip:${habit.id}`,
      optimistic: { ...view, state: "skipped" },
      send: (idempotencyKey) => skip.send({ idempotencyKey, habitId: habit.id }),
      settled,
      failure: `Could not skip ${name}`,
    });
  }

  function undoLatest() {
    const eventId = view.undoableEventId;
    if (eventId === null) return;
    void write({
      signature: `undo:${eventId}`,
      optimistic: { state: "pending", value: null, undoableEventId: null },
      send: (idempotencyKey) => undo.send({ idempotencyKey, eventId }),
      settled,
      failure: `Could not undo for ${name}`,
    });
  }

  /** Ignores clicks while a write is under way (aria-disabled keeps the button focusable). */
  const unlessPending = (action: () => void) => () => {
    if (!isPending) action();
  };

  const isLogged = view.state !== "pending";
  const canUndo = view.undoableEventId !== null;
  const canLogValue = target !== null && (view.state === "pending" || view.state === "partial");
  const remaining = habit.skips.remaining;
  const amountMessage = amountError ?? firstError(amountCheck.shown(null).fields, "value");

  return (
    <RowCard done={view.state === "met"} gap="gap-3" error={error}>
      <div className="flex items-start gap-3">
        <StateMark state={view.state} />
        <div className="min-w-0 flex-1">
          <RowTitle href={`/habits/${habit.id}`}>{name}</RowTitle>
          <p className="mt-0.5 text-sm text-muted-foreground">{describeState(habit, view)}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
            <span>{notes.plan}</span>
            {habit.durationMinutes > 0 ? <span>{habit.durationMinutes} min</span> : null}
            <span>{notes.streak}</span>
            {notes.risk ? (
              <Badge tone="warning" title={notes.risk}>
                At risk
              </Badge>
            ) : null}
          </p>
        </div>
        {isLogged ? (
          <Button
            key="primary"
            type="button"
            variant="outline"
            size="sm"
            aria-keyshortcuts="u"
            aria-disabled={isPending || !canUndo}
            onClick={unlessPending(undoLatest)}
          >
            <span>
              Undo {view.state === "skipped" ? "skip" : "check-in"}
              <span className="sr-only"> for {name}</span>
            </span>
          </Button>
        ) : needsValue ? null : (
          <Button
            key="primary"
            type="button"
            size="sm"
            // A measurable habit's x goes to its amount field.
            aria-keyshortcuts={target ? undefined : "x"}
            aria-disabled={isPending}
            onClick={unlessPending(checkInFully)}
          >
            <span>
              Check in<span className="sr-only"> {name}</span>
            </span>
          </Button>
        )}
      </div>

      {canLogValue || view.state === "pending" ? (
        <div className="flex flex-wrap items-start gap-2 sm:pl-9">
          {canLogValue && target ? (
            <form
              noValidate
              onSubmit={(event) => void logAmount(event)}
              onFocus={amountCheck.preload}
              className="flex flex-wrap items-start gap-2"
            >
              <label htmlFor={`${id}-amount`} className="sr-only">
                Amount for {name} ({target.unit})
              </label>
              <div className="flex items-center gap-2">
                <Input
                  id={`${id}-amount`}
                  type="number"
                  inputMode="decimal"
                  aria-keyshortcuts="x"
                  min={0}
                  step={notes.amountStep}
                  value={amount}
                  onChange={(event) => setAmount(event.target.value)}
                  aria-invalid={amountMessage ? true : undefined}
                  aria-describedby={amountMessage ? `${id}-amount-error` : undefined}
                  className="h-8 w-24"
                  placeholder={target.value}
                />
                <span className="text-sm text-muted-foreground">{target.unit}</span>
              </div>
              <Button type="submit" variant="secondary" size="sm" aria-disabled={isPending}>
                <span>
                  Log<span className="sr-only"> amount for {name}</span>
                </span>
              </Button>
              {amountMessage ? (
                <p id={`${id}-amount-error`} className="w-full text-sm text-danger">
                  {amountMessage}
                </p>
              ) : null}
            </form>
          ) : null}
          {view.state === "pending" ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-keyshortcuts="s"
              aria-disabled={isPending}
              onClick={unlessPending(skipToday)}
              className="sm:ml-auto"
            >
              <span>
                Skip<span className="sr-only"> {name}</span>
                {remaining === null ? null : ` (${remaining} left this month)`}
              </span>
            </Button>
          ) : null}
        </div>
      ) : null}
    </RowCard>
  );
}
