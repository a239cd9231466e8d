/**
 * Properties of the fitter and of the local planner on random inputs (docs/domain.md "AI
 * suggestions"): what is placed never exceeds a day's free minutes, lands inside the window and
 * on or before its due date, appears once; what is not placed is listed with a reason; the local
 * planner's proposals pass every check; the same input gives the same answer.
 * ATLAS_PROPERTY_RUNS and ATLAS_PROPERTY_SEED replay a run (docs/architecture.md "Tests").
 */
import { addDays, toLocalDate, type LocalDate } from "@atlas/time";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProposal, proposalDepth } from "./checks.ts";
import { fitPlan, type FitItem, type FitResult } from "./fit.ts";
import { proposeLocally } from "./local-planner.ts";
import { placeProposal } from "./place.ts";
import {
  PLANNER_LIMITS,
  ZPlannerInput,
  ZPlannerResult,
  type PlannerDay,
  type PlannerInput,
  type PlannerTask,
} from "./types.ts";

const RUNS = Number(process.env.ATLAS_PROPERTY_RUNS ?? 200);
const SEED = process.env.ATLAS_PROPERTY_SEED ? Number(process.env.ATLAS_PROPERTY_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

const START = toLocalDate("2026-03-02");
const day = (offset: number): LocalDate => addDays(START, offset);

const arbDays = (count: number) =>
  fc
    .array(
      fc.record({
        capacityMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })),
        committedMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 700 })),
      }),
      { minLength: count, maxLength: count },
    )
    .map((days): PlannerDay[] => days.map((d, i) => ({ ...d, localDate: day(i) })));

const arbDate = (from: number, to: number) => fc.integer({ min: from, max: to }).map(day);

const arbTask = (i: number) =>
  fc.record({
    id: fc.constant(`t${i}`),
    title: fc.string({ minLength: 1, maxLength: 40 }),
    notes: fc.option(fc.string({ maxLength: 60 })),
    priority: fc.constantFrom("low", "medium", "high" as const),
    estimateMinutes: fc.option(fc.integer({ min: 0, max: 700 })),
    dueDate: fc.option(arbDate(-5, 12)),
    plannedDate: fc.option(arbDate(-5, 12)),
  }) satisfies fc.Arbitrary<PlannerTask>;

const arbTasks = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbTask(i))));

const arbPreferences = fc.record({
  estimateScale: fc.double({ min: 0.5, max: 2, noNaN: true }),
  maxTasksPerDay: fc.option(fc.integer({ min: 1, max: 6 })),
  preferredWeekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 })),
});

const arbWeekly = fc
  .record({
    days: arbDays(7),
    tasks: arbTasks,
    habits: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 20 }).map((i) => `h${i}`),
        title: fc.string({ minLength: 1, maxLength: 30 }),
        durationMinutes: fc.integer({ min: 0, max: 120 }),
        sessions: fc.integer({ min: 1, max: 7 }),
      }),
      { selector: (h) => h.id, maxLength: 5 },
    ),
    preferences: arbPreferences,
  })
  .map((r) => ZPlannerInput.parse({ job: "weekly_plan", ...r }));

const arbRecovery = fc
  .record({
    trigger: fc.constantFrom("broken_streak", "pending_repair", "overload" as const),
    days: arbDays(7),
    tasks: arbTasks,
    habits: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 20 }).map((i) => `h${i}`),
        title: fc.string({ minLength: 1, maxLength: 30 }),
        durationMinutes: fc.integer({ min: 0, max: 120 }),
        target: fc.option(
          fc.record({
            value: fc.integer({ min: 1, max: 100_000 }).map((v) => v / 1000),
            unit: fc.constant("km"),
            direction: fc.constantFrom("at_least", "at_most" as const),
          }),
        ),
        streak: fc.integer({ min: 0, max: 100 }),
        pendingRepair: fc.option(
          fc.record({ missedOn: arbDate(-3, -1), metNeeded: fc.integer({ min: 1, max: 2 }) }),
        ),
        canRepair: fc.boolean(),
        dueDates: fc
          .uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 })
          .map((offsets) => offsets.sort((a, b) => a - b).map(day)),
      }),
      { selector: (h) => h.id, maxLength: 5 },
    ),
    preferences: arbPreferences,
  })
  .map((r) => ZPlannerInput.parse({ job: "recovery", today: START, ...r }));

