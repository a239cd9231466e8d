/**
 * Calendar arithmetic on LocalDate strings "YYYY-MM-DD" (docs/domain.md "Time and local days"):
 * proleptic Gregorian, no time zone involved. No runtime imports, so browser pages can carry it
 * (packages/ui uses it) without zod or Temporal; day-key.ts builds ZLocalDate and the day starts
 * on it.
 *
 * Strings are parsed and formatted with integer arithmetic (no Date, no regex on the hot path:
 * dayKey runs over hundreds of thousands of events) and formatted keys are memoised; the cache is
 * bounded (cleared when it grows past its limit).
 */
import type { $brand } from "zod";

/**
 * A calendar date "YYYY-MM-DD" (years 0000–9999) that exists in the proleptic Gregorian calendar:
 * the type ZLocalDate (day-key.ts) parses to, written here so that checking it needs no zod.
 */
export type LocalDate = string & $brand<"LocalDate">;

/** Epoch days of 0000-01-01 and 9999-12-31: the range a "YYYY-MM-DD" string can name. */
export const MIN_EPOCH_DAY = -719_528;
export const MAX_EPOCH_DAY = 2_932_896;

/** Days from 1970-01-01 to y-m-d (H. Hinnant's days_from_civil; exact integer arithmetic). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
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
export function civilFromDays(
  days: number,
  out: [number, number, number],
): [number, number, number] {
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

/** The LocalDate of an epoch day; throws RangeError outside 0000-01-01..9999-12-31. */
export function formatEpochDay(days: number): LocalDate {
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

/** Epoch day of a LocalDate; throws RangeError for anything else. */
export function epochDayOf(date: LocalDate | string): number {
  const days = parseEpochDay(date);
  if (Number.isNaN(days)) throw new RangeError(`not a LocalDate (YYYY-MM-DD): ${String(date)}`);
  return days;
}

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
