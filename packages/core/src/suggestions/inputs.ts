/**
 * What each planner job is given (docs/domain.md "AI suggestions" → "Inputs"), built from one
 * member's plans as the engine models them: which tasks and habits the job sees, the days it may
 * use with their capacity and the minutes already committed on them. Pure: the service
 * (services/ai/snapshot.ts) loads the history after the member's checkpoint, then the texts of
 * the few items chosen here.
 */
import { addDays, diffDays, type LocalDate } from "@atlas/time";
import { REPAIR_OCCURRENCES } from "../at-risk.ts";
import { capacityOn } from "../capacity.ts";
import type { DeriveState } from "../derive/derive-member.ts";
import { firstDoneDay, indexEvents } from "../derive/event-index.ts";
import { isHabitDueOn, habitDayPlan, taskDueDateOn } from "../due.ts";
import type { Habit, Task, TaskVersion } from "../model.ts";
import { INITIAL_STREAK, REPAIR_SPACING_DAYS, type StreakState } from "../occurrences.ts";
import { committedMinutes, forecastLoad, isOverloadedLevel, type PlanInput } from "../overload.ts";
import {
  PLANNER_LIMITS,
  type DeferralInput,
  type PlannerDay,
  type PlannerPreferences,
  type PlannerTask,
  type RecoveryHabit,
  type RecoveryInput,
  type WeeklyPlanInput,
} from "../planner/types.ts";
import { versionOn } from "../versions.ts";

/** The texts of the chosen items, read after the choice (titles and notes are untrusted data). */
export interface TaskText {
  title: string;
  notes: string;
}
export interface HabitText {
  title: string;
  target: RecoveryHabit["target"];
}
export interface Texts {
  tasks: ReadonlyMap<string, TaskText>;
  habits: ReadonlyMap<string, HabitText>;
}

/** A task open today, with the version in force (else the first). */
export interface OpenTask {
  task: Task;
  version: TaskVersion;
}

/** A streak this short breaking asks for no recovery. */
export const RECOVERY_MIN_STREAK = 3;
/** A break or a waiting miss older than this many days asks for none either. */
export const RECOVERY_LOOKBACK_DAYS = 7;
/** After a recovery suggestion, overload alone asks for another only this many days later. */
export const OVERLOAD_RECOVERY_GAP_DAYS = 7;

const datesFrom = (start: LocalDate, count: number): LocalDate[] =>
  Array.from({ length: count }, (_, i) => addDays(start, i));

/** Tasks neither done, cancelled in the version in force today, nor archived by today. */
export function openTasks(plan: PlanInput, today: LocalDate): OpenTask[] {
  const index = indexEvents(plan.events);
  const out: OpenTask[] = [];
  for (const task of plan.tasks) {
    if (task.archivedFrom !== null && task.archivedFrom <= today) continue;
    if (firstDoneDay(task.id, index.get(task.id)) !== null) continue;
    const version = versionOn(task.versions, today) ?? task.versions[0];
    if (version === undefined || version.status === "cancelled") continue;
    out.push({ task, version });
  }
  return out;
}

const scheduled = (t: OpenTask): LocalDate | null => t.version.plannedDate ?? t.version.dueDate;
const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;
const byId = (a: OpenTask, b: OpenTask) => (a.task.id < b.task.id ? -1 : 1);

/** Dated first (earliest first), then by deadline, priority (high first) and creation. */
function planningOrder(a: OpenTask, b: OpenTask): number {
  const [sa, sb] = [scheduled(a), scheduled(b)];
  if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sa < sb ? -1 : 1;
  const [da, db] = [a.version.dueDate, b.version.dueDate];
  if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
  return (
    PRIORITY_RANK[a.version.priority] - PRIORITY_RANK[b.version.priority] ||
    a.task.createdAt.getTime() - b.task.createdAt.getTime() ||
    byId(a, b)
  );
}

function plannerTask({ task, version }: OpenTask, texts: Texts): PlannerTask {
  const text = texts.tasks.get(task.id);
  if (text === undefined) throw new Error(`no text loaded for task ${task.id}`);
  return {
    id: task.id,
    title: text.title,
    notes: text.notes === "" ? null : text.notes,
    priority: version.priority,
    // Rule: an estimate of 0 is "none set" (the task form's default).
    estimateMinutes: version.estimateMinutes === 0 ? null : version.estimateMinutes,
    dueDate: version.dueDate,
    plannedDate: version.plannedDate,
  };
}

