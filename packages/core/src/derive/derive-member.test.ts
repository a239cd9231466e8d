import { addDays, dayKey, type LocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import type { LogEvent } from "../model.ts";
import { capacityAlways, d, ev, habit, task } from "../test/fixtures.ts";
import { deriveMember, type MemberHistory } from "./derive-member.ts";

const M = 0.9480775143391714; // 0.5^(1/13)
const WEEKDAYS_360 = capacityAlways([360, 360, 360, 360, 360, 0, 0]);

// 2024-03-04 is a Monday. One week worked out by hand (see each day's comment).
function weekHistory(): MemberHistory {
  const read = habit("hR", "2024-03-04", [
    {
      schedule: "daily",
      target: { valueMilli: 20_000, direction: "at_least" },
      durationMinutes: 30,
    },
  ]);
  const gym = habit("hG", "2024-03-04", [
    { schedule: "times_per_week", timesPerWeek: 3, durationMinutes: 60 },
  ]);
  const t1 = task("t1", "2024-03-04", [
    { priority: "medium", dueDate: d("2024-03-05"), estimateMinutes: 60 },
  ]);
  const t2 = task("t2", "2024-03-04", [
    { priority: "high", dueDate: d("2024-03-06"), estimateMinutes: 90 },
    // Rescheduled on Thursday to Friday: Wednesday keeps its 0, Friday is due too.
    {
      effectiveFrom: "2024-03-07",
      priority: "high",
      dueDate: d("2024-03-06"),
      plannedDate: d("2024-03-08"),
      estimateMinutes: 90,
    },
  ]);
  const t3 = task("t3", "2024-03-04", [
    { priority: "low", plannedDate: d("2024-03-07"), estimateMinutes: 30 },
  ]);
  const sunday = ev("hR", "2024-03-10", "done", 20_000);
  const events: LogEvent[] = [
    ev("hR", "2024-03-04", "done", 20_000),
    ev("hR", "2024-03-05", "partial", 10_000),
    ev("hR", "2024-03-06", "partial", 5_000),
    ev("hR", "2024-03-06", "partial", 10_000),
    ev("hR", "2024-03-08", "done", 25_000),
    ev("hR", "2024-03-09", "skip"),
    sunday,
    ev("hR", "2024-03-10", "undo", null, { revertsId: sunday.id }),
    ev("hG", "2024-03-04"),
    ev("hG", "2024-03-06"),
    ev("t1", "2024-03-05"),
    ev("t2", "2024-03-08"),
    ev("t3", "2024-03-07", "skip"),
  ];
  return {
    memberId: "m",
    habits: [read, gym],
    tasks: [t1, t2, t3],
    events,
    capacity: WEEKDAYS_360,
  };
}

describe("deriveMember: one week by hand", () => {
  const today = d("2024-03-11");
  const { days, habitDays, state } = deriveMember(
    weekHistory(),
    { from: d("2024-03-04"), to: d("2024-03-20") },
    { today },
  );

  it("produces no day after today, and a state through yesterday", () => {
    expect(days.map((r) => r.localDate.slice(8))).toEqual([
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "11",
    ]);
    expect(state.through).toBe("2024-03-10");
    expect(state.scoredDays).toBe(6);
  });

  it.each<[string, [bigint, bigint] | null, number | null, number, number, boolean]>([
    // read 1 (w2) + gym met (w2) → 4/4
    ["2024-03-04", [1n, 1n], 100, 2, 2, false],
    // read 10/20 (w2), t1 medium done (w2); gym need 2 < left 6 → (1 + 2)/4
    ["2024-03-05", [3n, 4n], 75, 2, 1, false],
    // read 15/20 (w2), gym met (w2), t2 high not done (w3) → (1.5 + 2 + 0)/7
    ["2024-03-06", [1n, 2n], 50, 3, 1, false],
    // read nothing (w2); t3 skipped; t2 moved to Friday; gym need 1 < left 4 → 0/2
    ["2024-03-07", [0n, 1n], 0, 1, 0, false],
    // read 25/20 → 1 (w2), t2 done on its new day (w3) → 5/5; recovery after 0
    ["2024-03-08", [1n, 1n], 100, 2, 2, true],
    // read skipped, gym need 1 < left 2: nothing counts
    ["2024-03-09", null, null, 0, 0, false],
    // read done and undone → 0 (w2); gym need 1 ≥ left 1, not met → 0 (w2)
    ["2024-03-10", [0n, 1n], 0, 2, 0, false],
    // today as of now: read not yet (w2); gym's new week: need 3 < left 7
    ["2024-03-11", [0n, 1n], 0, 1, 0, false],
  ])("%s", (date, raw, score, due, done, recovering) => {
    const row = days.find((r) => r.localDate === date)!;
    expect(row.scoreNumerator === null ? null : [row.scoreNumerator, row.scoreDenominator]).toEqual(
      raw,
    );
    expect([row.score, row.dueCount, row.doneCount, row.isRecovering]).toEqual([
      score,
      due,
      done,
      recovering,
    ]);
  });

  it("consistency starts at the first raw and doubles the update on recovery", () => {
    const c1 = 1;
    const c2 = c1 * M + 0.75 * (1 - M);
    const c3 = c2 * M + 0.5 * (1 - M);
    const c4 = c3 * M;
    const c5 = (c4 * M + (1 - M)) * M + (1 - M);
    const expected = [c1, c2, c3, c4, c5, c5, c5 * M, c5 * M * M];
    days.forEach((row, i) => expect(row.consistency).toBeCloseTo(expected[i]!, 14));
    // literals from a calculator, as a cross-check of the formula above
    expect(days[4]!.consistency).toBeCloseTo(0.9207182876893852, 14);
    expect(days[7]!.consistency).toBeCloseTo(0.8275885289285368, 14);
  });

  it("loads: habit minutes + gym 60·3/7 + tasks due that day (done or not), and capacity", () => {
    const base = 30 + (60 * 3) / 7;
    expect(days.map((r) => r.loadMinutes)).toEqual(
      [base, base + 60, base + 90, base + 30, base + 90, base, base, base].map((x) =>
        expect.closeTo(x, 10),
      ),
    );
    expect(days.map((r) => r.capacityMinutes)).toEqual([360, 360, 360, 360, 360, 0, 0, 360]);
  });

  it("capacity edited mid-week: each day reads the version in force on it", () => {
    const edited = deriveMember(
      {
        ...weekHistory(),
        capacity: [
          ...WEEKDAYS_360,
          { effectiveFrom: d("2024-03-07"), week: [100, 100, 100, 100, 100, 50, 50] },
        ],
      },
      { from: d("2024-03-04"), to: d("2024-03-20") },
      { today },
    );
    expect(edited.days.map((r) => r.capacityMinutes)).toEqual([
      360, 360, 360, 100, 100, 50, 50, 100,
    ]);
    // Nothing else depends on capacity.
    const strip = (r: (typeof days)[number]) => ({ ...r, capacityMinutes: 0 });
    expect(edited.days.map(strip)).toEqual(days.map(strip));
  });

  it("habit rows: states, streaks, repair and strength", () => {
    const read = habitDays.filter((r) => r.habitId === "hR");
    expect(read.map((r) => [r.state, r.streak, r.isPendingRepair])).toEqual([
      ["met", 1, false],
      ["partial", 1, true], // single miss: pending repair
      ["partial", 0, false], // the repair failed: the streak (1) ended on Tuesday
      ["missed", 0, false],
      ["met", 1, false],
      ["skipped", 1, false],
      ["missed", 1, true],
      ["pending", 1, true],
    ]);
    const strengths = [
      0.05192248566082858, 0.07518778397404391, 0.11022571158440357, 0.10450251865520775,
      0.15099897378964083, 0.15099897378964083, 0.1431587317382484, 0.1431587317382484,
    ];
    read.forEach((r, i) => expect(r.strength).toBeCloseTo(strengths[i]!, 14));
    expect(
      read.map((r) => (r.completion === null ? null : `${r.completion.num}/${r.completion.den}`)),
    ).toEqual(["1/1", "1/2", "3/4", null, "1/1", null, null, null]);
    expect(state.habits.hR!.streak.lastBreak).toEqual({ localDate: "2024-03-05", length: 1 });

    const gym = habitDays.filter((r) => r.habitId === "hG");
    expect(gym.map((r) => r.state)).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
      "pending",
      "pending",
      "partial",
      "pending",
    ]);
    // The first occurrence is never a single miss: no repair pending.
    expect(gym.map((r) => r.isPendingRepair)).toEqual(Array<boolean>(8).fill(false));
    // week c = min(1, 2/3), m = 0.5^(1/(H·r)) for 3/week = 0.7832225334878737
    expect(gym[6]!.strength).toBeCloseTo(0.14451831100808415, 14);
  });

  it("returns rows for [from, to] only", () => {
    const part = deriveMember(
      weekHistory(),
      { from: d("2024-03-06"), to: d("2024-03-07") },
      { today },
    );
    expect(part.days.map((r) => r.localDate)).toEqual(["2024-03-06", "2024-03-07"]);
    expect(part.days).toEqual(days.slice(2, 4));
    expect(part.state.through).toBe("2024-03-07");
  });
});

