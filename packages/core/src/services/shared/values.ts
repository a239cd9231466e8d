/**
 * Conversions at the database boundary: logged values and targets (Decimal(12,3) columns ↔
 * thousandths, core's `Milli`). Local dates: @atlas/core/services/db-date.
 */
import type { Milli } from "@atlas/core";

/** The largest value a target or a check-in may carry: beyond it a value is a typo, not a measure. */
export const MAX_VALUE = 1_000_000;

/** True when `value` has at most 3 decimal places (as the client typed it). */
export function hasAtMostThreeDecimals(value: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(3)) === value;
}

/** A validated value (≤ 3 decimals) in thousandths, exactly. */
export function toMilli(value: number): Milli {
  return Math.round(value * 1000);
}

export function milliToNumber(milli: Milli): number {
  return milli / 1000;
}

/** Thousandths as the decimal text a Decimal column takes ("12.500"), without floating point. */
export function milliToDecimal(milli: Milli): string {
  const sign = milli < 0 ? "-" : "";
  const abs = Math.abs(milli);
  return `${sign}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
}

/** A Decimal column's value in thousandths (its text has at most 3 decimals by the column type). */
export function decimalToMilli(decimal: { toFixed(digits: number): string }): Milli {
  return Number(decimal.toFixed(3).replace(".", ""));
}
