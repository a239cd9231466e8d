/**
 * Member consistency (docs/domain.md "Consistency"): the strength update with f = 1 (m = 0.5^(1/13))
 * and c = raw, on scored days only, starting at the first scored day's raw; with the recovery
 * modifier.
 */
import type { Fraction } from "./model.ts";
import { fractionToNumber } from "./fraction.ts";
import { updateStrength } from "./habit-strength.ts";

export const CONSISTENCY_MULTIPLIER = Math.pow(0.5, 1 / 13);

export interface ConsistencyState {
  /** null before the first scored day. */
  consistency: number | null;
  /** raw of the latest scored day. */
  lastRaw: Fraction | null;
}

export const INITIAL_CONSISTENCY: ConsistencyState = { consistency: null, lastRaw: null };

/** raw < 1/2, exactly. */
export function isLowRaw(raw: Fraction): boolean {
  return 2n * raw.num < raw.den;
}

/** raw ≥ 4/5, exactly. */
export function isHighRaw(raw: Fraction): boolean {
  return 5n * raw.num >= 4n * raw.den;
}

/** raw ≥ 0.8 right after a scored day with raw < 0.5. */
export function isRecovery(previousRaw: Fraction | null, raw: Fraction): boolean {
  return previousRaw !== null && isLowRaw(previousRaw) && isHighRaw(raw);
}

/** Folds one scored day in. */
export function updateConsistency(
  state: ConsistencyState,
  raw: Fraction,
): { state: ConsistencyState; isRecovering: boolean } {
  const c = fractionToNumber(raw);
  if (state.consistency === null) {
    return { state: { consistency: c, lastRaw: raw }, isRecovering: false };
  }
  const isRecovering = isRecovery(state.lastRaw, raw);
  let consistency = updateStrength(state.consistency, c, CONSISTENCY_MULTIPLIER);
  if (isRecovering) consistency = updateStrength(consistency, c, CONSISTENCY_MULTIPLIER);
  return { state: { consistency, lastRaw: raw }, isRecovering };
}
