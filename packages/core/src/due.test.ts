import { describe, expect, it } from "vitest";
import {
  habitDayPlan,
  isHabitDueOn,
  isHabitShownOn,
  isTaskDueOn,
  taskDueDateOn,
  taskDueDays,
} from "./due.ts";
import type { Habit, Task } from "./model.ts";
import { d, habit, task } from "./test/fixtures.ts";

// 2024-03-04 is a Monday.
const daily = habit("h", "2024-03-04", [{ schedule: "daily" }], "2024-03-10");
const monWedFri = habit("h", "2024-03-04", [{ schedule: "days_of_week", daysOfWeek: [1, 3, 5] }]);
const every3 = habit("h", "2024-03-04", [{ schedule: "every_n_days", everyNDays: 3 }]);
// Edited on 2024-03-12 (N unchanged): re-anchors on 03-12.
const every3Edited = habit("h", "2024-03-04", [
  { schedule: "every_n_days", everyNDays: 3 },
  { effectiveFrom: "2024-03-12", schedule: "every_n_days", everyNDays: 3, durationMinutes: 5 },
]);
const every2FromWed = habit("h", "2024-03-06", [{ schedule: "every_n_days", everyNDays: 2 }]);
const tpw = habit("h", "2024-03-06", [{ schedule: "times_per_week", timesPerWeek: 3 }]);
const dailyToTpw = habit("h", "2024-03-04", [
  { schedule: "daily" },
  { effectiveFrom: "2024-03-06", schedule: "times_per_week", timesPerWeek: 2 },
]);
const tpwToDaily = habit("h", "2024-03-04", [
  { schedule: "times_per_week", timesPerWeek: 2 },
  { effectiveFrom: "2024-03-06", schedule: "daily" },
]);

describe("isHabitDueOn / isHabitShownOn", () => {
  it.each<[string, Habit, string, boolean, boolean]>([
    ["daily, before start", daily, "2024-03-03", false, false],
    ["daily, start day", daily, "2024-03-04", true, true],
    ["daily, day before archive", daily, "2024-03-09", true, true],
    ["daily, archive day", daily, "2024-03-10", false, false],
    ["Mon/Wed/Fri on Mon", monWedFri, "2024-03-04", true, true],
    ["Mon/Wed/Fri on Tue", monWedFri, "2024-03-05", false, false],
    ["Mon/Wed/Fri on Fri", monWedFri, "2024-03-08", true, true],
    ["Mon/Wed/Fri on Sun", monWedFri, "2024-03-10", false, false],
    ["every 3 days, start", every3, "2024-03-04", true, true],
    ["every 3 days, +1", every3, "2024-03-05", false, false],
    ["every 3 days, +3", every3, "2024-03-07", true, true],
    ["every 3 days, +9", every3, "2024-03-13", true, true],
    ["re-anchored, old rhythm day 03-10", every3Edited, "2024-03-10", true, true],
    ["re-anchored, edit day 03-12", every3Edited, "2024-03-12", true, true],
    ["re-anchored, old rhythm day 03-13", every3Edited, "2024-03-13", false, false],
    ["re-anchored, 03-15", every3Edited, "2024-03-15", true, true],
    ["every 2 days from a Wednesday, Thu", every2FromWed, "2024-03-07", false, false],
    ["every 2 days from a Wednesday, Fri", every2FromWed, "2024-03-08", true, true],
    ["3 per week: never due, shown", tpw, "2024-03-07", false, true],
    ["3 per week: not before start", tpw, "2024-03-05", false, false],
    ["daily → 2/week on Wed: Tue still daily", dailyToTpw, "2024-03-05", true, true],
    ["daily → 2/week on Wed: rest of week not due", dailyToTpw, "2024-03-08", false, false],
    ["daily → 2/week on Wed: next Monday weekly", dailyToTpw, "2024-03-11", false, true],
    ["2/week → daily on Wed: week stays weekly", tpwToDaily, "2024-03-07", false, true],
    ["2/week → daily on Wed: daily from Monday", tpwToDaily, "2024-03-11", true, true],
  ])("%s", (_name, h, date, due, shown) => {
    expect(isHabitDueOn(h, d(date))).toBe(due);
    expect(isHabitShownOn(h, d(date))).toBe(shown);
  });

  it("a times_per_week week takes N from its Monday's version", () => {
    const h = habit("h", "2024-03-04", [
      { schedule: "times_per_week", timesPerWeek: 2 },
      { effectiveFrom: "2024-03-06", schedule: "times_per_week", timesPerWeek: 5 },
    ]);
    const wed = habitDayPlan(h, d("2024-03-06"));
    const nextMon = habitDayPlan(h, d("2024-03-11"));
    expect(wed.kind === "week" && wed.timesPerWeek).toBe(2);
    expect(nextMon.kind === "week" && nextMon.timesPerWeek).toBe(5);
  });
});

const plannedAndDue = task("t1", "2024-03-04", [
  { plannedDate: d("2024-03-08"), dueDate: d("2024-03-10") },
]);
const dueOnly = task("t2", "2024-03-04", [{ dueDate: d("2024-03-10") }]);
const rescheduled = task("t3", "2024-03-04", [
  { dueDate: d("2024-03-06") },
  { effectiveFrom: "2024-03-07", dueDate: d("2024-03-09") },
]);
const movedOnItsDay = task("t4", "2024-03-04", [
  { dueDate: d("2024-03-06") },
  { effectiveFrom: "2024-03-06", dueDate: d("2024-03-08") },
]);
const cancelled = task("t5", "2024-03-04", [
  { dueDate: d("2024-03-06") },
  { effectiveFrom: "2024-03-05", status: "cancelled", dueDate: d("2024-03-06") },
]);
const archived = task("t6", "2024-03-04", [{ dueDate: d("2024-03-06") }], "2024-03-06");
const createdLate = task("t7", "2024-03-07", [{ dueDate: d("2024-03-06") }]);
const movedToPast = task("t8", "2024-03-04", [
  { dueDate: d("2024-03-09") },
  { effectiveFrom: "2024-03-07", dueDate: d("2024-03-05") },
]);

describe("task due days", () => {
  it.each<[string, Task, string[]]>([
    ["planned date wins over due date", plannedAndDue, ["2024-03-08"]],
    ["due date alone", dueOnly, ["2024-03-10"]],
    ["rescheduled: old day and new day", rescheduled, ["2024-03-06", "2024-03-09"]],
    ["moved away on its own day: only the new day", movedOnItsDay, ["2024-03-08"]],
    ["cancelled before its day", cancelled, []],
    ["archived on its day", archived, []],
    ["created after its due date", createdLate, []],
    ["moved into the past: never due again", movedToPast, []],
  ])("%s", (_name, t, days) => {
    expect(taskDueDays(t)).toEqual(days);
    for (let i = 0; i < 10; i++) {
      const date = `2024-03-${String(3 + i).padStart(2, "0")}`;
      expect(isTaskDueOn(t, d(date)), date).toBe(days.includes(date));
    }
  });

  it.each<[Task, string, string | null]>([
    [rescheduled, "2024-03-03", null],
    [rescheduled, "2024-03-06", "2024-03-06"],
    [rescheduled, "2024-03-07", "2024-03-09"],
    [cancelled, "2024-03-05", null],
    [plannedAndDue, "2024-03-05", "2024-03-08"],
  ])("taskDueDateOn(%#) on %s is %s", (t, date, expected) => {
    expect(taskDueDateOn(t, d(date))).toBe(expected);
  });
});