describe("deriveMember: a schedule edited mid-history", () => {
  const original = weekHistory();
  const edited: MemberHistory = {
    ...original,
    habits: [
      habit("hR", "2024-03-04", [
        {
          schedule: "daily",
          target: { valueMilli: 20_000, direction: "at_least" },
          durationMinutes: 30,
        },
        // Edited on Friday: only Mon/Wed, a 10-page target.
        {
          effectiveFrom: "2024-03-08",
          schedule: "days_of_week",
          daysOfWeek: [1, 3],
          target: { valueMilli: 10_000, direction: "at_least" },
          durationMinutes: 30,
        },
      ]),
      original.habits[1]!,
    ],
  };
  const today = d("2024-03-12");
  const range = { from: d("2024-03-04"), to: today };
  const before = deriveMember(original, range, { today });
  const after = deriveMember(edited, range, { today });

  it("leaves every day before the edit unchanged", () => {
    const upTo = (rows: { localDate: LocalDate }[]) =>
      rows.filter((r) => r.localDate < "2024-03-08");
    expect(upTo(after.days)).toEqual(upTo(before.days));
    expect(upTo(after.habitDays)).toEqual(upTo(before.habitDays));
  });

  it("uses the new version from its day on", () => {
    const read = after.habitDays.filter((r) => r.habitId === "hR" && r.localDate >= "2024-03-08");
    // Fri, Sat, Sun not due; Mon 03-11 due and missed; Tue 03-12 not due.
    expect(read.map((r) => r.state)).toEqual([
      "not_due",
      "not_due",
      "not_due",
      "missed",
      "not_due",
    ]);
    // Friday: only t2 (done, w3) counts now → 3/3.
    expect(after.days.find((r) => r.localDate === "2024-03-08")!.score).toBe(100);
  });
});

