/**
 * The execution log generator (docs/domain.md "The execution log"). Each due item-day gets a small
 * script of steps (log a value, skip, undo the last event); running a script places its events
 * inside the member's local day and derives each event's kind from the running sum, as the
 * server would.
 */
import {
  deriveKind,
  habitWeekVersion,
  isHabitDueOn,
  isHabitShownOn,
  taskDueDays,
  versionOn,
  type Habit,
  type HabitVersion,
  type Rng,
  type Task,
} from "@atlas/core";
import type { EventSource } from "@atlas/db";
import { addDays, diffDays, isoWeekStart, type LocalDate } from "@atlas/time";
import type {
  EventSpec,
  HabitSpec,
  HabitVersionSpec,
  TargetSpec,
  TaskSpec,
  UserSpec,
  WorkspaceKey,
} from "./model.ts";
import { adherence, type Behaviour, type TaskOutcome } from "./plans.ts";
import { dayRangeOf, HOUR_MS, MINUTE_MS } from "./time.ts";

/** One step of an item-day; `after` = minutes after the previous step. */
type Step =
  | { op: "log"; value: number | null; after: number }
  | { op: "skip"; after: number }
  | { op: "undo"; after: number };

/** Everything the generator needs about one member in one workspace. */
export interface MemberLog {
  workspace: WorkspaceKey;
  member: UserSpec;
  behaviour: Behaviour;
  today: LocalDate;
  now: Date;
  skipLimit: number;
  sources: Record<string, EventSource>;
  /** `${habitKey}|${date}` days kept empty for a late entry added afterwards. */
  reserved: Set<string>;
  /** Skips per `${habitKey}|${YYYY-MM}` so far, reverted ones included (stricter than the server). */
  skipsUsed: Map<string, number>;
}

// ---------------------------------------------------------------------------------------------
// The seeded plans as core's model: when an item is due is core's rule (due.ts), not a copy.

/** Thousandths of a seeded value (they have at most 3 decimals). */
const milli = (value: number) => Math.round(value * 1000);

function asHabitVersion(v: HabitVersionSpec): HabitVersion {
  return {
    effectiveFrom: v.effectiveFrom,
    schedule: v.schedule,
    daysOfWeek: v.daysOfWeek,
    timesPerWeek: v.timesPerWeek,
    everyNDays: v.everyNDays,
    target:
      v.target === null
        ? null
        : { valueMilli: milli(v.target.value), direction: v.target.direction },
    durationMinutes: v.durationMinutes,
  };
}

function asHabit(habit: HabitSpec): Habit {
  return {
    id: habit.key,
    startDate: habit.startDate,
    archivedFrom: habit.archivedOn,
    versions: habit.versions.map(asHabitVersion),
  };
}

/** Seeded tasks are created on their first version's day and never archived. */
function asTask(task: TaskSpec, createdOn: LocalDate): Task {
  return {
    id: task.key,
    createdOn,
    archivedFrom: null,
    versions: task.versions,
    createdAt: task.createdAt,
  };
}

// ---------------------------------------------------------------------------------------------

const log = (value: number | null, after = 0): Step => ({ op: "log", value, after });
const skip = (after = 0): Step => ({ op: "skip", after });
const undo = (after: number): Step => ({ op: "undo", after });

// ---------------------------------------------------------------------------------------------
// Scripts: what happens on one due day.

/** A met day: one value, or two portions, or a typo corrected by an undo. */
function metScript(rng: Rng, target: TargetSpec | null): Step[] {
  if (target === null) {
    // Occasionally ticked too early, undone, and done for real later that day.
    return rng.chance(0.05)
      ? [log(null), undo(rng.int(1, 4)), log(null, rng.int(120, 300))]
      : [log(null)];
  }
  const t = target.value;
  if (target.direction === "at_least") {
    if (rng.chance(0.06))
      return [log(t + 10), undo(rng.int(1, 3)), log(t + rng.int(0, 2), rng.int(1, 3))];
    if (rng.chance(0.3)) {
      const first = rng.int(2, t - 2);
      return [log(first), log(t - first + rng.int(0, 2), rng.int(180, 360))];
    }
    return [log(t + rng.int(0, 2))];
  }
  if (rng.chance(0.06)) return [log(t + 15), undo(rng.int(1, 3)), log(t - 10, rng.int(1, 3))];
  return [log(rng.int(Math.round(t / 3), t))];
}

/** A partial day: below an at_least target, or over an at_most limit (but under twice it). */
function partialScript(rng: Rng, target: TargetSpec): Step[] {
  const t = target.value;
  return target.direction === "at_least"
    ? [log(rng.int(1, t - 1))]
    : [log(rng.int(t + 1, Math.floor(t * 1.8)))];
}

