/**
 * DOMAIN.md "When an item is due", applied to the seeded versions, so the generator only logs
 * events on days the item was due.
 */
import { diffDays, isoWeekStart, isoWeekday, type LocalDate } from "@atlas/time";
import type {
  HabitSpec,
  HabitVersionSpec,
  TaskSpec,
  TaskVersionSpec,
  TargetSpec,
} from "./model.ts";

/** The version in force on `date` (latest effectiveFrom <= date); none before the first. */
export function versionOn<V extends { effectiveFrom: LocalDate }>(
  versions: readonly V[],
  date: LocalDate,
): V | null {
  let found: V | null = null;
  for (const v of versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

/** Whether the habit exists and is live on `date` (created, started, not yet archived). */
function habitLiveOn(habit: HabitSpec, date: LocalDate): boolean {
  if (date < habit.startDate) return false;
  return habit.archivedOn === null || date < habit.archivedOn;
}

/**
 * Due on `date`: daily every day; days_of_week on its days; every_n_days on effectiveFrom + kN of
 * the version in force (it re-anchors on each version); times_per_week every day of the week.
 */
export function isHabitDue(habit: HabitSpec, date: LocalDate): boolean {
  if (!habitLiveOn(habit, date)) return false;
  const v = versionOn(habit.versions, date);
  if (v === null) return false;
  switch (v.schedule) {
    case "daily":
    case "times_per_week":
      return true;
    case "days_of_week":
      return v.daysOfWeek.includes(isoWeekday(date));
    case "every_n_days":
      return diffDays(date, v.effectiveFrom) % (v.everyNDays ?? 1) === 0;
  }
}

/**
 * The version that decides a times_per_week week: the one in force on its Monday, or the first
 * version when the habit started mid-week.
 */
export function weekVersion(habit: HabitSpec, anyDayOfWeek: LocalDate): HabitVersionSpec {
  const first = habit.versions[0];
  if (first === undefined) throw new Error(`habit ${habit.key} has no version`);
  return versionOn(habit.versions, isoWeekStart(anyDayOfWeek)) ?? first;
}

/** Whether a cumulative value meets a measurable target (c = 1). */
export function meetsTarget(target: TargetSpec, sum: number): boolean {
  return target.direction === "at_least" ? sum >= target.value : sum <= target.value;
}

/** A task's due day in a version: its planned date, else its due date. */
export function taskDayOf(v: TaskVersionSpec): LocalDate | null {
  return v.plannedDate ?? v.dueDate;
}

/**
 * Due on `date` when the version in force that day is open (not cancelled) and names that date.
 * A rescheduled task is therefore due on the old date (under the old version) and the new one.
 */
export function isTaskDue(task: TaskSpec, date: LocalDate): boolean {
  const v = versionOn(task.versions, date);
  return v !== null && v.status !== "cancelled" && taskDayOf(v) === date;
}
