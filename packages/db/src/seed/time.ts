/**
 * Local-day helpers for seeded people. Every local date and every instant inside a local day goes
 * through @atlas/time (DOMAIN.md "Time"), with the user's time setting in force on that day.
 */
import { addDays, dayKey, localDayRange, type LocalDate } from "@atlas/time";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** One version of a user's time zone and day start. */
export interface TimeSettingSpec {
  effectiveFrom: LocalDate;
  timeZone: string;
  dayStartMinutes: number;
}

/** The version in force on `date`: the latest with effectiveFrom <= date (the first one before). */
export function settingOn(settings: readonly TimeSettingSpec[], date: LocalDate): TimeSettingSpec {
  let found = settings[0];
  for (const s of settings) if (s.effectiveFrom <= date) found = s;
  if (found === undefined) throw new Error("a user needs at least one time setting");
  return found;
}

/**
 * The local day of an instant: the latest version whose own reading of the instant is on or after
 * its effectiveFrom (so a zone change never sends today back to a closed day).
 */
export function localDateOf(settings: readonly TimeSettingSpec[], instant: Date): LocalDate {
  for (let i = settings.length - 1; i >= 0; i--) {
    const s = settings[i] as TimeSettingSpec;
    const key = dayKey(instant, s.timeZone, s.dayStartMinutes);
    if (i === 0 || key >= s.effectiveFrom) return key;
  }
  throw new Error("a user needs at least one time setting");
}

/** [start, end) of the user's local day `date`, in the version in force that day. */
export function dayRangeOf(
  settings: readonly TimeSettingSpec[],
  date: LocalDate,
): { start: Date; end: Date } {
  const s = settingOn(settings, date);
  return localDayRange(date, s.timeZone, s.dayStartMinutes);
}

/** `hours` after the start of the user's local day `date`, kept inside the day. */
export function atHour(settings: readonly TimeSettingSpec[], date: LocalDate, hours: number): Date {
  const { start, end } = dayRangeOf(settings, date);
  const t = Math.min(start.getTime() + hours * HOUR_MS, end.getTime() - MINUTE_MS);
  return new Date(t);
}

/** `date` + n days (a readable alias used for "n days ago" offsets). */
export function shift(date: LocalDate, days: number): LocalDate {
  return addDays(date, days);
}

/** A @db.Date column value: the calendar date at UTC midnight. */
export function dbDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export { MINUTE_MS, HOUR_MS };
