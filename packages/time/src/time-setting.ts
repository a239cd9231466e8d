/**
 * A user's versioned time zone and day start (docs/domain.md "Time and local days"): the version with the latest
 * `effectiveFrom` ≤ D is in force on local day D.
 */
import type { LocalDate } from "./calendar.ts";
import { dayKey } from "./day-key.ts";

export interface TimeSetting {
  timeZone: string;
  dayStartMinutes: number;
}

export interface TimeSettingVersion extends TimeSetting {
  effectiveFrom: LocalDate;
}

/** What a user without any version (e.g. just synced from Clerk) reads until they pick one. */
export const DEFAULT_TIME_SETTING: TimeSetting = { timeZone: "UTC", dayStartMinutes: 0 };

function ascending(versions: readonly TimeSettingVersion[]): TimeSettingVersion[] {
  return [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
}

/** The version in force on `date`: the latest with effectiveFrom ≤ date, else the earliest one. */
export function timeSettingOn(
  versions: readonly TimeSettingVersion[],
  date: LocalDate,
): TimeSettingVersion | undefined {
  const sorted = ascending(versions);
  let found = sorted[0];
  for (const v of sorted) if (v.effectiveFrom <= date) found = v;
  return found;
}

/**
 * The user's local today at `instant`: the reading of the latest version whose own reading is on
 * or after its effectiveFrom (so a change never sends today back to a closed day), capped at the
 * next version's effectiveFrom E. The cap matters only when two zones read more than a day apart
 * (Pacific/Kiritimati → Pacific/Pago_Pago): the day E then stretches until the new version reaches
 * it, instead of running ahead to E + 1 in the old zone and coming back to E.
 */
export function localToday(
  versions: readonly TimeSettingVersion[],
  instant: Date,
  fallback: TimeSetting = DEFAULT_TIME_SETTING,
): LocalDate {
  const sorted = ascending(versions);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const v = sorted[i]!;
    const key = dayKey(instant, v.timeZone, v.dayStartMinutes);
    if (i === 0 || key >= v.effectiveFrom) {
      const next = sorted[i + 1];
      return next !== undefined && key > next.effectiveFrom ? next.effectiveFrom : key;
    }
  }
  return dayKey(instant, fallback.timeZone, fallback.dayStartMinutes);
}

/**
 * The effectiveFrom of a change to `next` made at `instant`. Rule: the later of today in the old
 * setting and today in the new one (and never before the latest version), so today never falls
 * back to a day that is already closed.
 */
export function timeSettingChangeEffectiveFrom(
  versions: readonly TimeSettingVersion[],
  instant: Date,
  next: TimeSetting,
): LocalDate {
  const todayNew = dayKey(instant, next.timeZone, next.dayStartMinutes);
  const candidates = [todayNew];
  if (versions.length > 0) {
    candidates.push(localToday(versions, instant));
    candidates.push(ascending(versions).at(-1)!.effectiveFrom);
  }
  return candidates.reduce((a, b) => (b > a ? b : a));
}
