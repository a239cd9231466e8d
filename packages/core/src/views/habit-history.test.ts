import { addDays } from "@atlas/time";
import { describe, expect, it } from "vitest";
import type { MemberHistory } from "../derive/derive-member.ts";
import { capacityAlways, d, ev, habit, task } from "../test/fixtures.ts";
import { habitHistory } from "./habit-history.ts";

/** 2024-01-01 is a Monday. */
const MON = d("2024-01-01");

const history = (over: Partial<MemberHistory>): MemberHistory => ({
  memberId: "m",
  habits: [],
  tasks: [],
  events: [],
  capacity: capacityAlways([360, 360, 360, 360, 360, 0, 0]),
  ...over,
});

describe("habitHistory", () => {
  // met, met, partial, skip, met, met (repairs the partial), miss (too soon to repair), met, met.
  const read = habit("h1", MON, [{ target: { valueMilli: 10_000, direction: "at_least" } }]);
  const log = [10_000, 12_000, 5_000, "skip", 10_000, 10_000, null, 10_000, 10_000] as const;
  const events = log.flatMap((entry, i) =>
    entry === null
      ? []
      : entry === "skip"
        ? [ev("h1", addDays(MON, i), "skip")]
        : [ev("h1", addDays(MON, i), "done", entry)],
  );
  // Another habit and a task leave this habit's days alone.
  const others = {
    habits: [read, habit("h2", MON, [{}])],
    tasks: [task("t1", MON, [{ plannedDate: MON }])],
    events: [...events, ev("h2", MON), ev("t1", MON)],
  };

  it("states as known at the end of the range: repaired, skipped, missed, pending today", () => {
    const today = addDays(MON, 9);
    const view = habitHistory(history(others), "h1", {
      from: addDays(MON, -2),
      to: today,
      today,
    });
    expect(view.days.map((x) => [x.localDate, x.isDue, x.state, x.valueMilli, x.streak])).toEqual([
      [addDays(MON, -2), false, null, null, 0],
      [addDays(MON, -1), false, null, null, 0],
      [MON, true, "met", 10_000, 1],
      [addDays(MON, 1), true, "met", 12_000, 2],
      [addDays(MON, 2), true, "repaired", 5_000, 2],
      [addDays(MON, 3), true, "skipped", null, 2],
      [addDays(MON, 4), true, "met", 10_000, 3],
      [addDays(MON, 5), true, "met", 10_000, 4],
      [addDays(MON, 6), true, "missed", null, 0],
      [addDays(MON, 7), true, "met", 10_000, 1],
      [addDays(MON, 8), true, "met", 10_000, 2],
      [today, true, "pending", null, 2],
    ]);
    expect(view.days[4]!.completion).toEqual({ num: 1n, den: 2n });
    expect(view).toMatchObject({ currentStreak: 2, bestStreak: 4 });
    expect(view.strength).toBe(view.days.at(-1)!.strength);
  });

  it.each([
    ["done", 10_000, "met"],
    ["partial", 4_000, "partial"],
    ["skip", null, "skipped"],
  ] as const)("today with a %s logged shows it (the day is still open)", (kind, value, state) => {
    const today = addDays(MON, 9);
    const view = habitHistory(
      history({ ...others, events: [...events, ev("h1", today, kind, value)] }),
      "h1",
      { from: today, to: today, today },
    );
    expect(view.days.map((x) => [x.state, x.valueMilli])).toEqual([[state, value]]);
  });

  it.each([
    ["met today: counts at once", "done", 10_000, 3, 4],
    ["partial today: not yet", "partial", 4_000, 2, 4],
    ["skipped today: unchanged", "skip", null, 2, 4],
  ] as const)("the current streak, %s", (_name, kind, value, current, best) => {
    const today = addDays(MON, 9);
    const view = habitHistory(
      history({ ...others, events: [...events, ev("h1", today, kind, value)] }),
      "h1",
      { from: addDays(MON, 8), to: today, today },
    );
    expect(view.days.map((x) => x.streak)).toEqual([2, current]);
    expect(view).toMatchObject({ currentStreak: current, bestStreak: best });
  });

  it("a miss still waiting for its repair at the end of the range is pending repair", () => {
    const view = habitHistory(history(others), "h1", {
      from: MON,
      to: addDays(MON, 4),
      today: addDays(MON, 9),
    });
    expect(view.days.map((x) => x.state)).toEqual([
      "met",
      "met",
      "pending_repair",
      "skipped",
      "met",
    ]);
    expect(view).toMatchObject({ currentStreak: 3, bestStreak: 3 });
  });

  it("times_per_week: each day's own entry; missed once necessary and passed", () => {
    // 3 a week: Mon met, Tue partial, Wed skipped (2 needed), Thu–Sat nothing, Sun necessary.
    const run = habit("h3", MON, [
      {
        schedule: "times_per_week",
        timesPerWeek: 3,
        target: { valueMilli: 10_000, direction: "at_least" },
      },
    ]);
    const view = habitHistory(
      history({
        habits: [run],
        events: [
          ev("h3", MON, "done", 10_000),
          ev("h3", addDays(MON, 1), "partial", 4_000),
          ev("h3", addDays(MON, 2), "skip"),
        ],
      }),
      "h3",
      { from: MON, to: addDays(MON, 7), today: addDays(MON, 7) },
    );
    expect(view.days.map((x) => [x.isDue, x.state])).toEqual([
      [true, "met"],
      [true, "partial"],
      [true, "skipped"],
      [true, null],
      [true, null],
      [true, null],
      [true, "missed"],
      [true, "pending"],
    ]);
  });

  it("after archiving: not due, strength and streak carried", () => {
    const archived = habit("h4", MON, [{}], addDays(MON, 3));
    const view = habitHistory(
      history({ habits: [archived], events: [0, 1, 2].map((i) => ev("h4", addDays(MON, i))) }),
      "h4",
      { from: MON, to: addDays(MON, 5), today: addDays(MON, 5) },
    );
    const last = view.days[2]!;
    expect(view.days.slice(3)).toEqual(
      [3, 4, 5].map((i) => ({
        localDate: addDays(MON, i),
        isDue: false,
        state: null,
        valueMilli: null,
        completion: null,
        strength: last.strength,
        streak: 3,
      })),
    );
  });
});