const arbDeferral = fc
  .record({
    days: fc.integer({ min: 1, max: 14 }).chain(arbDays),
    overdueTasks: arbTasks,
    preferences: arbPreferences,
  })
  .map((r) => ZPlannerInput.parse({ job: "deferral", today: START, ...r }));

const arbDecompose = fc
  .record({
    goal: fc.record({
      id: fc.constant("g1"),
      title: fc.string({ minLength: 1, maxLength: 80 }),
      description: fc.option(fc.string({ maxLength: 200 })),
      targetDate: fc.option(arbDate(1, 700)),
    }),
    existingMilestones: fc.array(
      fc.record({
        id: fc.uuid(),
        title: fc.string({ minLength: 1, maxLength: 20 }),
        doneOn: fc.option(arbDate(-30, 0)),
      }),
      { maxLength: 6 },
    ),
    existingTasks: fc.array(
      fc.record({
        id: fc.uuid(),
        title: fc.constantFrom("Write down what done looks like", "List the first steps", "Other"),
        estimateMinutes: fc.option(fc.integer({ min: 0, max: 600 })),
        isDone: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    existingHabits: fc.array(fc.record({ id: fc.uuid(), title: fc.constant("Habit") }), {
      maxLength: 2,
    }),
    weeklyCapacityMinutes: fc.array(fc.integer({ min: 0, max: 1440 }), {
      minLength: 7,
      maxLength: 7,
    }),
    preferences: arbPreferences,
  })
  .map((r) => ZPlannerInput.parse({ job: "decompose_goal", today: START, ...r }));

/** The days an input offers for placement, by date. */
function daysOf(input: PlannerInput): Map<string, PlannerDay> {
  return new Map(input.job === "decompose_goal" ? [] : input.days.map((d) => [d.localDate, d]));
}

/** Every invariant of a fitted result against the days it was fitted into. */
function expectFitted(
  result: FitResult,
  days: Map<string, PlannerDay>,
  dueOf: (id: string) => LocalDate | null,
) {
  const planned = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of result.placements) {
    const d = days.get(p.localDate);
    expect(d, `${p.id} on ${p.localDate} is inside the window`).toBeDefined();
    expect(d!.capacityMinutes).toBeGreaterThan(0);
    planned.set(p.localDate, (planned.get(p.localDate) ?? 0) + p.minutes);
    const key = `${p.kind}:${p.id}:${p.localDate}`;
    expect(seen.has(key), `${key} placed once`).toBe(false);
    seen.add(key);
    const due = p.kind === "task" ? dueOf(p.id) : null;
    if (due !== null) expect(p.localDate <= due).toBe(true);
    expect(p.reason.length).toBeGreaterThan(0);
  }
  for (const [date, minutes] of planned) {
    const d = days.get(date)!;
    // Σ minutes ≤ capacity: what is planned fits in what the day had free.
    expect(minutes).toBeLessThanOrEqual(Math.max(0, d.capacityMinutes - d.committedMinutes));
  }
  for (const d of result.days) {
    expect(d.plannedMinutes).toBe(planned.get(d.localDate) ?? 0);
  }
  const tasksPlaced = result.placements.filter((p) => p.kind === "task").map((p) => p.id);
  expect(new Set(tasksPlaced).size).toBe(tasksPlaced.length);
  for (const n of result.didNotFit) {
    expect(n.reason.length).toBeGreaterThan(0);
    if (n.kind === "task") expect(tasksPlaced).not.toContain(n.id);
  }
}

describe("fitPlan properties", () => {
  it("never exceeds a day's free minutes, respects due dates and the cap, places each item once", () => {
    const arbItems = fc.array(
      fc.record({
        kind: fc.constantFrom("task", "habit" as const),
        id: fc.integer({ min: 0, max: 12 }).map(String),
        minutes: fc.integer({ min: 0, max: 400 }),
        sessions: fc.integer({ min: 1, max: 7 }),
        dueDate: fc.option(arbDate(-2, 9)),
        preferredDates: fc.array(arbDate(-2, 9), { maxLength: 3 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        arbDays(7),
        arbItems,
        fc.option(fc.integer({ min: 1, max: 5 })),
        (days, items: FitItem[], cap) => {
          const options = { maxTasksPerDay: cap, preferredWeekdays: [1, 3] };
          const result = fitPlan(days, items, options);
          const byDay = new Map(days.map((d) => [d.localDate, d]));
          const firstDue = new Map<string, LocalDate | null>();
          for (const it of items)
            if (!firstDue.has(`${it.kind}:${it.id}`))
              firstDue.set(`${it.kind}:${it.id}`, it.dueDate);
          expectFitted(result, byDay, (id) => firstDue.get(`task:${id}`) ?? null);
          if (cap !== null) {
            const perDay = new Map<string, number>();
            for (const p of result.placements)
              if (p.kind === "task") perDay.set(p.localDate, (perDay.get(p.localDate) ?? 0) + 1);
            for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(cap);
          }
          // Every distinct item is accounted for: placed in full, or listed as not fitting.
          for (const key of firstDue.keys()) {
            const [kind, id] = key.split(":") as ["task" | "habit", string];
            const placed = result.placements.filter((p) => p.kind === kind && p.id === id).length;
            const item = items.find((it) => it.kind === kind && it.id === id)!;
            const want = kind === "task" ? 1 : item.sessions;
            const missing = result.didNotFit.some((n) => n.kind === kind && n.id === id);
            expect(placed === want ? !missing : missing, key).toBe(true);
          }
          expect(fitPlan(days, items, options)).toEqual(result);
        },
      ),
      params,
    );
  });
});

describe("the local planner on random inputs", () => {
  const cases = [
    ["weekly_plan", arbWeekly],
    ["recovery", arbRecovery],
    ["deferral", arbDeferral],
    ["decompose_goal", arbDecompose],
  ] as const;
  for (const [job, arb] of cases) {
    it(`${job}: proposals pass every check; results fit, are valid and deterministic`, () => {
      fc.assert(
        fc.property(arb as fc.Arbitrary<PlannerInput>, (input) => {
          const proposal = proposeLocally(input);
          const checked = checkProposal(input, proposal);
          expect(checked).toEqual({ ok: true, proposal });
          expect(proposalDepth(input.job, proposal)).toBeLessThanOrEqual(2);
          const result = placeProposal(input, proposal);
          expect(ZPlannerResult.safeParse(result).success).toBe(true);
          expect(placeProposal(input, proposeLocally(input))).toEqual(result);
          if (result.job === "decompose_goal") {
            for (const m of result.milestones)
              for (const t of m.tasks) {
                expect(t.estimateMinutes).toBeGreaterThanOrEqual(PLANNER_LIMITS.estimateMinMinutes);
                expect(t.estimateMinutes).toBeLessThanOrEqual(PLANNER_LIMITS.estimateMaxMinutes);
              }
            return;
          }
          const tasks =
            input.job === "deferral"
              ? input.overdueTasks
              : input.job === "decompose_goal"
                ? []
                : input.tasks;
          const due = new Map(tasks.map((t) => [t.id, t.dueDate]));
          expectFitted(result, daysOf(input), (id) => {
            const d = due.get(id) ?? null;
            // Deferral moves a passed due date along with the task.
            return input.job === "deferral" && d !== null && d < input.today ? null : d;
          });
        }),
        params,
      );
    });
  }
});