describe("deriveMember: times_per_week across week boundaries", () => {
  // 2 per week from Monday 2024-03-04; check-ins on Sat 03-09 and Sun 03-10 (week met late), then
  // Mon 03-11; today Thursday 03-21.
  const h = habit("h1", "2024-03-04", [{ schedule: "times_per_week", timesPerWeek: 2 }]);
  const events = [
    ev("h1", "2024-03-09"),
    ev("h1", "2024-03-10"),
    ev("h1", "2024-03-11"),
    ev("h1", "2024-03-16", "skip"),
  ];
  const history: MemberHistory = {
    memberId: "m",
    habits: [h],
    tasks: [],
    events,
    capacity: WEEKDAYS_360,
  };
  const { days } = deriveMember(
    history,
    { from: d("2024-03-04"), to: d("2024-03-21") },
    { today: d("2024-03-21") },
  );
  const scores = Object.fromEntries(days.map((r) => [r.localDate.slice(5), r.score]));

  it.each<[string, number | null, string]>([
    ["03-04", null, "need 2 < left 7"],
    ["03-08", null, "need 2 < left 3"],
    ["03-09", 100, "met on Saturday (need 2 ≥ left 2 too)"],
    ["03-10", 100, "met on Sunday"],
    ["03-11", 100, "new week: met on Monday"],
    ["03-12", null, "need 1 < left 6"],
    ["03-16", null, "Saturday skipped: left out"],
    ["03-17", null, "Sunday: need 2 − 1 skip − 1 met = 0 → not due"],
    ["03-18", null, "need 2 < left 7"],
    ["03-21", null, "today: need 2 < left 4"],
  ])("%s → %s (%s)", (date, score, _why) => {
    expect(scores[date]).toBe(score);
  });
});

