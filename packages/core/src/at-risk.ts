/** A habit at risk today (docs/domain.md "At risk"). */
import type { WeekDayEntry } from "./score-day.ts";

export type AtRiskReason =
  /** A streak of 3+ whose today is due and not yet met. */
  | "streak_due"
  /** A miss pending repair that today has not completed. */
  | "pending_repair"
  /** A times_per_week week that can no longer be met if one more day passes without a check-in. */
  | "week_slipping";

export const AT_RISK_STREAK = 3;

/** A miss waits for this many met occurrences after it. */
export const REPAIR_OCCURRENCES = 2;

export interface HabitRiskInput {
  /** As of now: met occurrences back from the latest finished one. */
  streak: number;
  /** A day-scheduled habit due today (for times_per_week, see weekEntryToday). */
  isDueToday: boolean;
  isMetToday: boolean;
  isSkippedToday: boolean;
  /** Met occurrences a pending miss still needs, today's counted when met; null: none pending. */
  repairOccurrencesLeft: number | null;
  /** How today stands in a times_per_week week; null for day schedules. */
  weekEntryToday: WeekDayEntry | null;
  /** The habit's first week, begun after its Monday: ignored unless met, so never at risk. */
  isFirstPartialWeek: boolean;
}

export function atRiskReasons(input: HabitRiskInput): AtRiskReason[] {
  const reasons: AtRiskReason[] = [];
  // Rule: a times_per_week habit is "due today" once today has become necessary (need ≥ left),
  // which is also exactly when one more empty day would lose the week; a skipped day is excused.
  const isWeekNecessary = input.weekEntryToday === "necessary" && !input.isFirstPartialWeek;
  const isDue = input.weekEntryToday === null ? input.isDueToday : isWeekNecessary;
  if (input.streak >= AT_RISK_STREAK && isDue && !input.isMetToday && !input.isSkippedToday) {
    reasons.push("streak_due");
  }
  if (input.repairOccurrencesLeft !== null && input.repairOccurrencesLeft > 0) {
    reasons.push("pending_repair");
  }
  if (isWeekNecessary) reasons.push("week_slipping");
  return reasons;
}
