/**
 * Local days (docs/domain.md "Time and local days").
 *
 * A user's local day D runs from start(D) up to start(D+1), where start(D) is the first instant at
 * which the wall clock in the user's zone reads D's date at the day start, or, where a DST jump
 * skips that wall time, the instant of the jump. Everything here works on instants; the wall clock
 * is only used to pick a first guess that is then checked against the computed starts.
 *
 * Speed (dayKey runs over hundreds of thousands of events):
 * - day starts are memoised per (zone, day start) by epoch-day number, so Temporal runs once per
 *   (zone, day start, date) and a lookup is a Map hit on a number key (no string keys built);
 * - each (zone, day start) remembers the last day it answered, so a run of instants in one day
 *   (the usual order of a log) returns without any lookup;
 * - the first guess uses an offset learnt from the last computed start instead of asking Intl or
 *   Temporal for the offset of every instant;
 * - LocalDate strings are parsed and formatted with integer arithmetic (no Date, no regex on the
 *   hot path) and the formatted keys are memoised.
 * Caches are bounded: a map that grows past its limit is simply cleared.
 */
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { currentZoneName } from "./zone-names.ts";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Epoch days of 0000-01-01 and 9999-12-31: the range a "YYYY-MM-DD" string can name. */
const MIN_EPOCH_DAY = -719_528;
const MAX_EPOCH_DAY = 2_932_896;
export const MAX_DAY_START_MINUTES = 720;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on LocalDate strings (proleptic Gregorian, no time zone involved).

/** Days from 1970-01-01 to y-m-d (H. Hinnant's days_from_civil; exact integer arithmetic). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Epoch day of a "YYYY-MM-DD" string naming a real calendar date, else NaN. */
function parseEpochDay(s: string): number {
  if (typeof s !== "string" || s.length !== 10 || s[4] !== "-" || s[7] !== "-") return NaN;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return NaN; // NaN fails too
  return daysFromCivil(y, m, d);
}

/** Civil date of an epoch day (H. Hinnant's civil_from_days), written into `out`. */
function civilFromDays(days: number, out: [number, number, number]): [number, number, number] {
  const zd = days + 719_468;
  const era = Math.floor(zd / 146_097);
  const doe = zd - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = d;
  return out;
}

const civilScratch: [number, number, number] = [0, 0, 0];
const keyCache = new Map<number, LocalDate>();
const KEY_CACHE_LIMIT = 50_000;

function formatEpochDay(days: number): LocalDate {
  let key = keyCache.get(days);
  if (key === undefined) {
    if (!(days >= MIN_EPOCH_DAY && days <= MAX_EPOCH_DAY)) {
      throw new RangeError(`date out of range 0000-01-01..9999-12-31 (epoch day ${days})`);
    }
    const [y, m, d] = civilFromDays(days, civilScratch);
    key =
      `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}` as LocalDate;
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(days, key);
  }
  return key;
}

function epochDayOf(date: LocalDate | string): number {
  const days = parseEpochDay(date);
  if (Number.isNaN(days)) throw new RangeError(`not a LocalDate (YYYY-MM-DD): ${String(date)}`);
  return days;
}

/** A calendar date "YYYY-MM-DD" (years 0000–9999) that exists in the proleptic Gregorian calendar. */
export const ZLocalDate = z
  .string()
  .refine((s) => !Number.isNaN(parseEpochDay(s)), { message: "Enter a real date as YYYY-MM-DD" })
  .brand<"LocalDate">();
export type LocalDate = z.infer<typeof ZLocalDate>;

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === "string" && !Number.isNaN(parseEpochDay(value));
}

/** Checks and brands a "YYYY-MM-DD" string; throws RangeError when it is not a real date. */
export function toLocalDate(value: string): LocalDate {
  epochDayOf(value);
  return value as LocalDate;
}

function checkInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** `date` + `n` calendar days. */
export function addDays(date: LocalDate, n: number): LocalDate {
  checkInteger(n, "n");
  return formatEpochDay(epochDayOf(date) + n);
}