describe("deriveMember: local days through DST, day starts and far-apart zones", () => {
  function checkIns(instants: string[], zone: string, dayStart: number): LogEvent[] {
    return instants.map((iso) => ev("h1", dayKey(new Date(iso), zone, dayStart), "done"));
  }
  function states(history: MemberHistory, from: string, today: string): string[] {
    return deriveMember(
      history,
      { from: d(from), to: d(today) },
      { today: d(today) },
    ).habitDays.map((r) => `${r.localDate.slice(5)} ${r.state}`);
  }
  const base = { memberId: "m", tasks: [], capacity: WEEKDAYS_360 };

  it.each<[string, string, number, string[], string[]]>([
    [
      // Spring forward 2024-03-10 02:00 → 03:00; day start 04:00.
      "America/New_York, 04:00 day start, spring forward",
      "America/New_York",
      240,
      [
        "2024-03-09T05:30:00Z", // 00:30 EST on the 9th → day of the 8th
        "2024-03-10T07:30:00Z", // 03:30 EDT on the 10th, before 04:00 → day of the 9th
        "2024-03-11T08:30:00Z", // 04:30 EDT → the 11th
      ],
      ["03-08 met", "03-09 met", "03-10 missed", "03-11 met", "03-12 pending"],
    ],
    [
      // Fall back 2024-11-03 02:00 EDT → 01:00 EST; day start 01:30 happens twice: the day
      // starts at the first 01:30 and does not run backwards in the repeated hour.
      "America/New_York, 01:30 day start, fall back",
      "America/New_York",
      90,
      [
        "2024-11-03T05:40:00Z", // 01:40 EDT → the 3rd
        "2024-11-03T06:10:00Z", // 01:10 EST (second pass) → still the 3rd, not the 2nd
      ],
      ["11-02 missed", "11-03 met", "11-04 pending"],
    ],
    [
      // Spring forward 2024-03-31 02:00 CET → 03:00 CEST; day start 02:30 is skipped, so the 31st
      // starts at the jump (01:00Z).
      "Europe/Berlin, 02:30 day start, skipped wall time",
      "Europe/Berlin",
      150,
      [
        "2024-03-31T00:45:00Z", // 01:45 CET → the 30th
        "2024-03-31T01:00:00Z", // 03:00 CEST, the jump → the 31st
      ],
      ["03-30 met", "03-31 met", "04-01 pending"],
    ],
    [
      "Pacific/Kiritimati (UTC+14): 10:30Z is already the next day",
      "Pacific/Kiritimati",
      0,
      ["2024-03-10T10:30:00Z"], // 00:30 on the 11th
      ["03-10 missed", "03-11 met", "03-12 pending"],
    ],
    [
      "Pacific/Pago_Pago (UTC−11): the same instant is two dates earlier",
      "Pacific/Pago_Pago",
      0,
      ["2024-03-10T10:30:00Z"], // 23:30 on the 9th
      ["03-09 met", "03-10 missed", "03-11 missed", "03-12 pending"],
    ],
  ])("%s", (_name, zone, dayStart, instants, expected) => {
    const first = expected[0]!.slice(0, 5);
    const year = expected[0]!.startsWith("11") ? "2024-11" : "2024-03";
    const from = `${year}-${first.slice(3)}`;
    const last = expected.at(-1)!.slice(0, 5);
    const today = `${last.startsWith("04") ? "2024-04" : year}-${last.slice(3)}`;
    const h = habit("h1", from, [{ schedule: "daily" }]);
    const history = { ...base, habits: [h], events: checkIns(instants, zone, dayStart) };
    expect(states(history, from, today)).toEqual(expected);
  });

  it("a calendar date the zone skipped (Kiritimati, 1994-12-31) has nothing due", () => {
    const h = habit("h1", "1994-12-29", [{ schedule: "daily" }]);
    const t = task("t1", "1994-12-29", [{ dueDate: d("1994-12-31"), priority: "high" }]);
    const events = [ev("h1", "1994-12-29"), ev("h1", "1994-12-30"), ev("h1", "1995-01-01")];
    const history: MemberHistory = {
      ...base,
      habits: [h],
      tasks: [t],
      events,
      timeSettings: [
        { effectiveFrom: d("1994-01-01"), timeZone: "Pacific/Kiritimati", dayStartMinutes: 0 },
      ],
    };
    const today = d("1995-01-02");
    const r = deriveMember(history, { from: d("1994-12-29"), to: today }, { today });
    expect(r.habitDays.map((x) => x.state)).toEqual(["met", "met", "not_due", "met", "pending"]);
    expect(r.days.map((x) => x.score)).toEqual([100, 100, null, 100, 0]);
    // The streak runs straight through the day that did not exist.
    expect(r.habitDays.map((x) => x.streak)).toEqual([1, 2, 2, 3, 3]);
  });
});

