/**
 * A member "as of now" (docs/domain.md "Closing the day": reads compute as of now): one engine run over
 * the member's history through today, gathered into what Today and the dashboard show. Pure: the
 * API loads the history and adds names.
 */
import { addDays, type LocalDate } from "@atlas/time";
import { combineDay, isMet, type CombinedDay } from "../completion.ts";
import {
  runDerivation,
  type DeriveState,
  type HabitDayRow,
  type MemberDayRow,
  type MemberHistory,
} from "../derive/derive-member.ts";
import { firstDoneDay, indexEvents } from "../derive/event-index.ts";
import { currentOccurrence, type WeekSoFar } from "../derive/habit-occurrences.ts";
import { habitsAtRisk, type HabitRisk } from "../derive/habit-risks.ts";
import { isTaskDueOn, taskDueDateOn } from "../due.ts";
import type { Habit, LogEvent, Milli, Task } from "../model.ts";
import { INITIAL_STREAK, streakNow, type StreakState } from "../occurrences.ts";

/** A habit's today. */
export interface HabitNow {
  habit: Habit;
  /** The engine's row of today (strength as of now; its streak counts finished occurrences). */
  row: HabitDayRow;
  /** The streak as of now: a met today (or a met week) already counts. */
  streak: number;
  /** Today's events combined. */
  day: CombinedDay;
  /** Today's state: skipped, met (c = 1), partial (0 < c < 1 or a value below target), pending. */
  state: "pending" | "met" | "partial" | "skipped";
  /** times_per_week: met days of this ISO week (today included) and N − skips; else null. */
  week: { met: number; needed: number } | null;
  /**
   * On Today's list: due today, or a times_per_week habit whose week still needs check-ins (or
   * that has an entry today, so it can be undone).
   */
  isShown: boolean;
}

/** A task on Today's list or among the overdue. */
export interface TaskNow {
  task: Task;
  /** The local day of its non-reverted check-in, else null (open). */
  doneOn: LocalDate | null;
  /** Today's events combined. */
  day: CombinedDay;
}

export interface MemberNow {
  today: LocalDate;
  /** Member day rows from `from` through today (today as of now). */
  days: MemberDayRow[];
  /** Every habit active today, in the history's order. */
  habits: HabitNow[];
  /** Tasks planned (else due) today: open, or done today. */
  tasks: TaskNow[];
  /** Tasks whose day (in the plan in force today) is before today: open, or done today. */
  overdue: TaskNow[];
  risks: HabitRisk[];
  /** The engine's state at the end of yesterday (streaks, waiting repairs, breaks). */
  state: DeriveState;
}

/** The values logged on a day, summed; null when no entry carries a value. */
export function loggedValue(day: CombinedDay): Milli | null {
  return day.activeEvents.some((e) => e.valueMilli !== null) ? day.sumMilli : null;
}

/** The latest entry of the day that is neither an undo nor reverted: what log.undo would take. */
export function undoableEvent(day: CombinedDay): LogEvent | null {
  return day.activeEvents.at(-1) ?? null;
}

function habitNow(
  habit: Habit,
  row: HabitDayRow,
  day: CombinedDay,
  today: LocalDate,
  track: { streak: StreakState; week: WeekSoFar },
): HabitNow {
  const state = day.hasSkip
    ? "skipped"
    : isMet(row.completion)
      ? "met"
      : day.hasDone
        ? "partial"
        : "pending";
  const current = currentOccurrence(habit, day, today, track.week);
  const streak = streakNow(track.streak, current);
  const week = current?.week ?? null;
  if (week === null) {
    return { habit, row, streak, day, state, week, isShown: current !== null };
  }
  const metBefore = week.met - (isMet(row.completion) ? 1 : 0);
  return {
    habit,
    row,
    streak,
    day,
    state,
    week,
    isShown: metBefore < week.needed || day.hasDone || day.hasSkip,
  };
}

/** Where a read resumes: a checkpoint and the stored rows of the closed days it covers. */
export interface MemberResume {
  /** The engine's state at the end of a finished day (before today). */
  start: DeriveState;
  /** Member day rows of the window's days through `start.through` (a missing day: none due). */
  closedDays: readonly MemberDayRow[];
}

/**
 * The member as of now on `today`, with day rows from `from` (≤ today). One engine run, from the
 * history's first day, or with `resume` from the day after its checkpoint (the closed days' rows
 * are then the stored ones): only the open days are derived. At-risk continues from the run's
 * end-of-yesterday state, so today is derived once more, not the history.
 */
export function memberNow(
  history: MemberHistory,
  today: LocalDate,
  options: { from: LocalDate; resume?: MemberResume },
): MemberNow {
  const { from, resume } = options;
  const resumeFrom = resume === undefined ? from : addDays(resume.start.through, 1);
  const runFrom = resumeFrom > from ? resumeFrom : from;
  const result = runDerivation(
    history,
    { from: runFrom, to: today },
    resume === undefined ? { today } : { today, start: resume.start },
  );
  const closed = (resume?.closedDays ?? []).filter(
    (d) => d.localDate >= from && d.localDate < runFrom,
  );
  const todayEvents = history.events.filter((e) => e.localDate === today);
  const rowsToday = new Map<string, HabitDayRow>();
  for (const row of result.habitDays) if (row.localDate === today) rowsToday.set(row.habitId, row);

  const habits: HabitNow[] = [];
  for (const habit of history.habits) {
    const row = rowsToday.get(habit.id);
    if (row === undefined) continue;
    const track = result.state.habits[habit.id];
    habits.push(
      habitNow(habit, row, combineDay(todayEvents, habit.id), today, {
        streak: track?.streak ?? INITIAL_STREAK,
        week: track?.week ?? null,
      }),
    );
  }

  const index = indexEvents(history.events);
  const tasks: TaskNow[] = [];
  const overdue: TaskNow[] = [];
  for (const task of history.tasks) {
    const doneOn = firstDoneDay(task.id, index.get(task.id));
    const entry = () => ({ task, doneOn, day: combineDay(todayEvents, task.id) });
    if (isTaskDueOn(task, today)) {
      if (doneOn === null || doneOn === today) tasks.push(entry());
      continue;
    }
    const dueOn = taskDueDateOn(task, today);
    // Done today, it stays among the overdue (checked), so the check-in can be undone.
    if (dueOn !== null && dueOn < today && (doneOn === null || doneOn === today)) {
      overdue.push(entry());
    }
  }

  return {
    today,
    days: [...closed, ...result.days],
    habits,
    tasks,
    overdue,
    risks: habitsAtRisk(history, today, result.state),
    state: result.state,
  };
}
