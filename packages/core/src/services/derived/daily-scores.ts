/**
 * The daily execution scores alone (docs/domain.md "Daily execution score"), for reads and reports over
 * many members and days: the same rules and formulas as the engine (due.ts, completion.ts,
 * score-day.ts, the engine's task and times_per_week rules) without strength, streaks, states or
 * consistency, so no state is carried beyond a times_per_week week. Equal to the engine's score
 * columns (the benchmark and the tests check it).
 */
import {
  addDays,
  isoWeekStart,
  isoWeekday,
  localDayRange,
  timeSettingOn,
  type LocalDate,
} from "@atlas/time";
import { combineDay, habitCompletion, isMet, type CombinedDay } from "../../completion.ts";
import { firstDoneDay, indexEvents } from "../../derive/event-index.ts";
import type { MemberHistory } from "../../derive/derive-member.ts";
import type { LogEvent } from "../../model.ts";
import { habitDayPlan, taskDueDays } from "../../due.ts";
import { FRACTION_ONE as ONE, FRACTION_ZERO as ZERO } from "../../fraction.ts";
import {
  HABIT_WEIGHT,
  scoreDay,
  TASK_WEIGHTS,
  weekDayEntry,
  type ScoredItem,
} from "../../score-day.ts";
import { versionOn } from "../../versions.ts";

export interface DailyScoreRow {
  localDate: LocalDate;
  scoreNumerator: bigint | null;
  scoreDenominator: bigint | null;
  score: number | null;
  dueCount: number;
  doneCount: number;
}

const NO_EVENTS: CombinedDay = {
  sumMilli: 0,
  hasDone: false,
  hasSkip: false,
  hasPlainDone: false,
  activeEvents: [],
};

/** Scores of [from, to] (days after `today` are not produced; today is "as of now"). */
export function scoreMemberDays(
  history: MemberHistory,
  range: { from: LocalDate; to: LocalDate },
  today: LocalDate,
): DailyScoreRow[] {
  const last = range.to < today ? range.to : today;
  // A times_per_week day needs its week's earlier days: start on the Monday of `from`.
  const first = isoWeekStart(range.from);
  const index = indexEvents(history.events);
  const settings = history.timeSettings;
  const isZeroLength = (date: LocalDate) => {
    if (settings === undefined || settings.length === 0) return false;
    const s = timeSettingOn(settings, date)!;
    const { start, end } = localDayRange(date, s.timeZone, s.dayStartMinutes);
    return start.getTime() === end.getTime();
  };

  const habits = history.habits.map((habit) => ({
    habit,
    byDay: index.get(habit.id),
    week: null as { start: LocalDate; metDays: number; skips: number } | null,
  }));
  // Each task's scored due days, indexed by day: a day looks only at the tasks due that day.
  const tasksOn = new Map<
    LocalDate,
    { taskId: string; weight: number; events: LogEvent[] | undefined; isDone: boolean }[]
  >();
  for (const task of history.tasks) {
    const byDay = index.get(task.id);
    const doneOn = firstDoneDay(task.id, byDay);
    for (const day of taskDueDays(task)) {
      const version = versionOn(task.versions, day)!;
      const entry = {
        taskId: task.id,
        weight: TASK_WEIGHTS[version.priority],
        events: byDay?.get(day),
        isDone: doneOn !== null && doneOn <= day,
      };
      const list = tasksOn.get(day);
      if (list === undefined) tasksOn.set(day, [entry]);
      else list.push(entry);
      // Once completed on or before one of its due days, a task is not due again later.
      if (entry.isDone) break;
    }
  }

  const rows: DailyScoreRow[] = [];
  const items: ScoredItem[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const isToday = date === today;
    const zeroLength = isZeroLength(date);
    const weekday = isoWeekday(date);
    items.length = 0;

    for (const run of habits) {
      const { habit } = run;
      const plan = habitDayPlan(habit, date);
      if (plan.kind === "inactive") continue;
      const events = zeroLength ? undefined : run.byDay?.get(date);
      const day = events === undefined ? NO_EVENTS : combineDay(events, habit.id);
      if (plan.kind === "day") {
        if (plan.isDue && !zeroLength && !day.hasSkip) {
          items.push({
            weight: HABIT_WEIGHT,
            completion: habitCompletion(plan.version, day) ?? ZERO,
          });
        }
      } else if (plan.kind === "week") {
        const weekStart = isoWeekStart(date);
        const week =
          run.week !== null && run.week.start === weekStart
            ? run.week
            : { start: weekStart, metDays: 0, skips: 0 };
        const isMetToday = !zeroLength && isMet(habitCompletion(plan.version, day));
        const entry = zeroLength
          ? "not_due"
          : weekDayEntry({
              timesPerWeek: plan.timesPerWeek,
              skipsSoFar: week.skips + (day.hasSkip ? 1 : 0),
              metBefore: week.metDays,
              daysLeft: 8 - weekday,
              isSkippedToday: day.hasSkip,
              isMetToday,
            });
        if (entry === "met") items.push({ weight: HABIT_WEIGHT, completion: ONE });
        else if (entry === "necessary") items.push({ weight: HABIT_WEIGHT, completion: ZERO });
        if (!isToday) {
          const isCut = habit.archivedFrom !== null && addDays(date, 1) === habit.archivedFrom;
          run.week =
            weekday === 7 || isCut
              ? null
              : {
                  start: weekStart,
                  metDays: week.metDays + (isMetToday ? 1 : 0),
                  skips: week.skips + (day.hasSkip ? 1 : 0),
                };
        }
      }
    }

    if (!zeroLength) {
      for (const due of tasksOn.get(date) ?? []) {
        if (due.events !== undefined && combineDay(due.events, due.taskId).hasSkip) continue;
        items.push({ weight: due.weight, completion: due.isDone ? ONE : ZERO });
      }
    }

    if (date < range.from) continue;
    const score = scoreDay(items);
    rows.push({
      localDate: date,
      scoreNumerator: score.raw?.num ?? null,
      scoreDenominator: score.raw?.den ?? null,
      score: score.score,
      dueCount: score.dueCount,
      doneCount: score.doneCount,
    });
  }
  return rows;
}
