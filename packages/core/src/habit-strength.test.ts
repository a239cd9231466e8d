import { describe, expect, it } from "vitest";
import {
  expectedPerDay,
  occurrencesPerDay,
  strengthMultiplier,
  updateStrength,
  weekCompletion,
} from "./habit-strength.ts";
import type { HabitVersion } from "./model.ts";
import { habitVersion } from "./test/fixtures.ts";

const v = (over: Partial<HabitVersion>) => habitVersion({ effectiveFrom: "2024-03-04", ...over });
const daily = v({ schedule: "daily" });
const monWedFri = v({ schedule: "days_of_week", daysOfWeek: [1, 3, 5] });
const every3 = v({ schedule: "every_n_days", everyNDays: 3 });
const thrice = v({ schedule: "times_per_week", timesPerWeek: 3 });

describe("f, r and m per schedule", () => {
  // m = 0.5^(1/(H·r)), H = 13/sqrt(f), worked out by hand (calculator).
  it.each<[string, HabitVersion, number, number, number]>([
    ["daily", daily, 1, 1, 0.9480775143391714],
    ["Mon/Wed/Fri", monWedFri, 3 / 7, 3 / 7, 0.9217823565971108],
    ["every 3 days", every3, 1 / 3, 1 / 3, 0.9117848370171647],
    ["3 per week", thrice, 3 / 7, 1 / 7, 0.7832225334878737],
  ])("%s", (_name, version, f, r, m) => {
    expect(expectedPerDay(version)).toBeCloseTo(f, 15);
    expect(occurrencesPerDay(version)).toBeCloseTo(r, 15);
    expect(strengthMultiplier(version)).toBeCloseTo(m, 14);
  });

  it("daily is exactly Loop's 0.5^(1/13)", () => {
    expect(strengthMultiplier(daily)).toBe(Math.pow(0.5, 1 / 13));
  });
});

describe("strength over time", () => {
  function run(version: HabitVersion, cs: number[]): number {
    const m = strengthMultiplier(version);
    return cs.reduce((s, c) => updateStrength(s, c, m), 0);
  }

  it.each<[string, HabitVersion, number[], number]>([
    ["daily kept 30 days ≈ 0.8", daily, Array<number>(30).fill(1), 0.798016731996357],
    ["3/week kept 4 weeks (30 days) ≈ 0.6", thrice, [1, 1, 1, 1], 0.6236943882445674],
    ["daily: met, met, half", daily, [1, 1, 0.5], 0.12185836074101124],
    ["3/week: first week 2 of 3", thrice, [2 / 3], 0.14451831100808415],
  ])("%s", (_name, version, cs, expected) => {
    expect(run(version, cs)).toBeCloseTo(expected, 12);
  });
});

describe("weekCompletion", () => {
  it.each<[number, number, number, number | null]>([
    [3, 3, 0, 1],
    [4, 3, 0, 1],
    [2, 3, 0, 2 / 3],
    [2, 3, 1, 1],
    [0, 3, 1, 0],
    [0, 3, 3, null],
    [1, 2, 4, null],
  ])("met %s of N %s with %s skips → %s", (met, n, s, c) => {
    expect(weekCompletion(met, n, s)).toBe(c);
  });
});