/** A missed day: usually nothing, sometimes a mistaken tick that was undone at once. */
function missScript(rng: Rng, target: TargetSpec | null): Step[] {
  if (!rng.chance(0.1)) return [];
  const value =
    target === null ? null : target.direction === "at_least" ? target.value : target.value - 5;
  return [log(value), undo(rng.int(1, 4))];
}

// ---------------------------------------------------------------------------------------------
// Skip allowance: at most skipLimit per member, habit and calendar month of the skipped day.

function skipBucket(habit: HabitSpec, date: LocalDate): string {
  return `${habit.key}|${date.slice(0, 7)}`;
}

function canSkip(ctx: MemberLog, habit: HabitSpec, date: LocalDate): boolean {
  return (ctx.skipsUsed.get(skipBucket(habit, date)) ?? 0) < ctx.skipLimit;
}

function useSkip(ctx: MemberLog, habit: HabitSpec, date: LocalDate): void {
  const bucket = skipBucket(habit, date);
  ctx.skipsUsed.set(bucket, (ctx.skipsUsed.get(bucket) ?? 0) + 1);
}

/** A skip, sometimes withdrawn a few minutes later (which frees the allowance, but we still count it). */
function skipScript(rng: Rng, ctx: MemberLog, habit: HabitSpec, date: LocalDate): Step[] {
  useSkip(ctx, habit, date);
  return rng.chance(0.15) ? [skip(), undo(rng.int(2, 20))] : [skip()];
}

// ---------------------------------------------------------------------------------------------
// Running a script: times inside the local day, kinds from the running sum.

/**
 * The part of the local day in which events are placed: from 2 h after the day start to 1 h
 * before its end, and for today no later than 5 minutes before now (so recordedAt ≤ now too).
 */
function activeWindow(ctx: MemberLog, date: LocalDate): { from: number; to: number } {
  const { start, end } = dayRangeOf(ctx.member.settings, date);
  const to = Math.min(end.getTime() - HOUR_MS, ctx.now.getTime() - 5 * MINUTE_MS);
  return { from: start.getTime() + 2 * HOUR_MS, to };
}

interface ItemRef {
  habit: HabitSpec | null;
  task: TaskSpec | null;
  key: string;
  /** The template key, used to pick the event source. */
  templateKey: string;
  target: TargetSpec | null;
  /** The habit's version in force that day (core's model), which decides done or partial. */
  version: HabitVersion | null;
}

function runScript(
  ctx: MemberLog,
  rng: Rng,
  item: ItemRef,
  date: LocalDate,
  steps: Step[],
): EventSpec[] {
  if (steps.length === 0) return [];
  const span = steps.slice(1).reduce((sum, s) => sum + s.after, 0) * MINUTE_MS;
  const { from, to } = activeWindow(ctx, date);
  if (to - from < span + MINUTE_MS) return []; // today has not got that far yet
  let t = from + Math.floor(rng.next() * (to - from - span));
  const source = ctx.sources[item.templateKey] ?? "web";
  const events: EventSpec[] = [];
  const live: EventSpec[] = []; // non-reverted, non-undo events, latest last
  let sum = 0;
  steps.forEach((step, i) => {
    t += step.after * MINUTE_MS;
    const occurredAt = new Date(Math.floor(t / 1000) * 1000);
    // The web client omits occurredAt (server now); API and import clients send it, received up
    // to 30 s later (steps are ≥ 1 min apart, so recordedAt keeps the steps' order).
    const delay = source === "web" ? 0 : rng.int(0, 30) * 1000;
    const base = {
      key: `seed/${ctx.workspace}/${item.key.split("/").slice(1).join("/")}/${date}/${i}`,
      workspace: ctx.workspace,
      member: ctx.member.key,
      habit: item.habit?.key ?? null,
      task: item.task?.key ?? null,
      localDate: date,
      occurredAt,
      recordedAt: new Date(occurredAt.getTime() + delay),
      recordedBy: ctx.member.key,
      source,
      note: null,
    };
    if (step.op === "log") {
      const value = item.target === null ? null : step.value;
      sum += value ?? 0;
      const kind = item.version === null ? "done" : deriveKind(item.version, milli(sum));
      const event: EventSpec = { ...base, kind, value, reverts: null };
      events.push(event);
      live.push(event);
    } else if (step.op === "skip") {
      const event: EventSpec = { ...base, kind: "skip", value: null, reverts: null };
      events.push(event);
      live.push(event);
    } else {
      const target = live.pop();
      if (target === undefined) throw new Error(`undo with nothing to revert: ${base.key}`);
      sum -= target.value ?? 0;
      events.push({ ...base, kind: "undo", value: null, reverts: target.key });
    }
  });
  return events;
}

// ---------------------------------------------------------------------------------------------
// Habits.

function daysAgo(ctx: MemberLog, date: LocalDate): number {
  return diffDays(ctx.today, date);
}