describe("deriveMember: incremental runs", () => {
  it("continues from a stored state exactly, and refuses a state that runs past from − 1", () => {
    const history = weekHistory();
    const today = d("2024-03-11");
    const full = deriveMember(history, { from: d("2024-03-04"), to: today }, { today });
    const head = deriveMember(history, { from: d("2024-03-04"), to: d("2024-03-06") }, { today });
    const start = JSON.parse(JSON.stringify(head.state)) as typeof head.state;
    const tail = deriveMember(history, { from: d("2024-03-07"), to: today }, { today, start });
    expect([...head.days, ...tail.days]).toEqual(full.days);
    expect([...head.habitDays, ...tail.habitDays]).toEqual(full.habitDays);
    expect(() =>
      deriveMember(history, { from: d("2024-03-06"), to: today }, { today, start }),
    ).toThrow(RangeError);
  });

  it("starts at the earliest plan start and can begin rows before it", () => {
    const history = weekHistory();
    const r = deriveMember(
      history,
      { from: d("2024-03-02"), to: d("2024-03-04") },
      { today: d("2024-03-11") },
    );
    expect(r.days.map((x) => [x.localDate, x.score])).toEqual([
      ["2024-03-02", null],
      ["2024-03-03", null],
      ["2024-03-04", 100],
    ]);
    expect(addDays(r.state.through, 1)).toBe("2024-03-05");
  });
});

describe("deriveMember: trusting the log", () => {
  it("leaves out every non-reverted skip, even beyond a month's allowance (a write-time rule)", () => {
    const h = habit("h1", "2024-03-01", [{ schedule: "daily" }]);
    const skips = ["01", "02", "03", "04", "05", "06"].map((day) =>
      ev("h1", `2024-03-${day}`, "skip"),
    );
    const history: MemberHistory = {
      memberId: "m",
      habits: [h],
      tasks: [],
      events: [...skips, ev("h1", "2024-03-07")],
      capacity: WEEKDAYS_360,
    };
    const today = d("2024-03-08");
    const r = deriveMember(history, { from: d("2024-03-01"), to: today }, { today });
    expect(r.days.map((x) => x.score)).toEqual([null, null, null, null, null, null, 100, 0]);
    expect(r.habitDays.map((x) => x.state)).toEqual([
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "met",
      "pending",
    ]);
    // Skips leave strength unchanged: one met day from 0.
    expect(r.habitDays[6]!.strength).toBeCloseTo(1 - M, 15);
  });

  it("re-anchors every_n_days on an edit: due on the edit day, then every N from it", () => {
    const h = habit("h1", "2024-03-01", [
      { schedule: "every_n_days", everyNDays: 3 },
      { effectiveFrom: "2024-03-05", schedule: "every_n_days", everyNDays: 3, durationMinutes: 10 },
    ]);
    const history: MemberHistory = {
      memberId: "m",
      habits: [h],
      tasks: [],
      events: [],
      capacity: WEEKDAYS_360,
    };
    const today = d("2024-03-12");
    const r = deriveMember(history, { from: d("2024-03-01"), to: today }, { today });
    const due = r.habitDays.filter((x) => x.state !== "not_due").map((x) => x.localDate.slice(8));
    // 03-01, 03-04 on the old anchor; 03-05, 03-08, 03-11 on the new one (not 03-07, 03-10).
    expect(due).toEqual(["01", "04", "05", "08", "11"]);
  });
});
