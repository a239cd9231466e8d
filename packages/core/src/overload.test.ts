import { describe, expect, it } from "vitest";
import type { LogEvent, Task } from "./model.ts";
import {
  dayLevel,
  forecastLoad,
  loadTrend,
  planRelief,
  type LoadForecast,
  type LoadLevel,
  type PlanInput,
  type TrendDay,
} from "./overload.ts";
import { addDays } from "@atlas/time";
import { capacityAlways, d, ev, habit, task } from "./test/fixtures.ts";

const WEEKDAYS_360 = capacityAlways([360, 360, 360, 360, 360, 0, 0]);
const TODAY = d("2024-03-11"); // a Monday

describe("dayLevel", () => {
  it.each<[string, number, number, number, LoadLevel]>([
    // name, task minutes, total minutes, capacity
    ["306/360 = 0.85 is not above 0.85", 0, 306, 360, "none"],
    ["307/360 ≈ 0.853", 0, 307, 360, "near"],
    ["360/360 = 1.0 is near", 360, 360, 360, "near"],
    ["361/360", 361, 361, 360, "over"],
    ["468/360 = 1.3 is over", 0, 468, 360, "over"],
    ["469/360", 0, 469, 360, "critical"],
    ["capacity 0, no tasks (habits only)", 0, 100, 0, "none"],
    ["capacity 0, 60 task minutes", 60, 160, 0, "near"],
    ["capacity 0, 61 task minutes", 61, 61, 0, "over"],
  ])("%s", (_name, taskMinutes, total, capacity, level) => {
    expect(dayLevel(7 * taskMinutes, 7 * total, capacity)).toBe(level);
  });
});

function planned(
  id: string,
  date: string,
  minutes: number,
  over: Partial<Task["versions"][number]> = {},
  createdMinute = 0,
): Task {
  return task(
    id,
    "2024-03-01",
    [{ plannedDate: d(date), estimateMinutes: minutes, ...over }],
    null,
    new Date(Date.UTC(2024, 2, 1, 0, createdMinute)),
  );
}

describe("forecastLoad", () => {
  it("sums habits (3/week as duration·N/7) and open tasks per day", () => {
    const plan: PlanInput = {
      habits: [
        habit("h1", "2024-03-01", [{ schedule: "daily", durationMinutes: 60 }]),
        habit("h2", "2024-03-01", [
          { schedule: "times_per_week", timesPerWeek: 3, durationMinutes: 70 },
        ]),
      ],
      tasks: [
        planned("t1", "2024-03-11", 300), // Mon 390/360 over
        planned("t2", "2024-03-12", 200), // Tue 290/360 none
        planned("t3", "2024-03-13", 240), // Wed 330/360 near
        planned("t4", "2024-03-14", 400), // Thu 490/360 critical
        planned("t5", "2024-03-16", 60), // Sat, capacity 0: 60 task minutes near
        planned("t6", "2024-03-17", 90), // Sun, capacity 0: over (not in the 3-day rule)
        planned("t7", "2024-03-15", 400), // done already
        planned("t8", "2024-03-15", 400, { status: "cancelled" }),
      ],
      events: [ev("t7", "2024-03-10")],
      capacity: WEEKDAYS_360,
    };
    const f = forecastLoad(plan, TODAY);
    expect(f.days.map((x) => [x.localDate.slice(8), x.loadMinutes, x.level])).toEqual([
      ["11", 390, "over"],
      ["12", 290, "none"],
      ["13", 330, "near"],
      ["14", 490, "critical"],
      ["15", 90, "none"],
      ["16", 150, "near"],
      ["17", 180, "over"],
    ]);
    expect([f.level, f.overDayCount, f.isOverloaded]).toEqual(["critical", 2, true]);
    expect(f.days[0]!.ratio).toBeCloseTo(390 / 360, 12);
    expect(f.days[5]!.ratio).toBeNull();
  });

  it.each<[string, string[], LoadLevel]>([
    ["two days over, weekend over too: over", ["11", "12", "16", "17"], "over"],
    ["three weekdays over: critical", ["11", "12", "13"], "critical"],
  ])("%s", (_name, days, level) => {
    const tasks = days.map((day, i) => planned(`t${i}`, `2024-03-${day}`, day >= "16" ? 100 : 380));
    const plan: PlanInput = { habits: [], tasks, events: [], capacity: WEEKDAYS_360 };
    expect(forecastLoad(plan, TODAY).level).toBe(level);
  });

  it("a week of capacity 0 is never over through the 3-day rule", () => {
    const tasks = ["11", "12", "13", "14"].map((day, i) => planned(`t${i}`, `2024-03-${day}`, 100));
    const plan: PlanInput = {
      habits: [],
      tasks,
      events: [],
      capacity: capacityAlways([0, 0, 0, 0, 0, 0, 0]),
    };
    const f = forecastLoad(plan, TODAY);
    expect([f.level, f.overDayCount]).toEqual(["over", 0]);
  });
});

