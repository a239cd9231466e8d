import { readFileSync } from "node:fs";
import type { z } from "zod";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  addDays,
  daysInMonth,
  diffDays,
  isLocalDate,
  isoWeekday,
  isoWeekStart,
  toLocalDate,
  type LocalDate,
} from "./calendar.ts";
import type { ZLocalDate } from "./day-key.ts";

const d = toLocalDate;

describe("calendar arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-28", 2, "2024-03-01"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["1900-02-28", 1, "1900-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-01-01", 365, "2027-01-01"],
    ["1970-01-01", -1, "1969-12-31"],
    ["2026-03-08", 0, "2026-03-08"],
    ["2026-03-31", -31, "2026-02-28"],
  ])("addDays(%s, %i) = %s", (date, n, expected) => {
    expect(addDays(d(date), n)).toBe(expected);
  });

  it("addDays refuses non-integers and dates outside 0000–9999", () => {
    expect(() => addDays(d("2026-01-01"), 0.5)).toThrow(RangeError);
    expect(() => addDays(d("9999-12-31"), 1)).toThrow(RangeError);
    expect(() => addDays(d("0000-01-01"), -1)).toThrow(RangeError);
  });

  it.each([
    ["2026-03-09", "2026-03-08", 1],
    ["2026-03-01", "2026-03-08", -7],
    ["2026-01-01", "2025-01-01", 365],
    ["2025-01-01", "2024-01-01", 366],
    ["2026-03-08", "2026-03-08", 0],
  ])("diffDays(%s, %s) = %i", (a, b, expected) => {
    expect(diffDays(d(a), d(b))).toBe(expected);
  });

  it.each([
    ["2026-03-08", 7, "2026-03-02"],
    ["2026-03-09", 1, "2026-03-09"],
    ["2026-01-01", 4, "2025-12-29"],
    ["2021-01-03", 7, "2020-12-28"],
    ["2000-01-01", 6, "1999-12-27"],
    ["2024-02-29", 4, "2024-02-26"],
    ["1970-01-01", 4, "1969-12-29"],
    ["1969-12-31", 3, "1969-12-29"],
  ])("%s: isoWeekday %i, week starts %s", (date, weekday, monday) => {
    expect(isoWeekday(d(date))).toBe(weekday);
    expect(isoWeekStart(d(date))).toBe(monday);
  });
});

describe("daysInMonth", () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe("LocalDate", () => {
  it("is the type ZLocalDate parses to", () => {
    expectTypeOf<z.infer<typeof ZLocalDate>>().toEqualTypeOf<LocalDate>();
  });

  it.each(["2024-02-29", "0000-01-01", "9999-12-31"])(
    "isLocalDate and toLocalDate take %s",
    (s) => {
      expect(isLocalDate(s)).toBe(true);
      expect(toLocalDate(s)).toBe(s);
    },
  );

  it.each(["2023-02-29", "2026-04-31", "2026-4-01", " 2026-04-01", "", 20260401, null])(
    "isLocalDate and toLocalDate refuse %j",
    (value) => {
      expect(isLocalDate(value)).toBe(false);
      expect(() => toLocalDate(value as string)).toThrow(RangeError);
    },
  );

  it("calendar.ts has no runtime imports, so browser pages carry neither zod nor Temporal", () => {
    const source = readFileSync(new URL("./calendar.ts", import.meta.url), "utf8");
    const imports = source.split("\n").filter((line) => /^import\b/.test(line));
    expect(imports.every((line) => line.startsWith("import type "))).toBe(true);
  });
});
