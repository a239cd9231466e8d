/**
 * Quick add (docs/domain.md "Quick add"): one line of text read as a title plus a date, an
 * estimate and a priority. Pure: dates are relative to the member's local `today` as the API
 * gives it ("YYYY-MM-DD" in their zone), never to a clock or a browser's zone.
 */
import { addDays, isLocalDate, isoWeekday, type LocalDate } from "./calendar.ts";

export type QuickAddPriority = "low" | "medium" | "high";

export interface QuickAdd {
  /** The text without the tokens read as something else, spaces collapsed. */
  title: string;
  date: LocalDate | null;
  estimateMinutes: number | null;
  priority: QuickAddPriority | null;
}

/** Which kinds of token to read (an item without priorities leaves "!high" in its title). */
export interface QuickAddFields {
  date?: boolean;
  estimate?: boolean;
  priority?: boolean;
}

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** 1–12 for a month's full name or its first three letters ("sept" too), else undefined. */
function monthOf(word: string): number | undefined {
  if (word === "sept") return 9;
  const index = MONTH_NAMES.findIndex((name) => name === word || name.slice(0, 3) === word);
  return index === -1 ? undefined : index + 1;
}

/** "in N days/weeks" reaches at most ten years ahead. */
const MAX_IN_DAYS = 3650;

/**
 * A day and month without a year: this year's if it is today or later, else next year's; a date
 * the year lacks (29 Feb) tries the following years' (up to the next leap year).
 */
function nextDayMonth(today: LocalDate, month: number, day: number): LocalDate | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 4; y++) {
    const date = `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (isLocalDate(date) && date >= today) return date;
  }
  return null;
}

function dayMonthYear(month: number, day: number, year: string | undefined): LocalDate | null {
  if (year === undefined || !/^\d{4}$/.test(year)) return null;
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isLocalDate(date) ? date : null;
}

const dayNumber = (word: string | undefined) =>
  word !== undefined && /^\d{1,2}$/.test(word) ? Number(word) : null;

/** A date starting at words[i]: the date and how many words it takes, or null. */
function readDate(
  words: readonly string[],
  i: number,
  today: LocalDate,
): { date: LocalDate; length: number } | null {
  const word = words[i] ?? "";
  const next = words[i + 1];
  if (word === "today") return { date: today, length: 1 };
  if (word === "tomorrow" || word === "tmrw") return { date: addDays(today, 1), length: 1 };
  // Next week starts on its Monday; "next <weekday>" is that weekday in next week.
  const nextMonday = addDays(today, 8 - isoWeekday(today));
  if (word === "next" && next === "week") return { date: nextMonday, length: 2 };
  if (word === "next" && next !== undefined && WEEKDAYS[next] !== undefined) {
    return { date: addDays(nextMonday, WEEKDAYS[next] - 1), length: 2 };
  }
  // A weekday alone is the first one after today (a week ahead on that very weekday).
  const weekday = WEEKDAYS[word];
  if (weekday !== undefined) {
    return { date: addDays(today, ((weekday - isoWeekday(today) + 6) % 7) + 1), length: 1 };
  }
  if (word === "in" && next !== undefined && /^\d{1,4}$/.test(next)) {
    const unit = words[i + 2];
    const n = Number(next);
    const days =
      unit === "day" || unit === "days"
        ? n
        : unit === "week" || unit === "weeks"
          ? n * 7
          : Number.NaN;
    if (days >= 1 && days <= MAX_IN_DAYS) return { date: addDays(today, days), length: 3 };
    return null;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(word) && isLocalDate(word)) return { date: word, length: 1 };
  // "5 Dec", "5 December 2027", "Dec 5", "Dec 5 2027".
  const dayFirst = dayNumber(word);
  const monthSecond = next === undefined ? undefined : monthOf(next);
  const monthFirst = monthOf(word);
  const daySecond = dayNumber(next);
  const [month, day] =
    dayFirst !== null && monthSecond !== undefined
      ? [monthSecond, dayFirst]
      : monthFirst !== undefined && daySecond !== null
        ? [monthFirst, daySecond]
        : [undefined, undefined];
  if (month === undefined || day === undefined) return null;
  const withYear = dayMonthYear(month, day, words[i + 2]);
  if (withYear) return { date: withYear, length: 3 };
  const date = nextDayMonth(today, month, day);
  return date ? { date, length: 2 } : null;
}

/** "30m", "45min", "1h", "1h30m", "2h15min": whole minutes, or null. */
function readMinutes(word: string): number | null {
  const match = /^(?:(\d{1,3})h)?(?:(\d{1,5})m(?:in)?)?$/.exec(word);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

const PRIORITIES: Record<string, QuickAddPriority> = {
  "!high": "high",
  "!medium": "medium",
  "!low": "low",
};

/**
 * Reads `text` against `today`. Each kind is read once (its first occurrence); a later one, and
 * anything not understood, stays in the title. Matching ignores case; the title keeps it.
 */
export function parseQuickAdd(
  text: string,
  today: LocalDate,
  fields: QuickAddFields = { date: true, estimate: true, priority: true },
): QuickAdd {
  const original = text.trim().split(/\s+/).filter(Boolean);
  const words = original.map((w) => w.toLowerCase());
  const result: QuickAdd = { title: "", date: null, estimateMinutes: null, priority: null };
  const title: string[] = [];
  for (let i = 0; i < words.length;) {
    const word = words[i] ?? "";
    if (fields.date && result.date === null) {
      const found = readDate(words, i, today);
      if (found) {
        result.date = found.date;
        i += found.length;
        continue;
      }
    }
    if (fields.estimate && result.estimateMinutes === null) {
      const minutes = readMinutes(word);
      if (minutes !== null) {
        result.estimateMinutes = minutes;
        i += 1;
        continue;
      }
    }
    if (fields.priority && result.priority === null && PRIORITIES[word]) {
      result.priority = PRIORITIES[word];
      i += 1;
      continue;
    }
    title.push(original[i] ?? "");
    i += 1;
  }
  result.title = title.join(" ");
  return result;
}
