/**
 * A date as a person types it, in their locale (docs/architecture.md "Date locale"):
 * DateField shows dates as formatDate(date, "medium", locale) ("4 Dec 2026", "Dec 4, 2026",
 * "4. Dez. 2026") and takes back what it shows or the locale's usual numeric form:
 * - ISO "2026-12-04" always; any date starting with a 4-digit year is read year, month, day;
 * - otherwise day, month and year in the order of Intl.DateTimeFormat(locale).formatToParts
 *   ("04/12/2026" en-GB, "12/4/2026" en-US, "4.12.2026" de-DE), separated by "/", ".", "-",
 *   ",", or spaces;
 * - a month by its name in the locale (short or long, as Intl writes it, in any case, with or
 *   without a trailing dot) or by an unambiguous start of its long name of 3 letters or more
 *   ("Sep" for "Sept", "Dez" for "Dezember"); then the other two numbers are the day and the year
 *   (a 4-digit one is the year, else the locale's order decides);
 * - the words the locale writes around a date ("г." in ru-RU) may be typed or left out;
 * - years have 4 digits or 2: a 2-digit year is taken in 2000–2099 (plans look ahead, so "26" is
 *   2026); one or three digits are refused.
 * Anything else, or a date that does not exist (31/02/2026), is null. No runtime imports beyond
 * calendar.ts: packages/ui loads this into the browser on a field's first focus.
 */
import { isLocalDate, type LocalDate } from "./calendar.ts";

type Part = "day" | "month" | "year";

interface LocaleDates {
  /** day, month and year in the order of the locale's numeric dates. */
  numericOrder: Part[];
  /** Whether the locale writes the day before the year in "medium" dates. */
  isDayBeforeYear: boolean;
  /** Lower-cased month names without a trailing dot → month 1–12. */
  monthNames: Map<string, number>;
  /** Lower-cased long month names (for unambiguous starts). */
  longNames: Array<[name: string, month: number]>;
  /** Words the locale writes around a date ("г"), lower-cased, dropped when typed. */
  literalWords: Set<string>;
}

const SEPARATORS = /[\s/.,-]+/u;
const byLocale = new Map<string, LocaleDates>();

function partsOf(locale: string, options: Intl.DateTimeFormatOptions, month: number) {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).formatToParts(
    new Date(Date.UTC(2026, month - 1, 28)),
  );
}

function words(text: string, locale: string): string[] {
  return text
    .toLocaleLowerCase(locale)
    .split(SEPARATORS)
    .filter((word) => word !== "");
}

function localeDates(locale: string): LocaleDates {
  let dates = byLocale.get(locale);
  if (dates) return dates;
  const order = (parts: Intl.DateTimeFormatPart[]) =>
    parts.map((p) => p.type).filter((t): t is Part => t === "day" || t === "month" || t === "year");
  const medium = { day: "numeric", month: "short", year: "numeric" } as const;
  const mediumOrder = order(partsOf(locale, medium, 12));
  dates = {
    numericOrder: order(partsOf(locale, {}, 12)),
    isDayBeforeYear: mediumOrder.indexOf("day") < mediumOrder.indexOf("year"),
    monthNames: new Map(),
    longNames: [],
    literalWords: new Set(),
  };
  for (let month = 1; month <= 12; month++) {
    // Names as they stand alone and as they sit in a date (they differ in some languages).
    for (const options of [
      { month: "short" },
      { month: "long" },
      medium,
      { ...medium, month: "long" },
    ] as const) {
      for (const part of partsOf(locale, options, month)) {
        if (part.type === "month") {
          for (const name of words(part.value, locale)) {
            dates.monthNames.set(name, month);
            if (options.month === "long") dates.longNames.push([name, month]);
          }
        } else if (part.type === "literal") {
          for (const word of words(part.value, locale)) dates.literalWords.add(word);
        }
      }
    }
  }
  byLocale.set(locale, dates);
  return dates;
}

function monthOf(word: string, dates: LocaleDates): number | undefined {
  const exact = dates.monthNames.get(word);
  if (exact !== undefined || word.length < 3) return exact;
  const months = new Set(
    dates.longNames.filter(([name]) => name.startsWith(word)).map(([, m]) => m),
  );
  return months.size === 1 ? [...months][0] : undefined;
}

/** A day or month of 1–2 digits, a year of 4 digits or 2 (2000–2099); NaN otherwise. */
function numberOf(word: string, part: Part): number {
  if (!/^\d+$/.test(word)) return NaN;
  if (part !== "year") return word.length <= 2 ? Number(word) : NaN;
  if (word.length === 4) return Number(word);
  return word.length === 2 ? 2000 + Number(word) : NaN;
}

function localDate(year: number, month: number, day: number): LocalDate | null {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isLocalDate(iso) ? iso : null;
}

/** The date `text` names in `locale` (see the rules above), or null. */
export function parseDateInput(text: string, locale: string): LocalDate | null {
  const dates = localeDates(locale);
  const typed = words(text, locale).filter((word) => !dates.literalWords.has(word));
  if (typed.length !== 3) return null;

  const named = typed.findIndex((word) => !/^\d+$/.test(word));
  if (named !== -1) {
    const month = monthOf(typed[named]!, dates);
    const [first, second] = typed.filter((_, i) => i !== named) as [string, string];
    if (month === undefined || !/^\d+$/.test(first) || !/^\d+$/.test(second)) return null;
    const isYearFirst = first.length > 2 || (second.length <= 2 && !dates.isDayBeforeYear);
    const [year, day] = isYearFirst ? [first, second] : [second, first];
    return localDate(numberOf(year, "year"), month, numberOf(day, "day"));
  }

  const order: Part[] = typed[0]!.length === 4 ? ["year", "month", "day"] : dates.numericOrder;
  const value = (part: Part) => numberOf(typed[order.indexOf(part)]!, part);
  return localDate(value("year"), value("month"), value("day"));
}
