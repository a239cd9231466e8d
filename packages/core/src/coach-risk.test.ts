import { addDays, type LocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import {
  activeDays,
  coachFlags,
  leastSquaresSlope,
  rankByRisk,
  riskScore,
  type CoachDay,
  type CoachFlag,
  type CoachRiskInput,
} from "./coach-risk.ts";
import { d, ev } from "./test/fixtures.ts";

const TODAY = d("2024-03-15");

function day(age: number, over: Partial<CoachDay> = {}): CoachDay {
  return {
    localDate: addDays(TODAY, -age),
    score: null,
    scoreNumerator: null,
    scoreDenominator: null,
    hasItemsDue: true,
    hasActivity: true,
    ...over,
  };
}

function scored(age: number, score: number): CoachDay {
  return day(age, { score, scoreNumerator: BigInt(score), scoreDenominator: 100n });
}

function input(over: Partial<CoachRiskInput> = {}): CoachRiskInput {
  return {
    memberId: "m",
    name: "Ann",
    today: TODAY,
    days: [],
    isOverloaded: false,
    consistency: null,
    scoredDays: 0,
    streakBreaks: [],
    ...over,
  };
}

describe("leastSquaresSlope", () => {
  it.each<[[number, number][], number | null]>([
    [
      [
        [0, 90],
        [1, 87],
        [2, 84],
      ],
      -3,
    ],
    [
      [
        [0, 1],
        [2, 5],
        [4, 9],
      ],
      2,
    ],
    [
      [
        [0, 10],
        [1, 12],
        [2, 8],
        [3, 10],
      ],
      -0.4,
    ],
    [[[3, 1]], null],
    [
      [
        [3, 1],
        [3, 2],
      ],
      null,
    ],
  ])("%j → %s", (points, slope) => {
    const s = leastSquaresSlope(points.map(([x, y]) => ({ x, y })));
    if (slope === null) expect(s).toBeNull();
    else expect(s).toBeCloseTo(slope, 12);
  });
});

describe("coachFlags", () => {
  // Scores on today−14 … today−8 (x = 0 … 6), falling by `step` a day.
  const falling = (step: number, count = 7) =>
    Array.from({ length: count }, (_, i) => scored(14 - i, 90 - step * i));

  it.each<[string, Partial<CoachRiskInput>, CoachFlag[]]>([
    ["slope −3 over 7 scored days: slipping", { days: falling(3) }, ["slipping"]],
    ["slope exactly −2: not slipping", { days: falling(2) }, []],
    ["only 6 scored days", { days: falling(3, 6) }, []],
    [
      "a score 15 days ago is outside the window",
      { days: [scored(15, 100), ...falling(3, 6)] },
      [],
    ],
    ["overloaded", { isOverloaded: true }, ["overloaded"]],
    [
      "inactive: the last 3 days with items due had no event",
      {
        days: [
          day(1, { hasActivity: false }),
          day(2, { hasItemsDue: false, hasActivity: true }), // nothing due: not one of the 3
          day(3, { hasActivity: false }),
          day(4, { hasActivity: false }),
          day(5, { hasActivity: true }),
        ],
      },
      ["inactive"],
    ],
    [
      "one of the last 3 had activity",
      { days: [day(1, { hasActivity: false }), day(2), day(3, { hasActivity: false })] },
      [],
    ],
    ["fewer than 3 days with items due", { days: [day(1, { hasActivity: false })] }, []],
    [
      "today itself is not a past day",
      {
        days: [
          day(0, { hasActivity: false }),
          day(1, { hasActivity: false }),
          day(2, { hasActivity: false }),
        ],
      },
      [],
    ],
    [
      "a 7-streak broken 7 days ago",
      { streakBreaks: [{ localDate: addDays(TODAY, -7), length: 7 }] },
      ["streak_broken"],
    ],
    ["broken 8 days ago", { streakBreaks: [{ localDate: addDays(TODAY, -8), length: 9 }] }, []],
    ["a 6-streak", { streakBreaks: [{ localDate: addDays(TODAY, -1), length: 6 }] }, []],
    ["recovering: 80 after 49", { days: [scored(3, 49), day(2), scored(1, 80)] }, ["recovering"]],
    ["not recovering: 80 after 50", { days: [scored(3, 50), scored(1, 80)] }, []],
    [
      "raw 0.795 scores 80 but is not ≥ 0.8",
      {
        days: [scored(2, 40), day(1, { score: 80, scoreNumerator: 159n, scoreDenominator: 200n })],
      },
      [],
    ],
  ])("%s", (_name, over, flags) => {
    expect(coachFlags(input(over))).toEqual(flags);
  });
});

describe("riskScore", () => {
  it.each<[string, CoachFlag[], number | null, number, number]>([
    ["nothing, consistency 0.5: C = (60 − 50)/2", [], 0.5, 10, 5],
    ["C needs 7 scored days", [], 0.1, 6, 0],
    ["7 scored days: C = (60 − 10)/2", [], 0.1, 7, 25],
    ["consistency ≥ 0.6: C = 0", ["overloaded"], 0.75, 30, 25],
    ["0.51234 → 0.5123: 4.385 + 30 → 34", ["slipping"], 0.51234, 30, 34],
    // 0.49004 → 0.4900: C = 5.5 → rounds up to 6 (unrounded it would be 5.498 → 5)
    ["rounded to 4 decimals first", [], 0.49004, 30, 6],
    ["overloaded + C 2.5 = 27.5 → 28", ["overloaded"], 0.55, 30, 28],
    ["recovering − 10 + 2.5 → clamped to 0", ["recovering"], 0.55, 30, 0],
    [
      "all flags, consistency 0: 85 + 30 → clamped to 100",
      ["slipping", "overloaded", "inactive", "streak_broken", "recovering"],
      0,
      30,
      100,
    ],
    [
      "slipping + inactive + streak broken, no C",
      ["slipping", "inactive", "streak_broken"],
      null,
      0,
      70,
    ],
  ])("%s", (_name, flags, consistency, scoredDays, score) => {
    expect(riskScore(flags, consistency, scoredDays)).toBe(score);
  });
});

describe("rankByRisk", () => {
  it("orders by risk, ties by name", () => {
    const ranked = rankByRisk([
      input({ memberId: "1", name: "bea", isOverloaded: true, consistency: 0.6, scoredDays: 9 }), // 25
      input({ memberId: "2", name: "Carl", consistency: 0.1, scoredDays: 9 }), // 25
      input({ memberId: "3", name: "Ann", isOverloaded: true, consistency: 0.7, scoredDays: 9 }), // 25
      input({ memberId: "4", name: "dan", isOverloaded: true, consistency: 0.2, scoredDays: 9 }), // 45
      input({ memberId: "5", name: "eve" }), // 0
    ]);
    expect(ranked.map((r) => [r.name, r.riskScore])).toEqual([
      ["dan", 45],
      ["Ann", 25],
      ["bea", 25],
      ["Carl", 25],
      ["eve", 0],
    ]);
  });
});

describe("activeDays", () => {
  it("counts every event but undo", () => {
    const days = activeDays([
      ev("h1", "2024-03-01"),
      ev("h1", "2024-03-02", "undo"),
      ev("t1", "2024-03-03", "skip"),
    ]);
    expect([...days].sort()).toEqual<LocalDate[]>([d("2024-03-01"), d("2024-03-03")]);
  });
});