/** `a − b` in calendar days (positive when `a` is later): diffDays(today, localDate) is its age. */
export function diffDays(a: LocalDate, b: LocalDate): number {
  return epochDayOf(a) - epochDayOf(b);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 (epoch day 0) was a Thursday (4).
  return ((((epochDayOf(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of `date`'s ISO week. */
export function isoWeekStart(date: LocalDate): LocalDate {
  const days = epochDayOf(date);
  return formatEpochDay(days - ((((days + 3) % 7) + 7) % 7));
}

// ---------------------------------------------------------------------------------------------
// Time zones and day starts.

const zoneValidity = new Map<string, boolean>();

/**
 * True for the zone names this runtime's Intl accepts (IANA names, links such as "US/Eastern",
 * "UTC", "Etc/GMT+5"; case-insensitively, as Intl does).
 * Rule: UTC-offset strings ("+05:00", "-0500") are always rejected, even on runtimes whose Intl
 * accepts them, so validity does not depend on the Node version and a user's zone is a named one.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  let valid = zoneValidity.get(timeZone);
  if (valid === undefined) {
    const first = timeZone.charCodeAt(0);
    if (first === 43 /* + */ || first === 45 /* - */ || first === 0x2212 /* − */) {
      valid = false;
    } else {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone });
        valid = true;
      } catch {
        valid = false;
      }
    }
    if (zoneValidity.size >= 1000) zoneValidity.clear();
    zoneValidity.set(timeZone, valid);
  }
  return valid;
}

/**
 * An IANA time zone name accepted by Intl (see isValidTimeZone; offsets like "+05:00" rejected),
 * parsed to its current name: "Europe/Kiev" and "Europe/Kyiv" are both accepted, "Europe/Kyiv"
 * is what is stored (zone-names.ts).
 */
export const ZTimeZone = z
  .string()
  .refine(isValidTimeZone, { message: "Choose a time zone from the list, like Europe/Berlin" })
  .transform(currentZoneName);

/** Minutes after local midnight at which a user's day starts: an integer 0..720. */
export const ZDayStartMinutes = z.number().int().min(0).max(MAX_DAY_START_MINUTES);

function checkDayStart(dayStartMinutes: number): void {
  if (
    !Number.isInteger(dayStartMinutes) ||
    dayStartMinutes < 0 ||
    dayStartMinutes > MAX_DAY_START_MINUTES
  ) {
    throw new RangeError(`dayStartMinutes must be an integer 0..720, got ${dayStartMinutes}`);
  }
}

/** Per (zone, day start): memoised day starts and the last day answered by dayKey. */
interface DayStarts {
  readonly timeZone: string;
  readonly dayStartMinutes: number;
  /** epoch day → epoch milliseconds of start(day). */
  readonly starts: Map<number, number>;
  /** Offset (ms) learnt from the last computed start; only a guess for the first day tried. */
  offsetGuessMs: number;
  lastDay: number;
  lastStart: number;
  lastEnd: number;
}

const STARTS_LIMIT = 20_000;
const zones = new Map<string, Map<number, DayStarts>>();

function dayStartsFor(timeZone: string, dayStartMinutes: number): DayStarts {
  let byStart = zones.get(timeZone);
  if (byStart === undefined) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`invalid time zone: ${timeZone}`);
    byStart = new Map();
    if (zones.size >= 1000) zones.clear();
    zones.set(timeZone, byStart);
  }
  let entry = byStart.get(dayStartMinutes);
  if (entry === undefined) {
    checkDayStart(dayStartMinutes);
    entry = {
      timeZone,
      dayStartMinutes,
      starts: new Map(),
      offsetGuessMs: 0,
      lastDay: NaN,
      lastStart: NaN,
      lastEnd: NaN,
    };
    byStart.set(dayStartMinutes, entry);
  }
  return entry;
}

const civilScratch2: [number, number, number] = [0, 0, 0];

