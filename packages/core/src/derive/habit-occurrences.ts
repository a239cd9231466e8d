/**
 * One habit's occurrences as of now, for calendars and streak badges: unlike the day rows (which
 * are snapshots), a miss that was later repaired is labelled `repaired` here.
 */
import type { LocalDate } from "@atlas/time";
import type { OccurrenceState } from "../model.ts";
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
