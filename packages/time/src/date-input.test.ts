import { describe, expect, it } from "vitest";
import { parseDateInput } from "./date-input.ts";

const DEC_4 = "2026-12-04";

/** What formatDate(date, "medium", locale) shows in packages/ui/src/dates.ts. */
const medium = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));

describe("parseDateInput", () => {
  it.each([
    // en-GB: day, month, year.
    ["en-GB", "04/12/2026", DEC_4],
    ["en-GB", "4/12/2026", DEC_4],
    ["en-GB", "4.12.2026", DEC_4],
    ["en-GB", "4-12-2026", DEC_4],
    ["en-GB", "4 12 2026", DEC_4],
    ["en-GB", "4 Dec 2026", DEC_4],
    ["en-GB", "4 dec. 2026", DEC_4],
    ["en-GB", "4 DECEMBER 2026", DEC_4],
    ["en-GB", "4 Dece 2026", DEC_4],
    ["en-GB", "4 Sep 2026", "2026-09-04"],
    ["en-GB", "4 Sept 2026", "2026-09-04"],
    ["en-GB", "04/12/26", DEC_4],
    ["en-GB", "  4/12/2026 ", DEC_4],
    // en-US: month, day, year; "Dec 4, 2026" as it is shown.
    ["en-US", "12/4/2026", DEC_4],
    ["en-US", "12/04/26", DEC_4],
    ["en-US", "Dec 4, 2026", DEC_4],
    ["en-US", "December 4 2026", DEC_4],
    ["en-US", "4 Dec 2026", DEC_4],
    ["en-US", "2/29/2028", "2028-02-29"],
    // de-DE: day, month, year with dots; German month names.
    ["de-DE", "4.12.2026", DEC_4],
    ["de-DE", "04.12.26", DEC_4],
    ["de-DE", "4. Dez. 2026", DEC_4],
    ["de-DE", "4. dezember 2026", DEC_4],
    ["de-DE", "4 Mär 2026", "2026-03-04"],
    ["de-DE", "4. März 2026", "2026-03-04"],
    // fr-FR: accented names, long and short.
    ["fr-FR", "04/12/2026", DEC_4],
    ["fr-FR", "4 déc. 2026", DEC_4],
    ["fr-FR", "4 DÉCEMBRE 2026", DEC_4],
    ["fr-FR", "4 juil. 2026", "2026-07-04"],
    ["fr-FR", "4 févr 2026", "2026-02-04"],
    // ru-RU: the trailing "г." may be typed.
    ["ru-RU", "4 дек. 2026 г.", DEC_4],
    ["ru-RU", "4 декабря 2026", DEC_4],
    // ja-JP: year, month, day.
    ["ja-JP", "2026/12/4", DEC_4],
    ["ja-JP", "26/12/4", DEC_4],
    // ISO, and any 4-digit year first, in every locale.
    ["en-GB", DEC_4, DEC_4],
    ["en-US", DEC_4, DEC_4],
    ["de-DE", "2026.12.4", DEC_4],
    ["fr-FR", "2026 déc 4", DEC_4],
  ])("%s: %j is %s", (locale, text, expected) => {
    expect(parseDateInput(text, locale)).toBe(expected);
  });

  it.each([
    ["en-GB", "31/02/2026"], // no 31 February
    ["en-US", "2/29/2026"], // 2026 is not a leap year
    ["en-GB", "29/02/2100"],
    ["en-GB", "12/31/2026"], // month 31 in a day-first locale
    ["en-US", "31/12/2026"],
    ["de-DE", "4.13.2026"],
    ["en-GB", "0/12/2026"],
    ["en-GB", "4/12/202"], // 1- and 3-digit years are refused
    ["en-GB", "4/12/6"],
    ["en-GB", "004/12/2026"],
    ["en-GB", "4/12"], // the year is needed
    ["en-GB", "4/12/2026/1"],
    ["en-GB", "4 Dex 2026"],
    ["en-GB", "4 Ju 2026"], // too short to name a month
    ["fr-FR", "4 jui 2026"], // juin or juillet
    ["en-GB", "Dec Dec 2026"],
    ["en-GB", "4 Dec 20x6"],
    ["en-GB", "2026-02-30"],
    ["en-GB", "tomorrow"],
    ["en-GB", ""],
    ["ja-JP", "4/12/2026"],
  ])("%s: %j is not a date", (locale, text) => {
    expect(parseDateInput(text, locale)).toBeNull();
  });

  it.each(["en-GB", "en-US", "de-DE", "fr-FR", "ru-RU", "nl-NL", "es-ES", "pl-PL"])(
    "%s: every day the field shows reads back (all of 2026 and 29 Feb 2028)",
    (locale) => {
      const days = Array.from({ length: 365 }, (_, i) =>
        new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      );
      for (const day of [...days, "2028-02-29"]) {
        expect(parseDateInput(medium(day, locale), locale)).toBe(day);
      }
    },
  );
});