/** start(day) in epoch ms, straight from Temporal (no cache). */
function computeStart(timeZone: string, days: number, dayStartMinutes: number): number {
  const [y, m, d] = civilFromDays(days, civilScratch2);
  const wall = new Temporal.PlainDateTime(
    y,
    m,
    d,
    Math.floor(dayStartMinutes / 60),
    dayStartMinutes % 60,
  );
  // "earlier": in a repeated hour, the first of the two instants. In a skipped span it gives an
  // instant before the jump (wall time minus the gap), which we detect and replace by the jump.
  // ("compatible" would give the wall time after the gap, i.e. later than the jump itself.)
  let zdt = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  if (Temporal.PlainDateTime.compare(zdt.toPlainDateTime(), wall) === 0)
    return zdt.epochMilliseconds;
  // The wall time was skipped: the day starts at the first transition whose wall time is at or
  // after the requested one (normally the very next transition).
  for (let i = 0; i < 8; i++) {
    const next = zdt.getTimeZoneTransition("next");
    if (next === null) break;
    if (Temporal.PlainDateTime.compare(next.toPlainDateTime(), wall) >= 0)
      return next.epochMilliseconds;
    zdt = next;
  }
  throw new Error(`no transition found for skipped wall time ${wall.toString()} in ${timeZone}`);
}

function startOf(entry: DayStarts, days: number): number {
  let start = entry.starts.get(days);
  if (start === undefined) {
    if (!(days >= MIN_EPOCH_DAY - 1 && days <= MAX_EPOCH_DAY + 1)) {
      throw new RangeError(`date out of range 0000-01-01..9999-12-31 (epoch day ${days})`);
    }
    start = computeStart(entry.timeZone, days, entry.dayStartMinutes);
    if (entry.starts.size >= STARTS_LIMIT) entry.starts.clear();
    entry.starts.set(days, start);
    entry.offsetGuessMs = days * DAY_MS + entry.dayStartMinutes * MINUTE_MS - start;
  }
  return start;
}

/**
 * The first instant at which the wall clock in `timeZone` reads `date` at `dayStartMinutes`; where
 * that wall time is skipped by a jump, the instant of the jump; where it occurs twice, the earlier.
 */
export function localDayStart(date: LocalDate, timeZone: string, dayStartMinutes: number): Date {
  return new Date(startOf(dayStartsFor(timeZone, dayStartMinutes), epochDayOf(date)));
}

/**
 * The local day `date` as the half-open range [start(date), start(date + 1)). A date whose start
 * equals the next one's (a date the zone skipped) has start === end: zero length, nothing due.
 */
export function localDayRange(
  date: LocalDate,
  timeZone: string,
  dayStartMinutes: number,
): { start: Date; end: Date } {
  const entry = dayStartsFor(timeZone, dayStartMinutes);
  const days = epochDayOf(date);
  return { start: new Date(startOf(entry, days)), end: new Date(startOf(entry, days + 1)) };
}

/** The local day D with start(D) ≤ instant < start(D + 1). Never a zero-length day. */
export function dayKey(instant: Date, timeZone: string, dayStartMinutes: number): LocalDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("dayKey: invalid Date");
  const entry = dayStartsFor(timeZone, dayStartMinutes);
  if (t >= entry.lastStart && t < entry.lastEnd) return formatEpochDay(entry.lastDay);

  // First guess from the wall clock at the learnt offset; then settle it on instants. Starts are
  // increasing in D in every real zone, so this walks at most a day or two (a few more if the
  // guessed offset is stale by a whole day, e.g. right after Apia's 2011 date-line jump).
  let days = Math.floor((t + entry.offsetGuessMs - dayStartMinutes * MINUTE_MS) / DAY_MS);
  for (let i = 0; i < 16; i++) {
    const start = startOf(entry, days);
    if (t < start) {
      days--;
      continue;
    }
    const end = startOf(entry, days + 1);
    if (t >= end) {
      days++;
      continue;
    }
    entry.lastDay = days;
    entry.lastStart = start;
    entry.lastEnd = end;
    return formatEpochDay(days);
  }
  throw new Error(`dayKey did not settle for ${instant.toISOString()} in ${timeZone}`);
}
