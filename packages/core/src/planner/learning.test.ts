import { addDays, toLocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import {
  acceptanceRate,
  estimatePairs,
  learnedEstimateScale,
  learnedPreferences,
  needsCoachApproval,
  selectFewShotExamples,
  type PlanDecision,
} from "./learning.ts";
import {
  ZPlannerInput,
  type FewShotExample,
  type Placement,
  type PlannerResult,
  type WeeklyPlanResult,
} from "./types.ts";

const MON = toLocalDate("2026-03-02");
const d = (i: number) => addDays(MON, i);

describe("acceptanceRate", () => {
  it.each([
    [{ accepted: 0, edited: 0, rejected: 0 }, 1 / 2],
    [{ accepted: 3, edited: 0, rejected: 0 }, 4 / 5],
    [{ accepted: 1, edited: 2, rejected: 1 }, 4 / 6],
    [{ accepted: 0, edited: 0, rejected: 4 }, 1 / 6],
  ])("%o → %d", (counts, rate) => {
    expect(acceptanceRate(counts)).toBeCloseTo(rate, 12);
  });

  it("sends a suggestion to the coach below the threshold only", () => {
    expect(needsCoachApproval({ accepted: 0, edited: 0, rejected: 0 }, 0.5)).toBe(false);
    expect(needsCoachApproval({ accepted: 0, edited: 0, rejected: 1 }, 0.5)).toBe(true);
  });
});

describe("learnedEstimateScale", () => {
  it("is 1 without pairs, the median ratio otherwise, bounded to 0.5 … 2", () => {
    expect(learnedEstimateScale([])).toBe(1);
    expect(
      learnedEstimateScale([
        { baseMinutes: 30, acceptedMinutes: 45 },
        { baseMinutes: 60, acceptedMinutes: 60 },
        { baseMinutes: 20, acceptedMinutes: 40 },
      ]),
    ).toBe(1.5);
    expect(
      learnedEstimateScale([
        { baseMinutes: 10, acceptedMinutes: 12 },
        { baseMinutes: 10, acceptedMinutes: 13 },
      ]),
    ).toBe(1.25);
    expect(learnedEstimateScale([{ baseMinutes: 10, acceptedMinutes: 100 }])).toBe(2);
    expect(learnedEstimateScale([{ baseMinutes: 100, acceptedMinutes: 10 }])).toBe(0.5);
    expect(learnedEstimateScale([{ baseMinutes: 0, acceptedMinutes: 10 }])).toBe(1);
  });
});

const days = Array.from({ length: 7 }, (_, i) => ({
  localDate: d(i),
  capacityMinutes: 120,
  committedMinutes: 0,
}));
const place = (id: string, day: number, minutes = 30): Placement => ({
  kind: "task",
  id,
  localDate: d(day),
  minutes,
  reason: "r",
});
const plan = (placements: Placement[]): WeeklyPlanResult => ({
  job: "weekly_plan",
  placements,
  didNotFit: [],
  days: days.map((x) => ({ ...x, plannedMinutes: 0, freeMinutes: 120 })),
  rationale: null,
});

describe("estimatePairs", () => {
  it("pairs kept tasks against their unscaled base", () => {
    const input = ZPlannerInput.parse({
      job: "weekly_plan",
      days,
      tasks: [],
      habits: [],
      preferences: { estimateScale: 1.5 },
    });
    const output = plan([place("a", 0, 45), place("b", 1, 30)]);
    const kept = plan([place("a", 0, 60)]);
    expect(estimatePairs(input, output, kept)).toEqual([{ baseMinutes: 30, acceptedMinutes: 60 }]);
  });
});

describe("learnedPreferences", () => {
  it("learns nothing without decisions", () => {
    expect(learnedPreferences([], 1)).toEqual({
      estimateScale: 1,
      maxTasksPerDay: null,
      preferredWeekdays: null,
    });
  });

  it("reads the cap from thinned days and rejections, weekdays from what was kept and moved", () => {
    const decisions: PlanDecision[] = [
      {
        // Monday thinned to 2; Saturday's task moved to Tuesday.
        status: "edited",
        output: plan([place("a", 0), place("b", 0), place("c", 0), place("s", 5)]),
        accepted: plan([place("a", 0), place("b", 0), place("s", 1)]),
      },
      {
        status: "accepted",
        output: plan([place("x", 2), place("y", 3)]),
        accepted: plan([place("x", 2), place("y", 3)]),
      },
      // Its busiest day held 4: one too many.
      {
        status: "rejected",
        output: plan([0, 0, 0, 0].map((day, i) => place(`r${i}`, day))),
        accepted: null,
      },
    ];
    const prefs = learnedPreferences(decisions, 1.2);
    expect(prefs.estimateScale).toBe(1.2);
    // Signals: 2 (Mon kept 2), 1 (Sat kept 0 → at least 1), 2 (rejected: half of 4) → median 2.
    expect(prefs.maxTasksPerDay).toBe(2);
    // Monday: for 2, against 1 → 3/5 ≥ 1/2; Saturday: against 1 → 1/3; Sunday: nothing → 1/2.
    expect(prefs.preferredWeekdays).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it("keeps what it learned before for whatever the window no longer shows", () => {
    const previous = { estimateScale: 1, maxTasksPerDay: 2, preferredWeekdays: [1, 3, 5] };
    // An accepted plan on Monday only: Monday confirmed, the rest as before, the cap kept.
    const decisions: PlanDecision[] = [
      { status: "accepted", output: plan([place("a", 0)]), accepted: plan([place("a", 0)]) },
    ];
    expect(learnedPreferences(decisions, 1, previous)).toEqual(previous);
    // Tuesday's task kept now: Tuesday joins.
    const tuesday: PlanDecision[] = [
      {
        status: "edited",
        output: plan([place("a", 1), place("b", 2)]),
        accepted: plan([place("a", 1)]),
      },
    ];
    expect(learnedPreferences(tuesday, 1, previous)).toMatchObject({
      maxTasksPerDay: 1,
      preferredWeekdays: [1, 2, 5],
    });
  });
});

describe("selectFewShotExamples", () => {
  const input = ZPlannerInput.parse({
    job: "weekly_plan",
    days,
    tasks: [],
    habits: [],
    preferences: {},
  });
  const example = (id: string, workspaceId: string, decidedAt: string, job = "weekly_plan") =>
    ({
      job,
      suggestionId: id,
      workspaceId,
      decidedAt,
      status: "accepted",
      input,
      output: plan([]) as PlannerResult,
    }) as FewShotExample;

  it("keeps the same job from the requesting workspace only, newest first", () => {
    const picked = selectFewShotExamples(
      [
        example("1", "ws-a", "2026-03-01T10:00:00Z"),
        example("2", "ws-b", "2026-03-05T10:00:00Z"),
        example("3", "ws-a", "2026-03-04T10:00:00Z"),
        example("4", "ws-a", "2026-03-06T10:00:00Z", "deferral"),
        example("5", "ws-a", "2026-03-02T10:00:00Z"),
      ],
      "weekly_plan",
      "ws-a",
      2,
    );
    expect(picked.map((e) => e.suggestionId)).toEqual(["3", "5"]);
  });
});
