/** Exact non-negative fractions on BigInt (docs/domain.md "Numbers and rounding": scores agree to the last digit with SQL). */
import type { Fraction } from "./model.ts";

export const FRACTION_ZERO: Fraction = { num: 0n, den: 1n };
export const FRACTION_ONE: Fraction = { num: 1n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function reducedFraction(num: bigint, den: bigint): Fraction {
  if (den <= 0n) throw new RangeError("fraction: denominator must be positive");
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** a < b, exactly. */
export function fractionToNumber(f: Fraction): number {
  return Number(f.num) / Number(f.den);
}

/** round_half_up(100 · f) on the exact fraction: floor((200·num + den) / (2·den)) for f ≥ 0. */
export function percentHalfUp(f: Fraction): number {
  return Number((200n * f.num + f.den) / (2n * f.den));
}
