/** Which habits are at risk today, straight from the engine's view of today. */
import { isoWeekday, isoWeekStart, type LocalDate } from "@atlas/time";
import { atRiskReasons, REPAIR_OCCURRENCES, type AtRiskReason } from "../at-risk.ts";
import { combineDay } from "../completion.ts";
import { INITIAL_STREAK } from "../occurrences.ts";
import {
  runDerivation,
  type DeriveState,
  type HabitDayDetail,
  type MemberHistory,
} from "./derive-member.ts";
import { currentOccurrence } from "./habit-occurrences.ts";

/** What the at-risk card needs to say what to do (docs/domain.md "At risk"). */
export interface HabitRisk {
  habitId: string;
  reasons: AtRiskReason[];
  /** The streak a check-in today keeps: met occurrences back from the latest finished one. */
  streak: number;
  /** The miss waiting for repair (a week: its Monday) and the met occurrences it still needs
   * (null once today's check-in completes it). */
  repair: { localDate: LocalDate; occurrencesLeft: number } | null;
  /** times_per_week: met days this week (today included), N − skips, days left with today. */
  week: { met: number; needed: number; daysLeft: number } | null;
}

/**
 * The habits with at least one at-risk reason today. Pass `start` (the state at the end of
 * yesterday) to compute only today.
 */
export function habitsAtRisk(
  history: MemberHistory,
  today: LocalDate,
  start?: DeriveState,
): HabitRisk[] {
  const details = new Map<string, HabitDayDetail>();
  const { state } = runDerivation(history, { from: today, to: today }, { today, start }, (d) => {
    if (d.row.localDate === today) details.set(d.row.habitId, d);
  });
  const todayEvents = history.events.filter((e) => e.localDate === today);
  const risks: HabitRisk[] = [];
  for (const habit of history.habits) {
    const detail = details.get(habit.id);
    if (detail === undefined) continue;
    const track = state.habits[habit.id];
    const streak = track?.streak ?? INITIAL_STREAK;
    const day = combineDay(todayEvents, habit.id);
    const current = currentOccurrence(habit, day, today, track?.week ?? null);
    const pending = streak.pendingRepair;
    // Rule: a met occurrence today already counts toward the repair it is waiting for.
    const left =
      pending === null ? 0 : REPAIR_OCCURRENCES - pending.metAfter - (current?.isMet ? 1 : 0);
    const repair =
      pending === null || left <= 0
        ? null
        : { localDate: pending.localDate, occurrencesLeft: left };
    const reasons = atRiskReasons({
      streak: streak.streak,
      isDueToday: detail.isDue,
      isMetToday: detail.isMet,
      isSkippedToday: detail.isSkipped,
      repairOccurrencesLeft: repair?.occurrencesLeft ?? null,
      weekEntryToday: detail.weekEntry,
      isFirstPartialWeek: detail.weekEntry !== null && isoWeekStart(today) < habit.startDate,
    });
    if (reasons.length === 0) continue;
    const week = current?.week ?? null;
    risks.push({
      habitId: habit.id,
      reasons,
      streak: streak.streak,
      repair,
      week: week === null ? null : { ...week, daysLeft: 8 - isoWeekday(today) },
    });
  }
  return risks;
}
