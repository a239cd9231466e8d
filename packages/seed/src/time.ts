/**
 * Local-day helpers for seeded people. Every local date and every instant inside a local day goes
 * through @atlas/time (docs/domain.md "Time and local days"), with the user's time setting in force on that day.
 */
import {
  addDays,
  localDayRange,
  timeSettingOn,
  type LocalDate,
  type TimeSettingVersion,
} from "@atlas/time";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** [start, end) of the user's local day `date`, in the version in force that day. */
export function dayRangeOf(
  settings: readonly TimeSettingVersion[],
  date: LocalDate,
): { start: Date; end: Date } {
  const s = timeSettingOn(settings, date);
  if (s === undefined) throw new Error("a user needs at least one time setting");
  return localDayRange(date, s.timeZone, s.dayStartMinutes);
}

/** `hours` after the start of the user's local day `date`, kept inside the day. */
export function atHour(
  settings: readonly TimeSettingVersion[],
  date: LocalDate,
  hours: number,
): Date {
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
