import { addDays, toLocalDate } from "@atlas/time";
import { ZPlannerInput, type PlannerInputOf, type WeeklyPlanResult } from "@atlas/core";
import { describe, expect, it } from "vitest";
import { review, simulate, type HiddenPreferences } from "./simulated-members.ts";

const MON = toLocalDate("2026-03-02");
const input = ZPlannerInput.parse({
  job: "weekly_plan",
  days: Array.from({ length: 7 }, (_, i) => ({
    localDate: addDays(MON, i),
    capacityMinutes: i < 5 ? 120 : 0,
    committedMinutes: 0,
  })),
  tasks: ["a", "b", "c", "d"].map((id) => ({
    id,
    title: id,
    notes: null,
    priority: "medium",
    estimateMinutes: 30,
    dueDate: null,
    plannedDate: null,
  })),
  habits: [],
  preferences: {},
}) as PlannerInputOf<"weekly_plan">;

const plan = (days: number[]): WeeklyPlanResult => ({
  job: "weekly_plan",
  placements: days.map((day, i) => ({
    kind: "task",
    id: ["a", "b", "c", "d"][i]!,
    localDate: addDays(MON, day),
    minutes: 30,
    reason: "r",
  })),
  didNotFit: [],
  days: [],
  rationale: null,
});

const member = (over: Partial<HiddenPreferences> = {}): HiddenPreferences => ({
  estimateBias: 1,
  dailyCap: 2,
  workdays: [1, 2, 3, 4, 5],
  capacity: [120, 120, 120, 120, 120, 0, 0],
  ...over,
});

describe("a simulated member's review", () => {
  it("accepts a plan that suits them as it is", () => {
    expect(review(input, plan([0, 1, 2, 3]), member()).status).toBe("accepted");
  });

  it("moves a task off a weekday they do not work and corrects minutes: edited", () => {
    const d = review(
      input,
      plan([0, 1, 2, 4]),
      member({ workdays: [1, 2, 3, 4], estimateBias: 1.5 }),
    );
    expect(d.status).toBe("edited");
    expect(
      d.accepted!.job === "weekly_plan" &&
        d.accepted!.placements.map((p) => [p.id, p.localDate, p.minutes]),
    ).toEqual([
      ["a", addDays(MON, 0), 45],
      ["d", addDays(MON, 0), 45],
      ["b", addDays(MON, 1), 45],
      ["c", addDays(MON, 2), 45],
    ]);
  });

  it("rejects a plan when more than half of it has no place in their week", () => {
    expect(review(input, plan([0, 0, 0, 0]), member({ dailyCap: 1, workdays: [1] })).status).toBe(
      "rejected",
    );
  });
});

describe("the simulation", () => {
  it("acceptance rises by at least 20 points from week 1 to week 8 (fixed seed)", async () => {
    const weeks = await simulate({ members: 60, weeks: 8, seed: "ai-sim/test" });
    expect(weeks).toHaveLength(8);
    expect(weeks[7]!.acceptance - weeks[0]!.acceptance).toBeGreaterThanOrEqual(0.2);
    for (const w of weeks) expect(w.accepted + w.edited + w.rejected).toBe(60);
  });
});
