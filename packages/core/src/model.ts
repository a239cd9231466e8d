/**
 * The plain-data shapes the execution formulas work on, independent of Prisma: plans as versions
 * (docs/domain.md "Plans of work"), the log as events. Values with up to 3 decimals are integers in
 * thousandths (`12.5` → 12500) so that every sum and ratio stays exact.
 */
import type { LocalDate } from "@atlas/time";

export type HabitSchedule = "daily" | "days_of_week" | "times_per_week" | "every_n_days";
export type TargetDirection = "at_least" | "at_most";
export type TaskPriority = "low" | "medium" | "high";
export type TaskStatus = "todo" | "in_progress" | "done" | "cancelled";
export type EventKind = "done" | "partial" | "skip" | "undo";
export type OccurrenceState = "met" | "partial" | "missed" | "skipped" | "repaired" | "pending";

/** A value in thousandths of its unit: 3 decimal places, exact. */
export type Milli = number;

/** An exact non-negative fraction; BigInt so sums over a year of items stay exact. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export interface HabitVersion {
  /** The owning member's local day from which this version is in force. */
  effectiveFrom: LocalDate;
  schedule: HabitSchedule;
  /** ISO weekdays 1 (Mon) … 7 (Sun), for days_of_week. */
  daysOfWeek: readonly number[];
  timesPerWeek: number | null;
  everyNDays: number | null;
  target: { valueMilli: Milli; direction: TargetDirection } | null;
  durationMinutes: number;
}

export interface Habit {
  id: string;
  /** The local day it was created on (nothing is due before it) and anchors every_n_days. */
  startDate: LocalDate;
  /** Archiving takes effect from this local day on (nothing due from it). */
  archivedFrom: LocalDate | null;
  /** Ascending by effectiveFrom; the first one's effectiveFrom is the start date. */
  versions: readonly HabitVersion[];
}

export interface TaskVersion {
  effectiveFrom: LocalDate;
  /** Planned status; `done` comes from the log, cancelled takes effect from effectiveFrom. */
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: LocalDate | null;
  plannedDate: LocalDate | null;
  estimateMinutes: number;
}

export interface Task {
  id: string;
  createdOn: LocalDate;
  archivedFrom: LocalDate | null;
  versions: readonly TaskVersion[];
  /** Creation order, the last tie-break of overload relief. */
  createdAt: Date;
}

export interface LogEvent {
  id: string;
  habitId: string | null;
  taskId: string | null;
  kind: EventKind;
  valueMilli: Milli | null;
  localDate: LocalDate;
  /** The event this one undoes (kind "undo" only). */
  revertsId: string | null;
  recordedAt: Date;
}

/** Minutes of capacity per ISO weekday, index 0 = Monday. */
export type WeeklyCapacity = readonly [number, number, number, number, number, number, number];

/**
 * A member's capacity is versioned like a plan: an edit takes effect from the member's local
 * today, so the load/capacity of a past day never changes.
 */
export interface CapacityVersion {
  effectiveFrom: LocalDate;
  week: WeeklyCapacity;
}
