/**
 * Conversions at the database boundary: logged values and targets (Decimal(12,3) columns ↔
 * thousandths, core's `Milli`): the one place a Decimal is converted, never through a float. Local
 * dates: db-date.ts.
 */
import type { Milli } from "@atlas/core";

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

/**
 * A Decimal(12,3) column's value in thousandths: Prisma's Decimal, or the column's text ("12.500")
 * as raw SQL returns it. At most 3 decimals by the column type.
 */
export function decimalToMilli(decimal: string | { toFixed(digits: number): string }): Milli {
  const text = typeof decimal === "string" ? decimal : decimal.toFixed(3);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, "0").slice(0, 3));
  return negative ? -milli : milli;
}