function plannerDays(
  plan: PlanInput,
  today: LocalDate,
  dates: readonly LocalDate[],
  options: { exceptTasks: ReadonlySet<string>; flexibleHabitsApart: boolean },
): PlannerDay[] {
  const committed = committedMinutes(plan, today, dates, options);
  return dates.map((localDate) => ({
    localDate,
    // Rule: nothing is placed on a day that has passed.
    capacityMinutes: localDate < today ? 0 : capacityOn(plan.capacity, localDate),
    committedMinutes: Math.min(10_080, committed.get(localDate) ?? 0),
  }));
}

// ── The weekly plan ──────────────────────────────────────────────────────────────────────────

export interface WeekSelection {
  weekStart: LocalDate;
  /** Open tasks not dated after the week, in planning order, at most maxInputItems. */
  tasks: OpenTask[];
  /** times_per_week habits active in the week: the plan chooses their days. */
  habits: { habit: Habit; durationMinutes: number; timesPerWeek: number }[];
}

export function selectWeek(plan: PlanInput, today: LocalDate, weekStart: LocalDate): WeekSelection {
  const weekEnd = addDays(weekStart, 6);
  const tasks = openTasks(plan, today)
    .filter((t) => {
      const day = scheduled(t);
      return day === null || day <= weekEnd;
    })
    .sort(planningOrder)
    .slice(0, PLANNER_LIMITS.maxInputItems);
  const habits = plan.habits.flatMap((habit) => {
    const p = habitDayPlan(habit, weekStart);
    return p.kind === "week"
      ? [{ habit, durationMinutes: p.version.durationMinutes, timesPerWeek: p.timesPerWeek }]
      : [];
  });
  return { weekStart, tasks, habits: habits.slice(0, 50) };
}

export function weeklyPlanInput(
  plan: PlanInput,
  today: LocalDate,
  selection: WeekSelection,
  texts: Texts,
  preferences: PlannerPreferences,
): WeeklyPlanInput {
  return {
    job: "weekly_plan",
    days: plannerDays(plan, today, datesFrom(selection.weekStart, 7), {
      exceptTasks: new Set(selection.tasks.map((t) => t.task.id)),
      flexibleHabitsApart: true,
    }),
    tasks: selection.tasks.map((t) => plannerTask(t, texts)),
    habits: selection.habits.map(({ habit, durationMinutes, timesPerWeek }) => ({
      id: habit.id,
      title: habitText(texts, habit.id).title,
      durationMinutes,
      sessions: timesPerWeek,
    })),
    preferences,
  };
}

function habitText(texts: Texts, habitId: string): HabitText {
  const text = texts.habits.get(habitId);
  if (text === undefined) throw new Error(`no text loaded for habit ${habitId}`);
  return text;
}

// ── Deferral ─────────────────────────────────────────────────────────────────────────────────

/** Open tasks whose day in today's plan has passed, most recently due first (as Today lists them). */
export function selectOverdue(plan: PlanInput, today: LocalDate): OpenTask[] {
  return openTasks(plan, today)
    .flatMap((t) => {
      const day = taskDueDateOn(t.task, today);
      return day !== null && day < today ? [{ t, day }] : [];
    })
    .sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : byId(a.t, b.t)))
    .slice(0, PLANNER_LIMITS.maxInputItems)
    .map(({ t }) => t);
}

/** Whether a task's day was yesterday: the day that just closed left it overdue. */
export function becameOverdue(overdue: readonly OpenTask[], today: LocalDate): boolean {
  return overdue.some((t) => taskDueDateOn(t.task, today) === addDays(today, -1));
}

export function deferralInput(
  plan: PlanInput,
  today: LocalDate,
  overdue: readonly OpenTask[],
  texts: Texts,
  preferences: PlannerPreferences,
): DeferralInput {
  return {
    job: "deferral",
    today,
    days: plannerDays(plan, today, datesFrom(today, PLANNER_LIMITS.deferralHorizonDays), {
      exceptTasks: new Set(overdue.map((t) => t.task.id)),
      flexibleHabitsApart: false,
    }),
    overdueTasks: overdue.map((t) => plannerTask(t, texts)),
    preferences,
  };
}

