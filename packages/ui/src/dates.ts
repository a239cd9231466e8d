/**
 * Dates and instants in words, in the reader's locale. Calendar arithmetic on local dates is
 * @atlas/time/calendar's (docs/architecture.md "Date locale").
 */
const FORMATS = {
  /** "Mon 9 Mar" (en-GB) */
  short: { weekday: "short", day: "numeric", month: "short" },
  /** "Mon 9 Mar 2026" */
  shortYear: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  /** "9 Mar 2026" */
  medium: { day: "numeric", month: "short", year: "numeric" },
  /** "09/03/2026" (en-GB), "3/9/2026" (en-US), "9.3.2026" (de-DE) */
  numeric: { day: "numeric", month: "numeric", year: "numeric" },
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
  // The API has already placed every date in the member's own zone, so a local date is a plain
  // calendar day: written on its UTC midnight, never in the browser's or the server's zone.
  return format.format(new Date(`${date}T00:00:00Z`));
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
