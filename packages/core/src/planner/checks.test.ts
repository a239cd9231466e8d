import { addDays, toLocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { checkProposal, linksIn } from "./checks.ts";
import { proposeLocally } from "./local-planner.ts";
import { ZPlannerInput, type PlannerInputOf } from "./types.ts";

const MON = toLocalDate("2026-03-02");
const days = Array.from({ length: 7 }, (_, i) => ({
  localDate: addDays(MON, i),
  capacityMinutes: 120,
  committedMinutes: 0,
}));

const weekly = ZPlannerInput.parse({
  job: "weekly_plan",
  days,
  tasks: [
    {
      id: "t1",
      title: "Read https://docs.example.org/guide",
      notes: "ask ana@example.org",
      priority: "high",
      estimateMinutes: 30,
      dueDate: null,
      plannedDate: null,
    },
  ],
  habits: [{ id: "h1", title: "Run", durationMinutes: 20, sessions: 2 }],
  preferences: {},
}) as PlannerInputOf<"weekly_plan">;

const item = (over: Record<string, unknown> = {}) => ({
  kind: "task",
  id: "t1",
  preferredDates: [],
  estimateMinutes: null,
  reason: null,
  ...over,
});

const issuesOf = (input: PlannerInputOf<"weekly_plan">, raw: unknown) => {
  const r = checkProposal(input, raw);
  return r.ok ? [] : r.issues;
};

describe("checkProposal", () => {
  it("accepts the local planner's proposal", () => {
    expect(checkProposal(weekly, proposeLocally(weekly)).ok).toBe(true);
  });

  it("refuses what the schema refuses (a missing field, a nested list)", () => {
    expect(issuesOf(weekly, { items: [] })).toEqual([expect.stringContaining("rationale")]);
    expect(issuesOf(weekly, { items: [item({ subtasks: [item()] })], rationale: null })[0]).toMatch(
      /subtasks/,
    );
  });

  it("refuses ids that are not in the input, of another kind, or listed twice", () => {
    expect(
      issuesOf(weekly, {
        items: [
          item({ id: "t-of-someone-else" }),
          item({ kind: "habit", id: "t1" }),
          item(),
          item(),
        ],
        rationale: null,
      }),
    ).toEqual([
      'items[3]: item "task:t1" appears twice',
      "items[0].id: t-of-someone-else is not one of the input's tasks",
      "items[1].id: t1 is not one of the input's habits",
    ]);
  });

  it("refuses dates outside the week and estimates outside 5 … 480 minutes", () => {
    expect(
      issuesOf(weekly, {
        items: [item({ preferredDates: [addDays(MON, 7)], estimateMinutes: 481 })],
        rationale: null,
      }),
    ).toEqual([
      "items[0].preferredDates[0]: 2026-03-09 is not a day of the week planned",
      "items[0].estimateMinutes: 481 min is outside 5 … 480 min",
    ]);
  });

  it("refuses links and addresses the input did not carry, and allows those it did", () => {
    expect(
      issuesOf(weekly, {
        items: [item({ reason: "see https://docs.example.org/guide, mail ana@example.org" })],
        rationale: "Also visit evil.example.com/login or write to x@evil.io",
      }),
    ).toEqual([
      'rationale: "evil.example.com/login" is a link or address the input did not contain',
      'rationale: "x@evil.io" is a link or address the input did not contain',
    ]);
  });

  it("refuses over-long text and control characters", () => {
    expect(
      issuesOf(weekly, { items: [item({ reason: "x".repeat(301) })], rationale: "a\u0007" }),
    ).toEqual([
      "items[0].reason: longer than 300 characters",
      "rationale: holds a control character",
    ]);
  });

  it("decompose_goal: keys must be new, unique and within the counts and the goal's dates", () => {
    const input = ZPlannerInput.parse({
      job: "decompose_goal",
      today: MON,
      goal: { id: "g1", title: "Run a marathon", description: null, targetDate: addDays(MON, 60) },
      existingMilestones: [],
      existingTasks: [{ id: "t9", title: "Buy shoes", estimateMinutes: 30, isDone: false }],
      existingHabits: [],
      weeklyCapacityMinutes: [60, 60, 60, 60, 60, 0, 0],
      preferences: {},
    }) as PlannerInputOf<"decompose_goal">;
    const task = (key: string, estimateMinutes = 30) => ({
      key,
      title: `Task ${key}`,
      notes: null,
      estimateMinutes,
      priority: "medium",
    });
    const r = checkProposal(input, {
      milestones: [
        {
          key: "m1",
          title: "First",
          description: null,
          targetDate: addDays(MON, 61),
          tasks: [
            task("t9"),
            task("m1.t2", 2),
            ...Array.from({ length: 7 }, (_, i) => task(`x${i}`)),
          ],
          habits: [],
        },
      ],
      rationale: null,
    });
    expect(r.ok ? [] : r.issues).toEqual([
      "keys[1]: t9 is an existing item's id, not a new key",
      "milestones[0].targetDate: 2026-05-02 is outside 2026-03-02 … 2026-05-01",
      "milestones[0].tasks.length: 9 is outside 0 … 8",
      "milestones[0].tasks[1].estimateMinutes: 2 min is outside 5 … 480 min",
    ]);
  });

  it("recovery: a step may only be smaller, and repair days only the habit's due days", () => {
    const input = ZPlannerInput.parse({
      job: "recovery",
      today: MON,
      trigger: "pending_repair",
      days,
      habits: [
        {
          id: "h1",
          title: "Read",
          durationMinutes: 30,
          target: { value: 20, unit: "pages", direction: "at_least" },
          streak: 9,
          pendingRepair: { missedOn: addDays(MON, -1), metNeeded: 2 },
          canRepair: true,
          dueDates: [MON, addDays(MON, 1)],
        },
      ],
      tasks: [],
      preferences: {},
    }) as PlannerInputOf<"recovery">;
    const r = checkProposal(input, {
      habitSteps: [
        {
          habitId: "h1",
          durationMinutes: 45,
          targetValue: 25,
          untilDate: addDays(MON, 20),
          repairDates: [addDays(MON, 2)],
          reason: null,
        },
      ],
      taskMoves: [],
      rationale: null,
    });
    expect(r.ok ? [] : r.issues).toEqual([
      "habitSteps[0].durationMinutes: 45 min is outside 0 … 30 min",
      "habitSteps[0].targetValue: 25 is outside 0.001 … 20",
      "habitSteps[0].untilDate: 2026-03-22 is outside 2026-03-02 … 2026-03-15",
      "habitSteps[0].repairDates[0]: 2026-03-04 is not one of the habit's due days",
    ]);
  });
});

describe("linksIn", () => {
  it.each([
    ["plain words, node.js and v1.2", []],
    ["see http://a.b/c.", ["http://a.b/c"]],
    ["www.example.net/x", ["www.example.net/x"]],
    ["example.com", ["example.com"]],
    ["Mail Bob@Example.org!", ["bob@example.org"]],
  ])("%s", (text, links) => {
    expect(linksIn(text)).toEqual(links);
  });
});
