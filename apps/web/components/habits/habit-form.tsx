"use client";

import { DateField, Field, fieldControlProps, Input, NativeSelect } from "@atlas/ui";
import { GoalField, type GoalOption } from "~/components/goals/goal-field.tsx";
import { SettingsCard } from "~/components/settings-card.tsx";
import { firstError } from "~/lib/errors.ts";
import { optionalNumber, requiredNumber } from "~/lib/form.ts";
import {
  SCHEDULE_LABEL,
  WEEKDAYS,
  type Schedule,
  type ScheduleType,
  type Target,
} from "~/lib/habit-schedule.ts";
import { usePlanForm } from "~/lib/use-plan-form.tsx";
import type { Habit } from "~/lib/views.ts";

interface Draft {
  title: string;
  scheduleType: ScheduleType;
  daysOfWeek: number[];
  timesPerWeek: string;
  everyNDays: string;
  hasTarget: boolean;
  targetValue: string;
  targetUnit: string;
  direction: Target["direction"];
  durationMinutes: string;
  goalId: string;
  /** New habits only: "" is today. */
  startDate: string;
}

const EMPTY: Draft = {
  title: "",
  scheduleType: "daily",
  daysOfWeek: [1, 2, 3, 4, 5],
  timesPerWeek: "3",
  everyNDays: "2",
  hasTarget: false,
  targetValue: "",
  targetUnit: "",
  direction: "at_least",
  durationMinutes: "",
  goalId: "",
  startDate: "",
};

function draftOf(habit: Habit): Draft {
  const { schedule, target, durationMinutes } = habit.current;
  return {
    ...EMPTY,
    title: habit.title,
    scheduleType: schedule.type,
    daysOfWeek: schedule.type === "days_of_week" ? schedule.daysOfWeek : EMPTY.daysOfWeek,
    timesPerWeek:
      schedule.type === "times_per_week" ? String(schedule.timesPerWeek) : EMPTY.timesPerWeek,
    everyNDays: schedule.type === "every_n_days" ? String(schedule.everyNDays) : EMPTY.everyNDays,
    hasTarget: target !== null,
    targetValue: target ? String(target.value) : "",
    targetUnit: target?.unit ?? "",
    direction: target?.direction ?? "at_least",
    durationMinutes: String(durationMinutes),
    goalId: habit.goalId ?? "",
  };
}

function scheduleOf(draft: Draft): Schedule {
  switch (draft.scheduleType) {
    case "daily":
      return { type: "daily" };
    case "days_of_week":
      return { type: "days_of_week", daysOfWeek: [...draft.daysOfWeek].sort((a, b) => a - b) };
    case "times_per_week":
      return { type: "times_per_week", timesPerWeek: requiredNumber(draft.timesPerWeek) };
    case "every_n_days":
      return { type: "every_n_days", everyNDays: requiredNumber(draft.everyNDays) };
  }
}

function targetOf(draft: Draft): Target | null {
  if (!draft.hasTarget) return null;
  return {
    value: requiredNumber(draft.targetValue),
    unit: draft.targetUnit,
    direction: draft.direction,
  };
}

/**
 * A habit's plan: name, schedule and its parameters, an optional measurable target, duration and
 * goal. `habit` absent: "New habit" (habit.create) with a start date; present: "Edit habit"
 * (habit.update, sending only what changed, so an unchanged schedule makes no new version).
 * Messages from the API's validation show next to their fields.
 */
