/**
 * The one way stored habits and tasks become core's models (docs/domain.md "Plans of work"). Every
 * loader goes through here: the member history the engine reads, and the single habit or task a
 * write checks. So "archiving counts from the owner's local day of it" and "a task exists from the
 * owner's local day of its creation" each have one home.
 */
import type { Habit, HabitVersion, Task, TaskVersion } from "@atlas/core";
import { localToday, type LocalDate, type TimeSettingVersion } from "@atlas/time";

const ascending = (a: { effectiveFrom: LocalDate }, b: { effectiveFrom: LocalDate }) =>
  a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0;

const localDayOf = (settings: readonly TimeSettingVersion[], instant: Date | null) =>
  instant === null ? null : localToday(settings, instant);

export interface StoredHabit {
  id: string;
  startDate: LocalDate;
  archivedAt: Date | null;
  versions: readonly HabitVersion[];
}

/** `timeSettings`: the owning member's. Versions oldest first, weekdays in order. */
export function habitModel(habit: StoredHabit, timeSettings: readonly TimeSettingVersion[]): Habit {
  return {
    id: habit.id,
    startDate: habit.startDate,
    archivedFrom: localDayOf(timeSettings, habit.archivedAt),
    versions: habit.versions
      .map((v) => ({ ...v, daysOfWeek: [...v.daysOfWeek].sort((a, b) => a - b) }))
      .sort(ascending),
  };
}

export interface StoredTask {
  id: string;
  createdAt: Date;
  archivedAt: Date | null;
  versions: readonly TaskVersion[];
}

/** `timeSettings`: the owning member's. Versions oldest first. */
export function taskModel(task: StoredTask, timeSettings: readonly TimeSettingVersion[]): Task {
  return {
    id: task.id,
    createdOn: localToday(timeSettings, task.createdAt),
    archivedFrom: localDayOf(timeSettings, task.archivedAt),
    createdAt: task.createdAt,
    versions: [...task.versions].sort(ascending),
  };
}
