import { addDays, toLocalDate, type LocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { fitPlan, type FitItem, type FitOptions } from "./fit.ts";
import type { PlannerDay } from "./types.ts";

const MON = toLocalDate("2026-03-02");
const d = (i: number): LocalDate => addDays(MON, i);

/** Mon … Sun with the given capacities and committed minutes. */
function week(capacity: number[], committed: number[] = []): PlannerDay[] {
  return capacity.map((c, i) => ({
    localDate: d(i),
    capacityMinutes: c,
    committedMinutes: committed[i] ?? 0,
  }));
}

const task = (id: string, minutes: number, extra: Partial<FitItem> = {}): FitItem => ({
  kind: "task",
  id,
  minutes,
  sessions: 1,
  dueDate: null,
  preferredDates: [],
  ...extra,
});

const NO_PREFS: FitOptions = { maxTasksPerDay: null, preferredWeekdays: null };

describe("fitPlan", () => {
  it("puts a task with a deadline on the earliest day with room and says why", () => {
    const r = fitPlan(
      week([60, 120, 120, 120, 120, 0, 0], [30]),
      [task("a", 45, { dueDate: d(3) })],
      NO_PREFS,
    );
    expect(r.placements).toEqual([
      {
        kind: "task",
        id: "a",
        localDate: d(1),
        minutes: 45,
        reason: "Tue: 120 of 120 min free, before its due date Thu",
      },
    ]);
    expect(r.didNotFit).toEqual([]);
  });

  it("puts a task without a deadline on the roomiest day (earliest on ties)", () => {
    const r = fitPlan(week([60, 90, 120, 120, 30, 0, 0]), [task("a", 20)], NO_PREFS);
    expect(r.placements[0]).toMatchObject({
      localDate: d(2),
      reason: "Wed: 120 of 120 min free, the day with the most room",
    });
  });

  it("says so when it lands on its due date", () => {
    const r = fitPlan(week([0, 0, 60, 0, 0, 0, 0]), [task("a", 60, { dueDate: d(2) })], NO_PREFS);
    expect(r.placements[0]!.reason).toBe("Wed: 60 of 60 min free, on its due date");
  });

  it("never goes above a day's free minutes and names the most free day when nothing fits", () => {
    const r = fitPlan(
      week([120, 120, 120, 0, 0, 0, 0], [80, 100, 60]),
      [task("big", 90, { dueDate: d(2) })],
      NO_PREFS,
    );
    expect(r.placements).toEqual([]);
    expect(r.didNotFit).toEqual([
      {
        kind: "task",
        id: "big",
        minutes: 90,
        reason: "needs 90 min; the most free on any day up to its due date Wed is 60",
      },
    ]);
  });

  it("takes nothing on a day off or on a day already committed past its capacity", () => {
    const r = fitPlan(
      week([60, 0, 0, 0, 0, 0, 0], [90]),
      [task("a", 5), task("zero", 0)],
      NO_PREFS,
    );
    expect(r.placements).toEqual([
      expect.objectContaining({ id: "zero", localDate: d(0), minutes: 0 }),
    ]);
    expect(r.didNotFit.map((n) => [n.id, n.reason])).toEqual([
      ["a", "needs 5 min; the most free on any day is 0"],
    ]);
    expect(r.days[0]).toMatchObject({ plannedMinutes: 0, freeMinutes: 0 });
  });

  it("refuses an item whose due date is before the window", () => {
    const r = fitPlan(
      week([120, 120, 120, 120, 120, 0, 0]),
      [task("late", 30, { dueDate: d(-3) })],
      NO_PREFS,
    );
    expect(r.didNotFit[0]!.reason).toBe("its due date 27 Feb is before the first day of the plan");
  });

  it("plans on the member's preferred weekdays only, the proposed day first among them", () => {
    const r = fitPlan(
      week([120, 120, 120, 120, 120, 0, 0]),
      [
        task("a", 30, { preferredDates: [d(3)] }),
        task("b", 30, { preferredDates: [d(4)] }),
        task("c", 30),
        task("big", 100),
      ],
      { maxTasksPerDay: null, preferredWeekdays: [2, 4] },
    );
    expect(r.placements.map((p) => [p.id, p.localDate, p.reason])).toEqual([
      ["a", d(3), "Thu: 120 of 120 min free, the day proposed for it"],
      ["b", d(1), "Tue: 120 of 120 min free, one of your preferred days"],
      ["c", d(1), "Tue: 90 of 120 min free, one of your preferred days"],
    ]);
    expect(r.didNotFit[0]!.reason).toBe("needs 100 min; the most free on any preferred day is 90");
  });

  it("keeps to the daily task cap and explains a task that no longer fits", () => {
    const r = fitPlan(
      week([600, 0, 0, 0, 0, 0, 0]),
      [task("a", 10), task("b", 10), task("c", 10)],
      { maxTasksPerDay: 2, preferredWeekdays: null },
    );
    expect(r.placements.map((p) => p.id)).toEqual(["a", "b"]);
    expect(r.didNotFit[0]!.reason).toBe(
      "needs 10 min; every day with that much free already has 2 tasks, your daily limit",
    );
  });

  it("spreads a habit's sessions over distinct days and reports sessions that do not fit", () => {
    const habit: FitItem = {
      kind: "habit",
      id: "run",
      minutes: 30,
      sessions: 3,
      dueDate: null,
      preferredDates: [],
    };
    const spread = fitPlan(week([60, 60, 60, 60, 60, 60, 60]), [habit], NO_PREFS);
    expect(spread.placements.map((p) => p.localDate)).toEqual([d(1), d(3), d(5)]);

    const tight = fitPlan(week([60, 10, 10, 60, 10, 10, 10]), [habit], NO_PREFS);
    expect(tight.placements.map((p) => p.localDate)).toEqual([d(0), d(3)]);
    expect(tight.didNotFit).toEqual([
      {
        kind: "habit",
        id: "run",
        minutes: 30,
        reason: "2 of 3 sessions fit; each needs 30 min; the most free on any other day is 10",
      },
    ]);
  });

  it("places an item listed twice once, and keeps the given order", () => {
    const r = fitPlan(
      week([100, 100, 0, 0, 0, 0, 0]),
      [task("a", 60), task("b", 60), task("a", 60)],
      NO_PREFS,
    );
    expect(r.placements.map((p) => [p.id, p.localDate])).toEqual([
      ["a", d(0)],
      ["b", d(1)],
    ]);
  });

  it("labels days by date in a window longer than a week", () => {
    const days = Array.from({ length: 14 }, (_, i) => ({
      localDate: d(i),
      capacityMinutes: i === 9 ? 60 : 0,
      committedMinutes: 0,
    }));
    const r = fitPlan(days, [task("a", 30, { dueDate: d(12) })], NO_PREFS);
    expect(r.placements[0]!.reason).toBe(
      "Wed 11 Mar: 60 of 60 min free, before its due date Sat 14 Mar",
    );
  });
});
