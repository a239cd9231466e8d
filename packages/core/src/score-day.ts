/**
 * The daily execution score (docs/domain.md "Daily execution score"): raw = Σ w·c / Σ w over the items
 * counted that day, on exact fractions; score = round_half_up(100·raw).
 */
import { reducedFraction, percentHalfUp } from "./fraction.ts";
import type { Fraction, TaskPriority } from "./model.ts";

export const HABIT_WEIGHT = 2;
export const TASK_WEIGHTS: Readonly<Record<TaskPriority, number>> = { low: 1, medium: 2, high: 3 };

/** One item counted in a day's score (skipped items are never passed in). */
export interface ScoredItem {
  weight: number;
  completion: Fraction;
}

export interface DayScore {
  /** Σ w·c / Σ w, reduced; null when nothing counts that day. */
  raw: Fraction | null;
  /** round_half_up(100·raw), 0–100. */
  score: number | null;
  /** Items counted. */
  dueCount: number;
  /** Items counted with c = 1. */
  doneCount: number;
}

export function scoreDay(items: readonly ScoredItem[]): DayScore {
  if (items.length === 0) return { raw: null, score: null, dueCount: 0, doneCount: 0 };
  let num = 0n;
  let den = 1n;
  let weights = 0n;
  let doneCount = 0;
  for (const { weight, completion: c } of items) {
    const w = BigInt(weight);
    weights += w;
    if (c.num === c.den) doneCount++;
    if (c.num === 0n) continue;
    if (c.den === den) num += w * c.num;
    else if (den % c.den === 0n) num += w * c.num * (den / c.den);
    else {
      num = num * c.den + w * c.num * den;
      den *= c.den;
    }
  }
  const raw = reducedFraction(num, den * weights);
  return { raw, score: percentHalfUp(raw), dueCount: items.length, doneCount };
}

/** How a times_per_week habit stands in the score of one day of its week. */
export type WeekDayEntry =
  /** Counted with c = 1: met that day. */
  | "met"
  /** Counted with c = 0: it had become necessary and was not met. */
  | "necessary"
  /** Not counted: not necessary yet (or already enough). */
  | "not_due"
  /** Left out: skipped that day. */
  | "skipped"
  /** Left out: the week is excused (N − skips ≤ 0). */
  | "excused";

export interface WeekDayInput {
  timesPerWeek: number;
  /** Non-reverted skips on the days of this week up to and including today. */
  skipsSoFar: number;
  /** Met days of this week before today. */
  metBefore: number;
  /** Days left in the ISO week, today included (Monday 7 … Sunday 1). */
  daysLeft: number;
  isSkippedToday: boolean;
  isMetToday: boolean;
}

/** need = N − skips so far − met days before today; necessary when need > 0 and need ≥ left. */
export function weekDayEntry(w: WeekDayInput): WeekDayEntry {
  if (w.timesPerWeek - w.skipsSoFar <= 0) return "excused";
  if (w.isSkippedToday) return "skipped";
  if (w.isMetToday) return "met";
  const need = w.timesPerWeek - w.skipsSoFar - w.metBefore;
  return need > 0 && need >= w.daysLeft ? "necessary" : "not_due";
}