export function HabitForm({ goals, habit }: { goals: GoalOption[]; habit?: Habit }) {
  const { id, draft, set, fields, card } = usePlanForm({
    empty: EMPTY,
    initial: habit ? draftOf(habit) : EMPTY,
    schemas: { create: "habit.create", update: "habit.update" },
    procedures: {
      create: (api) => api.habit.create.mutate,
      update: (api) => api.habit.update.mutate,
    },
    create: (draft) => ({
      title: draft.title,
      schedule: scheduleOf(draft),
      target: targetOf(draft),
      durationMinutes: optionalNumber(draft.durationMinutes),
      goalId: draft.goalId === "" ? null : draft.goalId,
      startDate: draft.startDate === "" ? null : draft.startDate,
    }),
    update:
      habit &&
      ((draft) => {
        const before = draftOf(habit);
        const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
        const schedule = scheduleOf(draft);
        const target = targetOf(draft);
        const goalId = draft.goalId === "" ? null : draft.goalId;
        return {
          habitId: habit.id,
          title: draft.title !== before.title ? draft.title : undefined,
          goalId: draft.goalId !== before.goalId ? goalId : undefined,
          schedule: same(schedule, scheduleOf(before)) ? undefined : schedule,
          target: same(target, targetOf(before)) ? undefined : target,
          durationMinutes:
            draft.durationMinutes !== before.durationMinutes
              ? (optionalNumber(draft.durationMinutes) ?? 0)
              : undefined,
        };
      }),
    href: (created) => `/habits/${created.id}`,
    updated: "Saved. Schedule changes apply from today.",
  });

  const titleError = firstError(fields, "title");
  // The API reports nested problems under the top-level field: place them by what they name.
  const scheduleError = firstError(fields, "schedule");
  const typeError = draft.scheduleType === "daily" ? scheduleError : null;
  const paramError = draft.scheduleType === "daily" ? null : scheduleError;
  const targetMessages = fields.target ?? [];
  const unitError = targetMessages.find((m) => /unit/i.test(m)) ?? null;
  const targetError = targetMessages.find((m) => !/unit/i.test(m)) ?? null;
  const durationError = firstError(fields, "durationMinutes");
  const goalError = firstError(fields, "goalId");
  const startError = firstError(fields, "startDate");
  const durationHint = "Minutes a day it takes; counts toward your load.";

  return (
    <SettingsCard
      {...card}
      title={habit ? "Edit habit" : "New habit"}
      description={
        habit
          ? "Schedule, target and duration changes apply from today; past days keep their plan."
          : "It starts today unless you pick a later start date."
      }
      submitLabel={habit ? "Save habit" : "Create habit"}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-field-title`} label="Name" error={titleError}>
          <Input
            {...fieldControlProps(`${id}-field-title`, { error: titleError })}
            value={draft.title}
            maxLength={200}
            onChange={(event) => set("title", event.target.value)}
          />
        </Field>
        <GoalField
          id={`${id}-goal`}
          goals={goals}
          value={draft.goalId}
          error={goalError}
          onChange={(goalId) => set("goalId", goalId)}
        />
        <Field id={`${id}-schedule`} label="Schedule" error={typeError}>
          <NativeSelect
            {...fieldControlProps(`${id}-schedule`, { error: typeError })}
            value={draft.scheduleType}
            onChange={(event) => set("scheduleType", event.target.value as ScheduleType)}
            options={Object.entries(SCHEDULE_LABEL).map(([value, label]) => ({ value, label }))}
          />
        </Field>
        {draft.scheduleType === "times_per_week" ? (
          <Field id={`${id}-times`} label="Times per week" hint="1 to 7" error={paramError}>
            <Input
              {...fieldControlProps(`${id}-times`, { error: paramError, hint: "1 to 7" })}
              type="number"
              inputMode="numeric"
              min={1}
              max={7}
              value={draft.timesPerWeek}
              onChange={(event) => set("timesPerWeek", event.target.value)}
            />
          </Field>
        ) : draft.scheduleType === "every_n_days" ? (
          <Field id={`${id}-every`} label="Every how many days" hint="2 to 365" error={paramError}>
            <Input
              {...fieldControlProps(`${id}-every`, { error: paramError, hint: "2 to 365" })}
              type="number"
              inputMode="numeric"
              min={2}
              max={365}
              value={draft.everyNDays}
              onChange={(event) => set("everyNDays", event.target.value)}
            />
          </Field>
        ) : (
          <div aria-hidden className="hidden sm:block" />
        )}
      </div>

      {draft.scheduleType === "days_of_week" ? (
        <fieldset aria-describedby={paramError ? `${id}-days-error` : undefined}>
          <legend className="mb-2 text-sm font-medium">Weekdays</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {WEEKDAYS.map(([day, name]) => (
              <label key={day} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={draft.daysOfWeek.includes(day)}
                  onChange={(event) =>
                    set(
                      "daysOfWeek",
                      event.target.checked
                        ? [...draft.daysOfWeek, day]
                        : draft.daysOfWeek.filter((d) => d !== day),
                    )
                  }
                />
                {name}
              </label>
            ))}
          </div>
          {paramError ? (
            <p id={`${id}-days-error`} className="mt-2 text-sm text-danger">
              {paramError}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="flex flex-col gap-3">
        <legend className="sr-only">Measurable target</legend>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={draft.hasTarget}
            onChange={(event) => set("hasTarget", event.target.checked)}
          />
          Measurable target
        </label>
        {draft.hasTarget ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field id={`${id}-direction`} label="Direction">
              <NativeSelect
                id={`${id}-direction`}
                value={draft.direction}
                onChange={(event) => set("direction", event.target.value as Target["direction"])}
                options={[
                  { value: "at_least", label: "At least" },
                  { value: "at_most", label: "At most" },
                ]}
              />
            </Field>
            <Field id={`${id}-target`} label="Target amount" error={targetError}>
              <Input
                {...fieldControlProps(`${id}-target`, { error: targetError })}
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={draft.targetValue}
                onChange={(event) => set("targetValue", event.target.value)}
              />
            </Field>
            <Field id={`${id}-unit`} label="Unit" hint="e.g. pages, minutes, km" error={unitError}>
              <Input
                {...fieldControlProps(`${id}-unit`, {
                  error: unitError,
                  hint: "e.g. pages, minutes, km",
                })}
                value={draft.targetUnit}
                maxLength={30}
                onChange={(event) => set("targetUnit", event.target.value)}
              />
            </Field>
          </div>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${id}-duration`}
          label="Duration (minutes)"
          hint={durationHint}
          error={durationError}
        >
          <Input
            {...fieldControlProps(`${id}-duration`, { error: durationError, hint: durationHint })}
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            step={5}
            value={draft.durationMinutes}
            placeholder="0"
            onChange={(event) => set("durationMinutes", event.target.value)}
          />
        </Field>
        {habit ? null : (
          <Field id={`${id}-start`} label="Start date" error={startError}>
            <DateField
              {...fieldControlProps(`${id}-start`, { error: startError })}
              value={draft.startDate}
              onChange={(date) => set("startDate", date)}
            />
          </Field>
        )}
      </div>
    </SettingsCard>
  );
}