function habitRef(habit: HabitSpec, plan: Habit, date: LocalDate): ItemRef {
  return {
    habit,
    task: null,
    key: habit.key,
    templateKey: habit.key.split("/").pop() ?? "",
    target: versionOn(habit.versions, date)?.target ?? null,
    version: versionOn(plan.versions, date),
  };
}

/** One day of a daily / days_of_week / every_n_days habit. */
function habitDayScript(
  ctx: MemberLog,
  rng: Rng,
  habit: HabitSpec,
  date: LocalDate,
  target: TargetSpec | null,
): Step[] {
  const p = adherence(ctx.behaviour, daysAgo(ctx, date));
  if (p <= 0) return [];
  const r = rng.next();
  if (r < p) return metScript(rng, target);
  const rest = (r - p) / (1 - p); // where the miss falls, uniform in [0, 1)
  if (target !== null && rest < 0.35) return partialScript(rng, target);
  if (rest < 0.55 && canSkip(ctx, habit, date)) return skipScript(rng, ctx, habit, date);
  return missScript(rng, target);
}

function dailyHabitEvents(ctx: MemberLog, rng: Rng, habit: HabitSpec, plan: Habit): EventSpec[] {
  const events: EventSpec[] = [];
  for (let d = habit.startDate; d <= ctx.today; d = addDays(d, 1)) {
    if (!isHabitDueOn(plan, d) || ctx.reserved.has(`${habit.key}|${d}`)) continue;
    const item = habitRef(habit, plan, d);
    events.push(...runScript(ctx, rng, item, d, habitDayScript(ctx, rng, habit, d, item.target)));
  }
  return events;
}

/**
 * A times_per_week habit is shown every day of the week; per ISO week the member does it on about
 * N·p random days (N from the version on the week's Monday) and now and then skips another day.
 */
function weeklyHabitEvents(ctx: MemberLog, rng: Rng, habit: HabitSpec, plan: Habit): EventSpec[] {
  const events: EventSpec[] = [];
  for (
    let monday = isoWeekStart(habit.startDate);
    monday <= ctx.today;
    monday = addDays(monday, 7)
  ) {
    const n = habitWeekVersion(plan, monday)?.timesPerWeek ?? 1;
    const p = adherence(ctx.behaviour, Math.max(0, daysAgo(ctx, addDays(monday, 3))));
    const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter(
      (d) =>
        d <= ctx.today &&
        isHabitShownOn(plan, d) &&
        adherence(ctx.behaviour, daysAgo(ctx, d)) > 0 &&
        !ctx.reserved.has(`${habit.key}|${d}`),
    );
    let doneDays = 0;
    for (let i = 0; i < n; i++) if (rng.chance(p)) doneDays++;
    const order = rng.shuffle(days);
    order.slice(0, doneDays).forEach((d) => {
      events.push(...runScript(ctx, rng, habitRef(habit, plan, d), d, metScript(rng, null)));
    });
    const skipDay = order[doneDays];
    if (skipDay !== undefined && rng.chance(0.12) && canSkip(ctx, habit, skipDay)) {
      events.push(
        ...runScript(
          ctx,
          rng,
          habitRef(habit, plan, skipDay),
          skipDay,
          skipScript(rng, ctx, habit, skipDay),
        ),
      );
    }
  }
  return events;
}

export function habitEvents(ctx: MemberLog, rng: Rng, habit: HabitSpec): EventSpec[] {
  const plan = asHabit(habit);
  return habit.versions[0]?.schedule === "times_per_week"
    ? weeklyHabitEvents(ctx, rng, habit, plan)
    : dailyHabitEvents(ctx, rng, habit, plan);
}

// ---------------------------------------------------------------------------------------------
// Tasks.

/**
 * A task can only be done on a day it is due, and only once. Earlier due days (before a
 * reschedule) were missed by definition, so only the last due day up to today is a candidate.
 */
export function taskEvents(
  ctx: MemberLog,
  rng: Rng,
  task: TaskSpec,
  outcome: TaskOutcome,
): EventSpec[] {
  if (outcome === "open") return [];
  const created = task.versions[0]?.effectiveFrom;
  if (created === undefined) return [];
  const lastDue = taskDueDays(asTask(task, created))
    .filter((d) => d <= ctx.today)
    .at(-1);
  if (lastDue === undefined) return [];
  const item: ItemRef = {
    habit: null,
    task,
    key: task.key,
    templateKey: task.key.split("/").pop() ?? "",
    target: null,
    version: null,
  };
  if (outcome === "undo")
    return runScript(ctx, rng, item, lastDue, [log(null), undo(rng.int(1, 5))]);
  return rng.chance(adherence(ctx.behaviour, daysAgo(ctx, lastDue)))
    ? runScript(ctx, rng, item, lastDue, [log(null)])
    : [];
}
