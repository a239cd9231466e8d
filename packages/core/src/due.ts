/**
 * When an item is due (docs/domain.md "When an item is due", "Plans of work"). Plan-only: what the
 * versions say. Completion, skips and "already done" come from the log (completion.ts, the engine).
 */
import { diffDays, isoWeekStart, isoWeekday, type LocalDate } from "@atlas/time";
import type { Habit, HabitVersion, Task } from "./model.ts";
import { versionOn } from "./versions.ts";

/** What a habit's plan says about one local day. */
export type HabitDayPlan =
  /** Before its start date, from its archive day on, or before any version. */
  | { kind: "inactive" }
  /** A day-scheduled habit (daily, days_of_week, every_n_days) on that day. */
  | { kind: "day"; version: HabitVersion; isDue: boolean }
  /** A day of a times_per_week week; `weekVersion` (its Monday's) sets N, `version` the target. */
  | { kind: "week"; version: HabitVersion; weekVersion: HabitVersion; timesPerWeek: number }
  /** A day after a mid-week switch into times_per_week: the weekly count starts next Monday. */
  | { kind: "gap"; version: HabitVersion };

export function isHabitActiveOn(habit: Habit, date: LocalDate): boolean {
  return date >= habit.startDate && (habit.archivedFrom === null || date < habit.archivedFrom);
}

/**
 * The version that governs the ISO week of `date` for times_per_week: the one in force on its
 * Monday, or on the start date for the habit's first (partial) week.
 */
export function habitWeekVersion(habit: Habit, date: LocalDate): HabitVersion | null {
  const monday = isoWeekStart(date);
  return versionOn(habit.versions, monday < habit.startDate ? habit.startDate : monday);
}

/** Whether `version`'s day schedule falls on `date` (not times_per_week). */
export function isScheduledOn(
  version: HabitVersion,
  startDate: LocalDate,
  date: LocalDate,
): boolean {
  switch (version.schedule) {
    case "daily":
      return true;
    case "days_of_week":
      return version.daysOfWeek.includes(isoWeekday(date));
    case "every_n_days": {
      // Re-anchors on every version's effectiveFrom; the first version's is the start date.
      const anchor = version.effectiveFrom > startDate ? version.effectiveFrom : startDate;
      const n = version.everyNDays ?? 1;
      const age = diffDays(date, anchor);
      return age >= 0 && age % n === 0;
    }
    case "times_per_week":
      return false;
  }
}

export function habitDayPlan(habit: Habit, date: LocalDate): HabitDayPlan {
  if (!isHabitActiveOn(habit, date)) return { kind: "inactive" };
  const version = versionOn(habit.versions, date);
  if (version === null) return { kind: "inactive" };
  const weekVersion = habitWeekVersion(habit, date) ?? version;
  // Rule: a switch into or out of times_per_week takes effect on the next Monday (the week is
  // governed by its Monday's version); after a switch into it, the rest of that week is not due.
  if (weekVersion.schedule === "times_per_week") {
    return { kind: "week", version, weekVersion, timesPerWeek: weekVersion.timesPerWeek ?? 1 };
  }
  if (version.schedule === "times_per_week") return { kind: "gap", version };
  return { kind: "day", version, isDue: isScheduledOn(version, habit.startDate, date) };
}

/** A day-scheduled habit due on `date` (times_per_week habits are never "due" on a day). */
export function isHabitDueOn(habit: Habit, date: LocalDate): boolean {
  const plan = habitDayPlan(habit, date);
  return plan.kind === "day" && plan.isDue;
}

/** Shown on Today: due that day, or any day of a times_per_week week ("2 of 3"). */
export function isHabitShownOn(habit: Habit, date: LocalDate): boolean {
  const plan = habitDayPlan(habit, date);
  return plan.kind === "week" || (plan.kind === "day" && plan.isDue);
}

/**
 * The day the task is due per the version in force on `date` (planned date, else due date); null
 * before it exists, when cancelled or archived by then, or with neither date.
 */
export function taskDueDateOn(task: Task, date: LocalDate): LocalDate | null {
  if (date < task.createdOn || (task.archivedFrom !== null && date >= task.archivedFrom)) {
    return null;
  }
  const version = versionOn(task.versions, date);
  if (version === null || version.status === "cancelled") return null;
  return version.plannedDate ?? version.dueDate;
}

/**
 * Due on `date` when the version in force that day names that day: a reschedule makes the new
 * date due too while the old day keeps its (already scored) due-ness. Plan-only: a task completed
 * on an earlier due day is left out by the engine, not here.
 */
export function isTaskDueOn(task: Task, date: LocalDate): boolean {
  return taskDueDateOn(task, date) === date;
}

/** Every day on which `task` is due per its versions, ascending (one pass over the versions). */
export function taskDueDays(task: Task): LocalDate[] {
  const days: LocalDate[] = [];
  const { versions } = task;
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    const day = v.plannedDate ?? v.dueDate;
    if (day === null || v.status === "cancelled") continue;
    const next = versions[i + 1];
    const isInForce = day >= v.effectiveFrom && (next === undefined || day < next.effectiveFrom);
    if (isInForce && isTaskDueOn(task, day)) days.push(day);
  }
  return days;
}
