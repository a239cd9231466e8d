/**
 * Combining one item's events of one day, and a habit day's completion c ∈ [0,1] (docs/domain.md "The
 * execution log", "When an item is due").
 */
import { reducedFraction, FRACTION_ONE, FRACTION_ZERO } from "./fraction.ts";
import type { Fraction, HabitVersion, LogEvent, Milli } from "./model.ts";

export interface CombinedDay {
  /** Sum of the values of the non-reverted done/partial events (a missing value adds 0). */
  sumMilli: Milli;
  /** A non-reverted done or partial exists. */
  hasDone: boolean;
  /** A non-reverted skip exists. */
  hasSkip: boolean;
  /** A non-reverted `done` without a value exists (a plain check-in). */
  hasPlainDone: boolean;
  /** The non-undo events not reverted by an undo. */
  activeEvents: LogEvent[];
}

const EMPTY_EVENTS: LogEvent[] = [];

/** The events of item `itemId` (habit or task) on one day, undos applied. */
export function combineDay(events: readonly LogEvent[], itemId: string): CombinedDay {
  let reverted: Set<string> | null = null;
  for (const e of events) {
    // An undo aimed at an undo is refused at write time; here it simply reverts nothing.
    if (
      e.kind === "undo" &&
      e.revertsId !== null &&
      (e.habitId === itemId || e.taskId === itemId)
    ) {
      (reverted ??= new Set()).add(e.revertsId);
    }
  }
  let sumMilli = 0;
  let hasDone = false;
  let hasSkip = false;
  let hasPlainDone = false;
  let activeEvents = EMPTY_EVENTS;
  for (const e of events) {
    if (e.kind === "undo" || (e.habitId !== itemId && e.taskId !== itemId)) continue;
    if (reverted !== null && reverted.has(e.id)) continue;
    if (activeEvents === EMPTY_EVENTS) activeEvents = [];
    activeEvents.push(e);
    if (e.kind === "skip") {
      hasSkip = true;
    } else {
      hasDone = true;
      sumMilli += e.valueMilli ?? 0;
      if (e.kind === "done" && e.valueMilli === null) hasPlainDone = true;
    }
  }
  return { sumMilli, hasDone, hasSkip, hasPlainDone, activeEvents };
}

/**
 * c of a habit day under `version`; null when nothing is logged or the day is skipped (scoring
 * trusts every non-reverted skip, so a skip wins over a done that slipped past the write check).
 */
export function habitCompletion(
  version: HabitVersion,
  day: Pick<CombinedDay, "sumMilli" | "hasDone" | "hasSkip" | "hasPlainDone">,
): Fraction | null {
  if (day.hasSkip || !day.hasDone) return null;
  const { target } = version;
  if (target === null) return FRACTION_ONE;
  const t = BigInt(target.valueMilli);
  const sum = BigInt(day.sumMilli);
  if (target.direction === "at_least") {
    // Rule: a plain `done` (no value) on an at_least habit is a full done.
    if (day.hasPlainDone || sum >= t) return FRACTION_ONE;
    return reducedFraction(sum, t);
  }
  // at_most: clamp(1 − (sum − t)/t, 0, 1) = clamp((2t − sum)/t, 0, 1).
  if (sum <= t) return FRACTION_ONE;
  if (sum >= 2n * t) return FRACTION_ZERO;
  return reducedFraction(2n * t - sum, t);
}

/** Met means c = 1. */
export function isMet(c: Fraction | null): boolean {
  return c !== null && c.num === c.den;
}

/** The kind the server stores for a done/partial entry, from the day's sum after it. */
export function deriveKind(version: HabitVersion, sumMilli: Milli): "done" | "partial" {
  const { target } = version;
  if (target === null) return "done";
  if (target.direction === "at_least") return sumMilli >= target.valueMilli ? "done" : "partial";
  return sumMilli <= target.valueMilli ? "done" : "partial";
}
