/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD"). The API has already placed every date in the
 * member's own zone, so these are plain calendar days: computed on UTC midnights, never on the
 * browser's or the server's zone.
 */
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

const FORMATS = {
  /** "Mon 9 Mar" (en-GB) */
  short: { weekday: "short", day: "numeric", month: "short" },
  /** "Mon 9 Mar 2026" */
  shortYear: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  /** "9 Mar 2026" */
  medium: { day: "numeric", month: "short", year: "numeric" },
  /** "Monday, 9 March 2026" */
  long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  /** "Mar" */
  month: { month: "short" },
  /** "9 Mar" */
  dayMonth: { day: "numeric", month: "short" },
  /** "Mon" */
  weekdayShort: { weekday: "short" },
  /** "Monday" */
  weekday: { weekday: "long" },
  /** "March 2026" */
  monthYear: { month: "long", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof FORMATS;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A local date in words, in the reader's locale: the request's, resolved on the server
 * (`getLocale()` in server components, `useLocale()` in client ones) so both render the same.
 */
export function formatDate(date: string, style: DateStyle, locale: string): string {
  const key = `${locale}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...FORMATS[style], timeZone: "UTC" });
    formatters.set(key, format);
  }
  return format.format(new Date(toUtc(date)));
}

const INSTANT_FORMATS = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { timeStyle: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * An instant in the reader's locale, on the wall clocks of `timeZone` (the browser's own when
 * omitted: only for what renders in the browser alone): "9 Mar 2026", "9 Mar 2026, 14:05" or
 * "14:05".
 */
export function formatInstant(
  iso: string,
  style: keyof typeof INSTANT_FORMATS,
  locale: string,
  timeZone?: string,
): string {
  return new Intl.DateTimeFormat(locale, { ...INSTANT_FORMATS[style], timeZone }).format(
    new Date(iso),
  );
}

/** "45 min", "2 h", "2 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
