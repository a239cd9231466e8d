/**
 * Versioned plans (docs/domain.md "Plans of work"): every day is read with the version in force on it,
 * so an edit never changes a past day.
 */
import type { LocalDate } from "@atlas/time";

/**
 * The version in force on `date`: the last one with `effectiveFrom ≤ date`; null before the first.
 * `versions` must be ascending by effectiveFrom; of two with the same effectiveFrom (two edits on
 * one day) the later in the list wins.
 */
export function versionOn<T extends { effectiveFrom: LocalDate }>(
  versions: readonly T[],
  date: LocalDate,
): T | null {
  let lo = 0;
  let hi = versions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (versions[mid]!.effectiveFrom <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : versions[lo - 1]!;
}
