/** Small builders for the formula tests: plans and log events as plain data. */
import { toLocalDate, type LocalDate } from "@atlas/time";
import type {
  CapacityVersion,
  Habit,
  HabitVersion,
  LogEvent,
  Task,
  TaskVersion,
  WeeklyCapacity,
} from "../model.ts";

export const d = toLocalDate;

/** One capacity for all time (a member who never edited theirs). */
export const capacityAlways = (week: WeeklyCapacity): CapacityVersion[] => [
  { effectiveFrom: d("1970-01-01"), week },
];

type Loose<T> = Partial<Omit<T, "effectiveFrom">> & { effectiveFrom?: string };

export function habitVersion(over: Loose<HabitVersion> & { effectiveFrom: string }): HabitVersion {
  return {
    schedule: "daily",
    daysOfWeek: [],
    timesPerWeek: null,
    everyNDays: null,
    target: null,
    durationMinutes: 0,
    ...over,
    effectiveFrom: d(over.effectiveFrom),
  };
}

export function habit(
  id: string,
  startDate: string,
  versions: Loose<HabitVersion>[],
  archivedFrom: string | null = null,
): Habit {
  return {
    id,
    startDate: d(startDate),
    archivedFrom: archivedFrom === null ? null : d(archivedFrom),
    versions: versions.map((v, i) =>
      habitVersion({ ...v, effectiveFrom: i === 0 ? startDate : v.effectiveFrom! }),
    ),
  };
}

export function task(
  id: string,
  createdOn: string,
  versions: Loose<TaskVersion>[],
  archivedFrom: string | null = null,
  createdAt = new Date(`${createdOn}T12:00:00Z`),
): Task {
  return {
    id,
    createdOn: d(createdOn),
    archivedFrom: archivedFrom === null ? null : d(archivedFrom),
    createdAt,
    versions: versions.map((v, i) => ({
      status: "todo",
      priority: "medium",
      dueDate: null,
      plannedDate: null,
      estimateMinutes: 0,
      ...v,
      effectiveFrom: d(i === 0 ? createdOn : v.effectiveFrom!),
    })),
  };
}

let seq = 0;

export function ev(
  item: string,
  localDate: string | LocalDate,
  kind: LogEvent["kind"] = "done",
  valueMilli: number | null = null,
  extra: Partial<LogEvent> = {},
): LogEvent {
  const isTask = item.startsWith("t");
  return {
    id: extra.id ?? `e${++seq}`,
    habitId: isTask ? null : item,
    taskId: isTask ? item : null,
    kind,
    valueMilli,
    localDate: d(localDate),
    revertsId: null,
    recordedAt: new Date(`${localDate}T12:00:00Z`),
    ...extra,
  };
}
