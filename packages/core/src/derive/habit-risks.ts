/** Which habits are at risk today, straight from the engine's view of today. */
import type { LocalDate } from "@atlas/time";
import { atRiskReasons, type AtRiskReason } from "../at-risk.ts";
import { runDerivation, type DeriveState, type MemberHistory } from "./derive-member.ts";

export interface HabitRisk {
  habitId: string;
  reasons: AtRiskReason[];
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
  const risks: HabitRisk[] = [];
  runDerivation(history, { from: today, to: today }, { today, start }, (detail) => {
    if (detail.row.localDate !== today) return;
    const reasons = atRiskReasons({
      streak: detail.row.streak,
      isDueToday: detail.isDue,
      isMetToday: detail.isMet,
      isSkippedToday: detail.isSkipped,
      isPendingRepair: detail.row.isPendingRepair,
      weekEntryToday: detail.weekEntry,
    });
    if (reasons.length > 0) risks.push({ habitId: detail.row.habitId, reasons });
  });
  return risks;
}
