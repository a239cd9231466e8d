import { addDays, type LocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { habitOccurrences } from "./derive/habit-occurrences.ts";
import type { LogEvent } from "./model.ts";
import {
  advanceStreak,
  INITIAL_STREAK,
  type OccurrenceOutcome,
  type StreakBreak,
} from "./occurrences.ts";
import { d, ev, habit } from "./test/fixtures.ts";

const CODE: Record<string, OccurrenceOutcome> = {
  M: "met",
  P: "partial",
  X: "missed",
  S: "skipped",
};

/** Feeds "MMXMM…" as one occurrence a day from 2024-03-01 (day 1). */
function feed(codes: string) {
  let state = INITIAL_STREAK;
  const repaired: number[] = [];
  const broken: [number, number][] = [];
  const day1 = d("2024-03-01");
  [...codes].forEach((code, i) => {
    const step = advanceStreak(state, addDays(day1, i), CODE[code]!);
    state = step.state;
    if (step.repaired) repaired.push(Number(step.repaired.slice(8)));
    if (step.broken) broken.push([Number(step.broken.localDate.slice(8)), step.broken.length]);
  });
  const pending = state.pendingRepair ? Number(state.pendingRepair.localDate.slice(8)) : null;
  return { streak: state.streak, best: state.bestStreak, pending, repaired, broken };
}

describe("the streak machine", () => {
  it.each<[string, string, number, number, number | null, number[], [number, number][]]>([
    // name, sequence, streak, best, pending miss (day), repaired days, breaks [day, length]
    ["plain run", "MMMM", 4, 4, null, [], []],
    ["single miss repaired by the next two", "MMMXMM", 5, 5, null, [4], []],
    ["miss pending repair keeps the streak", "MMMX", 3, 3, 4, [], []],
    ["pending after one met", "MMMXM", 4, 3, 4, [], []],
    ["two misses: break at the first", "MMMXX", 0, 3, null, [], [[4, 3]]],
    ["repair fails on the second: new single miss", "MMMXMX", 1, 3, 6, [], [[4, 3]]],
    ["first occurrence missed is never single", "XMM", 2, 2, null, [], []],
    ["skips are transparent", "MSMXSMSM", 4, 4, null, [4], []],
    ["partial counts as a miss and can be repaired", "MPMM", 3, 3, null, [2], []],
    ["partial after partial breaks", "MMPP", 0, 2, null, [], [[3, 2]]],
    // Repaired on day 3, next miss on day 16: 13 days apart → refused, streak (14) ends there.
    ["repair refused: 13 days after the last", "MMXMMMMMMMMMMMMX", 0, 14, null, [3], [[16, 14]]],
    // Next miss on day 17: 14 days apart → allowed.
    ["repair allowed: 14 days after the last", "MMXMMMMMMMMMMMMMX", 15, 15, 17, [3], []],
    [
      "a failed repair uses nothing (day 7 is 4 days later)",
      "MMXXMMXMM",
      4,
      4,
      null,
      [7],
      [[3, 2]],
    ],
  ])("%s: %s", (_name, codes, streak, best, pending, repaired, broken) => {
    expect(feed(codes)).toEqual({ streak, best, pending, repaired, broken });
  });
});

// 2024-03-04 is a Monday.
function daysDone(id: string, from: string, to: string, except: string[] = []): LogEvent[] {
  const out: LogEvent[] = [];
  for (let day = d(from); day <= d(to); day = addDays(day, 1)) {
    if (!except.includes(day)) out.push(ev(id, day, "done"));
  }
  return out;
}

describe("habitOccurrences", () => {
  it("labels a repaired miss and keeps the streak; today is pending", () => {
    const h = habit("h1", "2024-03-04", [{ schedule: "daily" }]);
    const events = daysDone("h1", "2024-03-04", "2024-03-09", ["2024-03-07"]);
    const r = habitOccurrences({ habits: [h], events }, "h1", d("2024-03-10"));
    expect(r.occurrences.map((o) => `${o.localDate.slice(8)} ${o.state}`)).toEqual([
      "04 met",
      "05 met",
      "06 met",
      "07 repaired",
      "08 met",
      "09 met",
      "10 pending",
    ]);
    expect([r.streak, r.bestStreak, r.isPendingRepair]).toEqual([5, 5, false]);
  });

  it("refuses a second repair 13 days after the first; the streak ends at that miss", () => {
    const h = habit("h1", "2024-03-04", [{ schedule: "daily" }]);
    const events = daysDone("h1", "2024-03-04", "2024-03-24", ["2024-03-07", "2024-03-20"]);
    const r = habitOccurrences({ habits: [h], events }, "h1", d("2024-03-25"));
    const states = new Map(r.occurrences.map((o) => [o.localDate, o.state]));
    expect(states.get(d("2024-03-07"))).toBe("repaired");
    expect(states.get(d("2024-03-20"))).toBe("missed");
    // 03-04 … 03-19 met except the repaired 03-07 (adds 0): 15; then 03-21 … 03-24: 4.
    expect(r.lastBreak).toEqual<StreakBreak>({ localDate: d("2024-03-20"), length: 15 });
    expect([r.streak, r.bestStreak]).toEqual([4, 15]);
  });

  it("grants it 14 days after", () => {
    const h = habit("h1", "2024-03-04", [{ schedule: "daily" }]);
    const events = daysDone("h1", "2024-03-04", "2024-03-24", ["2024-03-07", "2024-03-21"]);
    const r = habitOccurrences({ habits: [h], events }, "h1", d("2024-03-25"));
    const states = new Map(r.occurrences.map((o) => [o.localDate, o.state]));
    expect([states.get(d("2024-03-07")), states.get(d("2024-03-21"))]).toEqual([
      "repaired",
      "repaired",
    ]);
    expect([r.streak, r.lastBreak]).toEqual([19, null]);
  });

  it("weeks: first partial week ignored unless met, N − s ≤ 0 skipped, a partial week pending repair", () => {
    // 3 per week from Wednesday 2024-03-06.
    const h = habit("h1", "2024-03-06", [{ schedule: "times_per_week", timesPerWeek: 3 }]);
    const events: LogEvent[] = [
      ev("h1", "2024-03-06"),
      ev("h1", "2024-03-07"), // first week: 2 of 3 → ignored
      ev("h1", "2024-03-11"),
      ev("h1", "2024-03-13"),
      ev("h1", "2024-03-17"), // 3 of 3 → met
      ev("h1", "2024-03-18", "skip"),
      ev("h1", "2024-03-19", "skip"),
      ev("h1", "2024-03-24"), // 1 of 3 − 2 → met
      ev("h1", "2024-03-25", "skip"),
      ev("h1", "2024-03-26", "skip"),
      ev("h1", "2024-03-27", "skip"), // N − s = 0 → skipped
      ev("h1", "2024-04-03"), // 1 of 3 → partial, single → pending repair
      ev("h1", "2024-04-08"), // this week is pending
    ];
    const r = habitOccurrences({ habits: [h], events }, "h1", d("2024-04-10"));
    expect(r.occurrences).toEqual([
      { localDate: "2024-03-11", period: "week", state: "met" },
      { localDate: "2024-03-18", period: "week", state: "met" },
      { localDate: "2024-03-25", period: "week", state: "skipped" },
      { localDate: "2024-04-01", period: "week", state: "partial" },
      { localDate: "2024-04-08", period: "week", state: "pending" },
    ]);
    expect([r.streak, r.isPendingRepair]).toEqual([2, true]);
  });

  it("a first partial week that is met counts", () => {
    const h = habit("h1", "2024-03-08", [{ schedule: "times_per_week", timesPerWeek: 2 }]);
    const events = [ev("h1", "2024-03-08"), ev("h1", "2024-03-10")];
    const r = habitOccurrences({ habits: [h], events }, "h1", d("2024-03-11"));
    expect(r.occurrences.map((o) => o.state)).toEqual(["met", "pending"]);
    expect(r.streak).toBe(1);
  });
});

export type { LocalDate };
