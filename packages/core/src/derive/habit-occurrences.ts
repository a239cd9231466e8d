/**
 * One habit's occurrences as of now, for calendars and streak badges: unlike the day rows (which
 * are snapshots), a miss that was later repaired is labelled `repaired` here.
 */
import { isoWeekStart, type LocalDate } from "@atlas/time";
import { habitCompletion, isMet, type CombinedDay } from "../completion.ts";
import { habitDayPlan } from "../due.ts";
import type { Habit, OccurrenceState } from "../model.ts";
import type { StreakBreak } from "../occurrences.ts";
import { runDerivation, type MemberHistory } from "./derive-member.ts";

export interface Occurrence {
  /** The day, or the Monday of a times_per_week week. */
  localDate: LocalDate;
  period: "day" | "week";
  state: OccurrenceState;
}

export interface HabitOccurrences {
  occurrences: Occurrence[];
  /** Met occurrences back from the latest finished one (pending never breaks it). */
  streak: number;
  bestStreak: number;
  isPendingRepair: boolean;
  lastBreak: StreakBreak | null;
}

export function habitOccurrences(
  history: Pick<MemberHistory, "habits" | "events" | "timeSettings">,
  habitId: string,
  today: LocalDate,
): HabitOccurrences {
  const habit = history.habits.find((h) => h.id === habitId);
  if (habit === undefined) throw new RangeError(`no habit ${habitId}`);
  const occurrences: Occurrence[] = [];
  const byDate = new Map<LocalDate, Occurrence>();
  const events = history.events.filter((e) => e.habitId === habitId);
  const single: MemberHistory = {
    memberId: "",
    habits: [habit],
    tasks: [],
    events,
    capacity: [],
    timeSettings: history.timeSettings,
  };
  const { state } = runDerivation(
    single,
    { from: habit.startDate, to: today },
    { today },
    (detail) => {
      const date = detail.occurrenceDate;
      if (detail.repaired !== null) byDate.get(detail.repaired)!.state = "repaired";
      if (date === null) return;
      const period = detail.weekEntry === null ? "day" : "week";
      if (detail.isOccurrenceFinished) {
        const occurrence: Occurrence = {
          localDate: date,
          period,
          state: detail.row.state as OccurrenceState,
        };
        occurrences.push(occurrence);
        byDate.set(date, occurrence);
      } else if (detail.row.localDate === today) {
        const state = detail.row.state === "skipped" ? "skipped" : "pending";
        occurrences.push({ localDate: date, period, state });
      }
    },
  );
  const streak = state.habits[habitId]?.streak;
  return {
    occurrences,
    streak: streak?.streak ?? 0,
    bestStreak: streak?.bestStreak ?? 0,
    isPendingRepair: (streak?.pendingRepair ?? null) !== null,
    lastBreak: streak?.lastBreak ?? null,
  };
}

/** The current times_per_week week's counts at the end of yesterday (the engine's carried state). */
export type WeekSoFar = { start: LocalDate; metDays: number; skips: number } | null;

/**
 * Today's state of a habit's current occurrence: its date (the day, or the week's Monday), whether
 * it is met as of now, and for a times_per_week week its met days (today included) and N − skips.
 * null when today holds no occurrence.
 */
export function currentOccurrence(
  habit: Habit,
  day: CombinedDay,
  today: LocalDate,
  weekSoFar: WeekSoFar,
): { localDate: LocalDate; isMet: boolean; week: { met: number; needed: number } | null } | null {
  const plan = habitDayPlan(habit, today);
  if (plan.kind === "day") {
    if (!plan.isDue) return null;
    const isMetToday = !day.hasSkip && isMet(habitCompletion(plan.version, day));
    return { localDate: today, isMet: isMetToday, week: null };
  }
  if (plan.kind !== "week") return null;
  // The engine's carried counts cover the closed days of this week; today is added here.
  const start = isoWeekStart(today);
  const before = weekSoFar !== null && weekSoFar.start === start ? weekSoFar : null;
  const isMetToday = isMet(habitCompletion(plan.version, day));
  const met = (before?.metDays ?? 0) + (isMetToday ? 1 : 0);
  const needed = plan.timesPerWeek - (before?.skips ?? 0) - (day.hasSkip ? 1 : 0);
  return { localDate: start, isMet: needed > 0 && met >= needed, week: { met, needed } };
}
