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
 * - LocalDate strings are parsed and formatted with integer arithmetic, memoised (calendar.ts).
 * Caches are bounded: a map that grows past its limit is simply cleared.
 */
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import {
  civilFromDays,
  epochDayOf,
  formatEpochDay,
  isLocalDate,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  type LocalDate,
} from "./calendar.ts";
import { currentZoneName } from "./zone-names.ts";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
export const MAX_DAY_START_MINUTES = 720;

/** A calendar date "YYYY-MM-DD" (years 0000–9999) that exists in the proleptic Gregorian calendar. */
export const ZLocalDate = z
  .string()
  .refine(isLocalDate, { message: "Enter a real date as YYYY-MM-DD" })
  .brand<"LocalDate">();

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

const civilScratch: [number, number, number] = [0, 0, 0];

/** start(day) in epoch ms, straight from Temporal (no cache). */
function computeStart(timeZone: string, days: number, dayStartMinutes: number): number {
  const [y, m, d] = civilFromDays(days, civilScratch);
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
