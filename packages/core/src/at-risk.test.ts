import { describe, expect, it } from "vitest";
import { atRiskReasons, type AtRiskReason, type HabitRiskInput } from "./at-risk.ts";
import { habitsAtRisk } from "./derive/habit-risks.ts";
import { d, ev, habit } from "./test/fixtures.ts";

const base: HabitRiskInput = {
  streak: 0,
  isDueToday: true,
  isMetToday: false,
  isSkippedToday: false,
  repairOccurrencesLeft: null,
  weekEntryToday: null,
  isFirstPartialWeek: false,
};

describe("atRiskReasons", () => {
  it.each<[string, Partial<HabitRiskInput>, AtRiskReason[]]>([
    ["streak 3, due, not met", { streak: 3 }, ["streak_due"]],
    ["streak 2 is not enough", { streak: 2 }, []],
    ["streak 3, met already", { streak: 3, isMetToday: true }, []],
    ["streak 3, skipped today", { streak: 3, isSkippedToday: true }, []],
    ["streak 3, not due today", { streak: 3, isDueToday: false }, []],
    ["miss pending repair", { repairOccurrencesLeft: 2, isDueToday: false }, ["pending_repair"]],
    ["repair needing one more", { repairOccurrencesLeft: 1 }, ["pending_repair"]],
    ["repair completed by today's check-in", { repairOccurrencesLeft: 0, isMetToday: true }, []],
    [
      "first partial week: never slipping",
      { weekEntryToday: "necessary", streak: 4, isFirstPartialWeek: true },
      [],
    ],
    ["week: one more empty day loses it", { weekEntryToday: "necessary" }, ["week_slipping"]],
    ["week: not yet necessary", { weekEntryToday: "not_due", streak: 5 }, []],
    [
      "week: necessary with a streak of 4",
      { weekEntryToday: "necessary", streak: 4 },
      ["streak_due", "week_slipping"],
    ],
  ])("%s", (_name, over, reasons) => {
    expect(atRiskReasons({ ...base, ...over })).toEqual(reasons);
  });
});

describe("habitsAtRisk", () => {
  it("finds each rule in a member's history", () => {
    // 2024-03-11 is a Monday; today is Friday 2024-03-15.
    const streaky = habit("h1", "2024-03-11", [{ schedule: "daily" }]);
    const repairing = habit("h2", "2024-03-11", [{ schedule: "daily" }]);
    const weekly = habit("h3", "2024-03-11", [{ schedule: "times_per_week", timesPerWeek: 4 }]);
    const events = [
      ...["11", "12", "13", "14"].map((day) => ev("h1", `2024-03-${day}`)),
      ...["11", "12", "13", "15"].map((day) => ev("h2", `2024-03-${day}`)),
      ev("h3", "2024-03-12"), // 1 of 4 by Thursday: need 3 ≥ 3 days left (Fri, Sat, Sun)
    ];
    const history = {
      memberId: "m",
      habits: [streaky, repairing, weekly],
      tasks: [],
      events,
      capacity: [],
    };
    expect(habitsAtRisk(history, d("2024-03-15"))).toEqual([
      { habitId: "h1", reasons: ["streak_due"], streak: 4, repair: null, week: null },
      {
        habitId: "h2",
        reasons: ["pending_repair"],
        streak: 3,
        // Met today (Friday): one more met day repairs Thursday.
        repair: { localDate: d("2024-03-14"), occurrencesLeft: 1 },
        week: null,
      },
      {
        habitId: "h3",
        reasons: ["week_slipping"],
        streak: 0,
        repair: null,
        week: { met: 1, needed: 4, daysLeft: 3 },
      },
    ]);
  });

  it("a times_per_week habit created mid-week is not at risk in its first, partial week", () => {
    // Created Friday 2024-03-15 with 3 per week: 3 needed in 3 days, yet the week is ignored.
    const weekly = habit("h1", "2024-03-15", [{ schedule: "times_per_week", timesPerWeek: 3 }]);
    const history = { memberId: "m", habits: [weekly], tasks: [], events: [], capacity: [] };
    expect(habitsAtRisk(history, d("2024-03-15"))).toEqual([]);
    // The next full week it is: on Friday 2024-03-22, 3 needed in 3 days.
    expect(habitsAtRisk(history, d("2024-03-22"))).toEqual([
      {
        habitId: "h1",
        reasons: ["week_slipping"],
        streak: 0,
        repair: null,
        week: { met: 0, needed: 3, daysLeft: 3 },
      },
    ]);
  });

  it("the second met day after a miss, checked in today, ends the wait", () => {
    const daily = habit("h1", "2024-03-11", [{ schedule: "daily" }]);
    const events = ["11", "12", "13", "15", "16"].map((day) => ev("h1", `2024-03-${day}`));
    const history = { memberId: "m", habits: [daily], tasks: [], events, capacity: [] };
    expect(habitsAtRisk(history, d("2024-03-16"))).toEqual([]);
    expect(habitsAtRisk({ ...history, events: events.slice(0, 4) }, d("2024-03-16"))).toEqual([
      {
        habitId: "h1",
        reasons: ["streak_due", "pending_repair"],
        streak: 4,
        repair: { localDate: d("2024-03-14"), occurrencesLeft: 1 },
        week: null,
      },
    ]);
  });
});