describe("loadTrend", () => {
  function rows(
    recent: [number, number, boolean][],
    earlier: [number, number, boolean][],
  ): TrendDay[] {
    const out: TrendDay[] = [];
    const add = (list: [number, number, boolean][], firstAge: number) =>
      list.forEach(([due, done, scored], i) =>
        out.push({
          localDate: addDays(TODAY, -(firstAge + i)),
          score: scored ? 50 : null,
          dueCount: due,
          doneCount: done,
          loadMinutes: 100,
        }),
      );
    add(recent, 1);
    add(earlier, 8);
    return out;
  }
  const forecast = (minutesPerDay: number): LoadForecast => ({
    days: Array.from({ length: 7 }, (_, i) => ({
      localDate: addDays(TODAY, i),
      loadMinutes: minutesPerDay,
      taskMinutes: 0,
      habitMinutes: minutesPerDay,
      capacityMinutes: 360,
      ratio: minutesPerDay / 360,
      level: "none" as const,
    })),
    level: "none",
    isOverloaded: false,
    overDayCount: 0,
  });
  const full: [number, number, boolean] = [4, 4, true];
  const half: [number, number, boolean] = [4, 2, true];
  const off: [number, number, boolean] = [0, 0, false];

  it.each<
    [
      string,
      [number, number, boolean][],
      [number, number, boolean][],
      number,
      boolean,
      number | null,
    ]
  >([
    [
      "completion halves and load rises",
      [half, half, half, off, off, off, off],
      [full, full, full, full, off, off, off],
      110,
      true,
      0.5,
    ],
    [
      "load does not rise (700 vs 700)",
      [half, half, half, off, off, off, off],
      [full, full, full, full, off, off, off],
      100,
      false,
      0.5,
    ],
    [
      "only 2 scored recent days",
      [half, half, off, off, off, off, off],
      [full, full, full, full, off, off, off],
      110,
      false,
      null,
    ],
    [
      "exactly 0.7 is not below 0.7×",
      [[10, 7, true], [10, 7, true], [10, 7, true], off, off, off, off],
      [full, full, full, off, off, off, off],
      110,
      false,
      0.7,
    ],
  ])("%s", (_name, recent, earlier, nextPerDay, worsening, recentCompletion) => {
    const t = loadTrend(rows(recent, earlier), forecast(nextPerDay), TODAY);
    expect(t.isWorsening).toBe(worsening);
    expect(t.recentCompletion).toBe(recentCompletion);
    expect(t.lastWeekLoadMinutes).toBe(700);
  });
});

describe("planRelief", () => {
  const events: LogEvent[] = [];
  const plan: PlanInput = {
    habits: [
      habit("h1", "2024-03-01", [{ schedule: "daily", durationMinutes: 60 }]),
      habit("h2", "2024-03-01", [
        { schedule: "days_of_week", daysOfWeek: [3], durationMinutes: 400 },
      ]),
    ],
    tasks: [
      // Monday: 60 + 120 + 120 + 200 + 50 = 550
      planned("a", "2024-03-11", 120, { priority: "low" }, 1),
      planned("b", "2024-03-11", 120, { priority: "low" }, 2),
      planned("c", "2024-03-11", 200, { priority: "medium" }, 0),
      planned("d", "2024-03-11", 50, { priority: "low", dueDate: d("2024-03-11") }, 0),
      // Monday 03-18 (today + 7) already holds 60 + 200
      planned("e", "2024-03-18", 200),
      // Wednesday: habits alone 460 > 360
      planned("f", "2024-03-13", 30, { priority: "low" }),
      // Thursday: 60 + 300 = 360, ratio exactly 1.0
      planned("g", "2024-03-14", 300, { priority: "low" }),
      // Friday: 60 + 500; 500 fits no day
      planned("h", "2024-03-15", 500, { priority: "low" }),
      // Saturday (capacity 0): not relieved
      planned("i", "2024-03-16", 100, { priority: "low" }),
    ],
    events,
    capacity: WEEKDAYS_360,
  };

  it("defers lows first (bigger first, then older) to the first later day of the 7 with room", () => {
    const r = planRelief(plan, TODAY);
    // a: Tuesday holds 60, + 120 = 180; b: Tuesday 180 + 120 = 300. Monday is then
    // 550 − 240 = 310 ≤ 360: c stays.
    expect(r.moves).toEqual([
      { taskId: "a", fromDate: "2024-03-11", toDate: "2024-03-12", estimateMinutes: 120 },
      { taskId: "b", fromDate: "2024-03-11", toDate: "2024-03-12", estimateMinutes: 120 },
    ]);
    expect(r.noReliefDates).toEqual(["2024-03-13"]);
    expect(r.stillOverDates).toEqual(["2024-03-15"]);
  });

  it.each<[string, number, [string, string][]]>([
    // name, Tuesday's task minutes (Tuesday holds the 60-minute habit too), moves
    [
      "room for both on Tuesday",
      0,
      [
        ["a", "2024-03-12"],
        ["b", "2024-03-12"],
      ],
    ],
    [
      "room for one on Tuesday",
      120,
      [
        ["a", "2024-03-12"],
        ["b", "2024-03-19"],
      ],
    ],
    // The rest of the week is full (Wed habits, Thu exactly 360, Fri over, weekend 0): a and b
    // go past it; 03-18 would be 260 + 120 > 360, so 03-19 (60 + 120, then 180 + 120).
    [
      "the rest of the 7 full",
      300,
      [
        ["a", "2024-03-19"],
        ["b", "2024-03-19"],
      ],
    ],
  ])("inside the 7 days before beyond them: %s", (_name, tuesday, moves) => {
    const filled: PlanInput = {
      ...plan,
      tasks: [...plan.tasks, planned("t", "2024-03-12", tuesday, { dueDate: d("2024-03-12") })],
    };
    expect(planRelief(filled, TODAY).moves.map((m) => [m.taskId, m.toDate])).toEqual(moves);
  });

  it("bigger low tasks go first", () => {
    const bigger: PlanInput = {
      ...plan,
      tasks: [
        ...plan.tasks.filter((t) => t.id !== "b"),
        planned("b", "2024-03-11", 150, { priority: "low" }, 2),
      ],
    };
    // Monday 580: b (150) first → 430, then a (120) → 310; Tuesday takes both (60 + 270).
    expect(planRelief(bigger, TODAY).moves.map((m) => [m.taskId, m.toDate])).toEqual([
      ["b", "2024-03-12"],
      ["a", "2024-03-12"],
    ]);
  });
});