// ── Recovery ─────────────────────────────────────────────────────────────────────────────────

export type RecoveryTrigger = RecoveryInput["trigger"];

export interface RecoverySelection {
  trigger: RecoveryTrigger;
  habits: { habit: Habit; streak: StreakState; durationMinutes: number }[];
  /** Overload only: open tasks due on an over-capacity day of the coming 7. */
  tasks: OpenTask[];
}

/**
 * What a recovery would answer, if anything (docs/domain.md "AI suggestions" → "Inputs"): a
 * streak of RECOVERY_MIN_STREAK or more broken within the last week, else a miss waiting for its
 * repair, else an overloaded coming week. `handledThrough` is the day of the member's latest
 * recovery suggestion: a break or a miss on or before it was answered already, and overload asks
 * again only OVERLOAD_RECOVERY_GAP_DAYS after it. Null: nothing to recover from.
 */
export function selectRecovery(
  plan: PlanInput,
  today: LocalDate,
  state: DeriveState,
  handledThrough: LocalDate | null,
): RecoverySelection | null {
  const since = addDays(today, -RECOVERY_LOOKBACK_DAYS);
  const isNew = (day: LocalDate) =>
    day >= since && (handledThrough === null || day > handledThrough);
  const active = plan.habits.flatMap((habit) => {
    const p = habitDayPlan(habit, today);
    if (p.kind === "inactive") return [];
    const streak = state.habits[habit.id]?.streak ?? INITIAL_STREAK;
    return [{ habit, streak, durationMinutes: p.version.durationMinutes }];
  });
  const broken = active.filter(
    (h) =>
      h.streak.lastBreak !== null &&
      h.streak.lastBreak.length >= RECOVERY_MIN_STREAK &&
      isNew(h.streak.lastBreak.localDate),
  );
  if (broken.length > 0) return { trigger: "broken_streak", habits: broken, tasks: [] };
  const waiting = active.filter(
    (h) => h.streak.pendingRepair !== null && isNew(h.streak.pendingRepair.localDate),
  );
  if (waiting.length > 0) return { trigger: "pending_repair", habits: waiting, tasks: [] };

  if (handledThrough !== null && diffDays(today, handledThrough) < OVERLOAD_RECOVERY_GAP_DAYS) {
    return null;
  }
  const forecast = forecastLoad(plan, today);
  if (!forecast.isOverloaded) return null;
  const overDays = new Set(
    forecast.days.filter((d) => isOverloadedLevel(d.level)).map((d) => d.localDate),
  );
  const tasks = openTasks(plan, today)
    .filter((t) => {
      const day = taskDueDateOn(t.task, today);
      return day !== null && overDays.has(day);
    })
    .sort(planningOrder)
    .slice(0, PLANNER_LIMITS.maxInputItems);
  const habits = active.filter((h) => h.durationMinutes > 0).slice(0, 50);
  return { trigger: "overload", habits, tasks };
}

export function recoveryInput(
  plan: PlanInput,
  today: LocalDate,
  selection: RecoverySelection,
  texts: Texts,
  preferences: PlannerPreferences,
): RecoveryInput {
  const dates = datesFrom(today, 7);
  return {
    job: "recovery",
    today,
    trigger: selection.trigger,
    days: plannerDays(plan, today, dates, {
      exceptTasks: new Set(selection.tasks.map((t) => t.task.id)),
      flexibleHabitsApart: false,
    }),
    habits: selection.habits.map(({ habit, streak, durationMinutes }) => {
      const text = habitText(texts, habit.id);
      const pending = streak.pendingRepair;
      return {
        id: habit.id,
        title: text.title,
        durationMinutes,
        target: text.target,
        streak: streak.streak,
        pendingRepair:
          pending === null
            ? null
            : {
                missedOn: pending.localDate,
                metNeeded: Math.min(2, Math.max(1, REPAIR_OCCURRENCES - pending.metAfter)),
              },
        // Rule: repairs of one habit lie at least 14 days apart (docs/domain.md "Occurrences and streaks").
        canRepair:
          streak.lastRepairedDate === null ||
          diffDays(today, streak.lastRepairedDate) >= REPAIR_SPACING_DAYS,
        dueDates: dates.filter((d) => isHabitDueOn(habit, d)),
      };
    }),
    tasks: selection.tasks.map((t) => plannerTask(t, texts)),
    preferences,
  };
}
