/**
 * Random member histories for the engine's property test, from a seeded PRNG (mulberry32) so a
 * failure names its seed and replays exactly.
 */
import { addDays, type LocalDate } from "@atlas/time";
import type {
  CapacityVersion,
  Habit,
  HabitSchedule,
  HabitVersion,
  LogEvent,
  Task,
  TaskPriority,
  TaskVersion,
} from "../model.ts";
import type { MemberHistory } from "../derive/derive-member.ts";
import { d } from "./fixtures.ts";
import { createRng } from "../prng.ts";

export interface RandomHistory {
  history: MemberHistory;
  first: LocalDate;
  last: LocalDate;
}

const SCHEDULES: HabitSchedule[] = ["daily", "days_of_week", "times_per_week", "every_n_days"];
const PRIORITIES: TaskPriority[] = ["low", "medium", "high"];

export function randomHistory(seed: number, maxDays = 90): RandomHistory {
  const { next: r, int, pick } = createRng(seed);
  const first = addDays(d("2024-01-01"), int(0, 30));
  const span = int(14, maxDays);
  const last = addDays(first, span);
  const at = (lo: number, hi: number) => addDays(first, int(lo, hi));

  function randomVersion(effectiveFrom: LocalDate): HabitVersion {
    const schedule = pick(SCHEDULES);
    const hasTarget = r() < 0.4;
    return {
      effectiveFrom,
      schedule,
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7].filter(() => r() < 0.5),
      timesPerWeek: int(1, 7),
      everyNDays: int(2, 5),
      target: hasTarget
        ? { valueMilli: int(1, 5) * 1000, direction: r() < 0.5 ? "at_least" : "at_most" }
        : null,
      durationMinutes: int(0, 60),
    };
  }

  const habits: Habit[] = [];
  for (let i = 0, n = int(0, 4); i < n; i++) {
    const startDate = at(0, span - 7);
    const versions = [randomVersion(startDate)];
    let eff = startDate;
    for (let k = 0, m = int(0, 2); k < m; k++) {
      eff = addDays(eff, int(0, 20));
      versions.push(randomVersion(eff));
    }
    const archivedFrom = r() < 0.2 ? addDays(startDate, int(1, span)) : null;
    habits.push({ id: `h${i}`, startDate, archivedFrom, versions });
  }

  const tasks: Task[] = [];
  for (let i = 0, n = int(0, 4); i < n; i++) {
    const createdOn = at(0, span - 3);
    const version = (effectiveFrom: LocalDate): TaskVersion => ({
      effectiveFrom,
      status: r() < 0.1 ? "cancelled" : pick(["todo", "in_progress"] as const),
      priority: pick(PRIORITIES),
      dueDate: r() < 0.7 ? addDays(effectiveFrom, int(-2, 10)) : null,
      plannedDate: r() < 0.4 ? addDays(effectiveFrom, int(0, 6)) : null,
      estimateMinutes: int(0, 120),
    });
    const versions = [version(createdOn)];
    let eff = createdOn;
    for (let k = 0, m = int(0, 3); k < m; k++) {
      eff = addDays(eff, int(0, 8));
      versions.push(version(eff));
    }
    const archivedFrom = r() < 0.1 ? addDays(createdOn, int(0, 15)) : null;
    tasks.push({
      id: `t${i}`,
      createdOn,
      archivedFrom,
      versions,
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
    });
  }

  const events: LogEvent[] = [];
  let seq = 0;
  const items = [...habits.map((h) => h.id), ...tasks.map((t) => t.id)];
  for (const item of items) {
    const isTask = item.startsWith("t");
    for (let k = 0, n = int(0, isTask ? 3 : span); k < n; k++) {
      const localDate = at(-2, span);
      const roll = r();
      const kind = roll < 0.15 ? "skip" : roll < 0.5 ? "partial" : "done";
      const e: LogEvent = {
        id: `e${seq++}`,
        habitId: isTask ? null : item,
        taskId: isTask ? item : null,
        kind,
        valueMilli: kind === "skip" || r() < 0.2 ? null : int(0, 8) * 500,
        localDate,
        revertsId: null,
        recordedAt: new Date(Date.UTC(2024, 0, 1) + seq * 1000),
      };
      events.push(e);
      if (r() < 0.15) {
        events.push({ ...e, id: `e${seq++}`, kind: "undo", valueMilli: null, revertsId: e.id });
      }
    }
  }
  // The log is not in date order in real life either.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }

  // Capacity is versioned: sometimes edited mid-history (from that day on).
  const capacity: CapacityVersion[] = [
    { effectiveFrom: first, week: [int(0, 480), int(0, 480), 360, 360, 360, 0, 0] },
  ];
  if (r() < 0.5) {
    capacity.push({
      effectiveFrom: addDays(first, int(1, 60)),
      week: [360, int(0, 480), int(0, 480), 360, 0, int(0, 120), 0],
    });
  }
  return { history: { memberId: `m${seed}`, habits, tasks, events, capacity }, first, last };
}
