/**
 * The caller's Today (docs/domain.md "Read models", "When an item is due"): habits shown today with their state,
 * streak, skips left and the entry an undo would take; tasks of today and the overdue apart;
 * today's score and load, and the habits at risk. Everything as of the request's instant.
 */
import {
  forecastLoad,
  taskDueDateOn,
  loggedValue,
  memberNow,
  planLimit,
  undoableEvent,
  type HabitNow,
  type AtRiskReason,
  type TaskNow,
} from "@atlas/core";
import type { TaskPriority, TaskStatus } from "@atlas/db";
import type { TenantDb } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import { skipsUsedInMonth } from "../log/log.ts";
import {
  atRiskOut,
  type AtRiskHabitOut,
  type DayLoadOut,
  type ViewTarget,
  dayLoadOut,
  habitsById,
  inSnapshot,
  loadSnapshot,
  type ViewedMember,
  targetOut,
  taskRowsById,
  valueText,
} from "./member-view.ts";
import { taskOut, type TaskRow } from "../plans/tasks.ts";
import type { HabitOut, ScheduleIn } from "../plans/habits.ts";

export interface TodayHabit {
  id: string;
  name: string;
  schedule: ScheduleIn["type"];
  target: ViewTarget | null;
  durationMinutes: number;
  /** Today's combined state: the events of one day combine. */
  state: "pending" | "met" | "partial" | "skipped";
  /** Today's logged values, summed, as exact decimal text; null when none carries a value. */
  value: string | null;
  /** times_per_week: met days this ISO week and N − skips ("2 of 3 this week"); else null. */
  week: { met: number; needed: number } | null;
  /** As of now: met occurrences back from the latest finished one, plus today's once met. */
  streak: { current: number; atRisk: boolean; reasons: AtRiskReason[] };
  /** This habit's skips in today's calendar month; null allowance: unlimited. */
  skips: { allowance: number | null; used: number; remaining: number | null };
  /** The latest event today that is not an undo and not reverted (log.undo takes it). */
  undoableEventId: string | null;
}

export interface TodayTask {
  id: string;
  title: string;
  priority: TaskPriority;
  estimateMinutes: number;
  dueDate: string | null;
  plannedDate: string | null;
  status: TaskStatus;
  goalId: string | null;
  undoableEventId: string | null;
}

/** The caller's own local today, "as of now". */
export interface TodayOut {
  localDate: string;
  timeZone: string;
  /** Today's daily execution score; counts leave skipped items out. */
  score: { percent: number | null; dueCount: number; doneCount: number };
  /** Due today, and times_per_week habits until the week's N are met. */
  habits: TodayHabit[];
  /** Tasks planned or due today: open, or done today. */
  tasks: TodayTask[];
  /** Open tasks whose day passed (planned, else due, before today), most recent first, at most
   * OVERDUE_SHOWN; a task checked today stays listed so it can be undone. */
  overdue: TodayTask[];
  /** All of them, listed or not. */
  overdueCount: number;
  load: DayLoadOut;
  atRisk: AtRiskHabitOut[];
}

function habitOutOfToday(
  entry: HabitNow,
  habit: HabitOut,
  reasons: TodayHabit["streak"]["reasons"],
  skips: TodayHabit["skips"],
): TodayHabit {
  const { current } = habit;
  const value = loggedValue(entry.day);
  return {
    id: habit.id,
    name: habit.title,
    schedule: current.schedule.type,
    target: targetOut(current.target),
    durationMinutes: current.durationMinutes,
    state: entry.state,
    value: value === null ? null : valueText(value),
    week: entry.week,
    streak: { current: entry.streak, atRisk: reasons.length > 0, reasons },
    skips,
    undoableEventId: undoableEvent(entry.day)?.id ?? null,
  };
}

function taskOutOfToday(entry: TaskNow, row: TaskRow, today: LocalDate): TodayTask {
  const task = taskOut(row, today, entry.doneOn);
  return {
    id: task.id,
    title: task.title,
    priority: task.priority,
    estimateMinutes: task.estimateMinutes,
    dueDate: task.dueDate,
    plannedDate: task.plannedDate,
    status: task.status,
    goalId: task.goalId,
    undoableEventId: undoableEvent(entry.day)?.id ?? null,
  };
}

/** Overdue tasks Today lists; the rest are counted (task.rescheduleOverdue moves them all). */
export const OVERDUE_SHOWN = 20;

/** Most recently slipped first, so the list shows what is still fresh. */
function overdueOrder(today: LocalDate) {
  return (a: TaskNow, b: TaskNow) => {
    const da = taskDueDateOn(a.task, today) ?? today;
    const db = taskDueDateOn(b.task, today) ?? today;
    return da > db ? -1 : da < db ? 1 : a.task.id < b.task.id ? -1 : 1;
  };
}

export async function getToday(db: TenantDb, member: ViewedMember, now: Date): Promise<TodayOut> {
  // Everything the answer may need, in one short snapshot; the engine runs after it commits.
  const loaded = await inSnapshot(db, async (tx) => {
    const snapshot = await loadSnapshot(tx, member.workspaceId, member.userId, now);
    const { history } = snapshot.context;
    const habitIds = history.habits.map((h) => h.id);
    return {
      ...snapshot,
      habits: await habitsById(tx, habitIds, snapshot.today),
      used: await skipsUsedInMonth(tx, habitIds, snapshot.today),
    };
  });
  const { context, today, timeZone, resume, habits, used } = loaded;
  const allowance = planLimit(member.entitlements, "skipsPerMonth");
  const view = memberNow(context.history, today, { from: today, resume });
  const shown = view.habits.filter((h) => h.isShown);
  const overdue = [...view.overdue].sort(overdueOrder(today)).slice(0, OVERDUE_SHOWN);
  // Only the rows the answer shows (today's tasks and at most OVERDUE_SHOWN overdue), read once
  // the engine has chosen them: a member's open tasks can run into hundreds, and materialising
  // each with its versions cost more than the rest of the read (docs/domain.md "Read models").
  const tasks = await db.$transaction((tx) =>
    taskRowsById(
      tx,
      [...view.tasks, ...overdue].map((t) => t.task.id),
    ),
  );
  const reasons = new Map(view.risks.map((r) => [r.habitId, r.reasons]));
  const day = view.days.at(-1)!;

  return {
    localDate: today,
    timeZone,
    score: { percent: day.score, dueCount: day.dueCount, doneCount: day.doneCount },
    habits: shown.map((entry) => {
      const usedSkips = used.get(entry.habit.id) ?? 0;
      return habitOutOfToday(
        entry,
        habits.get(entry.habit.id)!,
        reasons.get(entry.habit.id) ?? [],
        {
          allowance,
          used: usedSkips,
          remaining: allowance === null ? null : Math.max(0, allowance - usedSkips),
        },
      );
    }),
    tasks: view.tasks.map((t) => taskOutOfToday(t, tasks.get(t.task.id)!, today)),
    overdue: overdue.map((t) => taskOutOfToday(t, tasks.get(t.task.id)!, today)),
    overdueCount: view.overdue.length,
    load: dayLoadOut(forecastLoad(context.history, today).days[0]!),
    atRisk: atRiskOut(view.risks, habits),
  };
}
