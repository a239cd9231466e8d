import { describe, expect, it } from "vitest";
import { reducedFraction, FRACTION_ONE, FRACTION_ZERO } from "./fraction.ts";
import type { Fraction } from "./model.ts";
import { scoreDay, weekDayEntry, type WeekDayEntry, type WeekDayInput } from "./score-day.ts";

const f = (num: number, den: number): Fraction => reducedFraction(BigInt(num), BigInt(den));

describe("scoreDay", () => {
  it.each<[string, [number, Fraction][], [bigint, bigint] | null, number | null, number]>([
    ["nothing counted", [], null, null, 0],
    ["one habit met", [[2, FRACTION_ONE]], [1n, 1n], 100, 1],
    [
      "high task missed, habit met: 2/5",
      [
        [3, FRACTION_ZERO],
        [2, FRACTION_ONE],
      ],
      [2n, 5n],
      40,
      1,
    ],
    // (2·1/2 + 1·1 + 3·0) / 6 = 2/6 = 1/3 → 33.33 → 33
    [
      "half habit, low done, high missed",
      [
        [2, f(1, 2)],
        [1, FRACTION_ONE],
        [3, FRACTION_ZERO],
      ],
      [1n, 3n],
      33,
      1,
    ],
    // (2·0.7 + 2·0.999) / 4 = 3.398/4 = 0.8495 → 84.95 → 85 (half up)
    [
      "84.95 rounds up",
      [
        [2, f(7, 10)],
        [2, f(999, 1000)],
      ],
      [1699n, 2000n],
      85,
      0,
    ],
    // (2·(1/3) + 1·0) / 3 = 2/9 = 22.2 → 22
    [
      "thirds",
      [
        [2, f(1, 3)],
        [1, FRACTION_ZERO],
      ],
      [2n, 9n],
      22,
      0,
    ],
    // 1·(1/8) / 1 → 12.5 → 13
    ["exactly .5 rounds up", [[1, f(1, 8)]], [1n, 8n], 13, 0],
    // (1·(3/8)) / 1 → 37.5 → 38
    ["37.5 → 38", [[1, f(3, 8)]], [3n, 8n], 38, 0],
    // 2·(1/2000) / 2 = 0.0005 → 0.05 → 0
    ["tiny", [[2, f(1, 2000)]], [1n, 2000n], 0, 0],
  ])("%s", (_name, items, raw, score, done) => {
    const result = scoreDay(items.map(([weight, completion]) => ({ weight, completion })));
    expect(result.raw === null ? null : [result.raw.num, result.raw.den]).toEqual(raw);
    expect(result.score).toBe(score);
    expect(result.dueCount).toBe(items.length);
    expect(result.doneCount).toBe(done);
  });
});

describe("weekDayEntry (times_per_week: need and left)", () => {
  const base: WeekDayInput = {
    timesPerWeek: 3,
    skipsSoFar: 0,
    metBefore: 0,
    daysLeft: 7,
    isSkippedToday: false,
    isMetToday: false,
  };
  it.each<[string, Partial<WeekDayInput>, WeekDayEntry]>([
    ["Monday, nothing yet: need 3 < left 7", {}, "not_due"],
    ["met on Monday counts", { isMetToday: true }, "met"],
    ["Friday, none met: need 3 ≥ left 3", { daysLeft: 3 }, "necessary"],
    ["Thursday, none met: need 3 < left 4", { daysLeft: 4 }, "not_due"],
    ["Saturday, 1 met: need 2 ≥ left 2", { daysLeft: 2, metBefore: 1 }, "necessary"],
    ["Saturday, 2 met: need 1 < left 2", { daysLeft: 2, metBefore: 2 }, "not_due"],
    ["Sunday, 2 met: need 1 ≥ left 1", { daysLeft: 1, metBefore: 2 }, "necessary"],
    ["Sunday, 3 met: need 0", { daysLeft: 1, metBefore: 3 }, "not_due"],
    ["met beyond N still counts", { daysLeft: 1, metBefore: 3, isMetToday: true }, "met"],
    ["Saturday, 1 skip, 0 met: need 2 ≥ 2", { daysLeft: 2, skipsSoFar: 1 }, "necessary"],
    ["skipped today", { daysLeft: 2, skipsSoFar: 1, isSkippedToday: true }, "skipped"],
    ["week excused: N − s ≤ 0", { skipsSoFar: 3, daysLeft: 2 }, "excused"],
    ["lost week: need 3 > left 1 is still necessary", { daysLeft: 1 }, "necessary"],
  ])("%s", (_name, over, entry) => {
    expect(weekDayEntry({ ...base, ...over })).toBe(entry);
  });
});
