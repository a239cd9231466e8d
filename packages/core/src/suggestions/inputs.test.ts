/** Which tasks and habits each job sees, and its days (docs/domain.md "AI suggestions" → "Inputs"). */
import { toLocalDate as d, type LocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import type { DeriveState } from "../derive/derive-member.ts";
import type { Habit, Task, TaskVersion } from "../model.ts";
import { INITIAL_STREAK } from "../occurrences.ts";
import type { PlanInput } from "../overload.ts";
import { DEFAULT_PREFERENCES } from "../planner/types.ts";
import {
  selectOverdue,
  selectRecovery,
  selectWeek,
  weeklyPlanInput,
  type Texts,
} from "./inputs.ts";

const MONDAY = d("2026-12-07");
const TODAY = d("2026-12-03"); // the Thursday before

function task(id: string, version: Partial<TaskVersion> = {}, createdOn = "2026-11-01"): Task {
  return {
    id,
    createdOn: d(createdOn),
    archivedFrom: null,
    createdAt: new Date(`${createdOn}T09:00:00Z`),
    versions: [
      {
        effectiveFrom: d(createdOn),
        status: "todo",
        priority: "medium",
        dueDate: null,
        plannedDate: null,
        estimateMinutes: 30,
        ...version,
      },
    ],
  };
}

function habit(id: string, schedule: "daily" | "times_per_week", durationMinutes = 20): Habit {
  return {
    id,
    startDate: d("2026-11-01"),
    archivedFrom: null,
    versions: [
      {
        effectiveFrom: d("2026-11-01"),
        schedule,
        daysOfWeek: [],
        timesPerWeek: schedule === "times_per_week" ? 3 : null,
        everyNDays: null,
        target: null,
        durationMinutes,
      },
    ],
  };
}

const plan = (tasks: Task[], habits: Habit[] = []): PlanInput => ({
  tasks,
  habits,
  events: [],
  capacity: [{ effectiveFrom: d("2026-11-01"), week: [120, 120, 120, 120, 120, 0, 0] }],
});

const texts = (p: PlanInput): Texts => ({
  tasks: new Map(p.tasks.map((t) => [t.id, { title: `Task ${t.id}`, notes: "" }])),
  habits: new Map(p.habits.map((h) => [h.id, { title: `Habit ${h.id}`, target: null }])),
});

describe("the weekly plan", () => {
  const p = plan(
    [
      task("undated"),
      task("in-week", { plannedDate: d("2026-12-09") }),
      task("overdue", { plannedDate: d("2026-12-01") }),
      task("after", { plannedDate: d("2026-12-14") }),
      task("cancelled", { status: "cancelled" }),
    ],
    [habit("daily", "daily", 15), habit("weekly", "times_per_week", 30)],
  );

  it("sees the open tasks not dated after the week, dated first, and the habits that choose their days", () => {
    const week = selectWeek(p, TODAY, MONDAY);
    expect(week.tasks.map((t) => t.task.id)).toEqual(["overdue", "in-week", "undated"]);
    expect(week.habits.map((h) => [h.habit.id, h.timesPerWeek])).toEqual([["weekly", 3]]);
  });

  it("gives each day its capacity and what is committed: fixed-day habits, not the tasks it plans", () => {
    const input = weeklyPlanInput(
      p,
      TODAY,
      selectWeek(p, TODAY, MONDAY),
      texts(p),
      DEFAULT_PREFERENCES,
    );
    expect(input.days.map((x) => [x.localDate, x.capacityMinutes, x.committedMinutes])).toEqual([
      ["2026-12-07", 120, 15],
      ["2026-12-08", 120, 15],
      ["2026-12-09", 120, 15],
      ["2026-12-10", 120, 15],
      ["2026-12-11", 120, 15],
      ["2026-12-12", 0, 15],
      ["2026-12-13", 0, 15],
    ]);
    expect(input.tasks.find((t) => t.id === "undated")).toMatchObject({
      title: "Task undated",
      notes: null,
      estimateMinutes: 30,
    });
  });
});

describe("deferral", () => {
  it("sees the open tasks whose day has passed, most recently due first", () => {
    const p = plan([
      task("old", { plannedDate: d("2026-11-20") }),
      task("recent", { plannedDate: d("2026-12-02") }),
      task("today", { plannedDate: TODAY }),
    ]);
    expect(selectOverdue(p, TODAY).map((t) => t.task.id)).toEqual(["recent", "old"]);
  });
});

describe("recovery", () => {
  const state = (streaks: Record<string, Partial<typeof INITIAL_STREAK>>): DeriveState => ({
    version: 1,
    through: d("2026-12-02"),
    consistency: null,
    lastRaw: null,
    scoredDays: 0,
    habits: Object.fromEntries(
      Object.entries(streaks).map(([id, s]) => [
        id,
        { strength: 0, streak: { ...INITIAL_STREAK, ...s }, week: null },
      ]),
    ),
  });
  const p = plan([], [habit("run", "daily"), habit("read", "daily")]);
  const brokeOn = (localDate: LocalDate, length: number) => ({ lastBreak: { localDate, length } });

  it("answers a recent break of a streak of 3 or more first", () => {
    const selection = selectRecovery(
      p,
      TODAY,
      state({
        run: brokeOn(d("2026-12-01"), 5),
        read: { pendingRepair: { localDate: d("2026-12-02"), streakAtMiss: 4, metAfter: 0 } },
      }),
      null,
    );
    expect(selection?.trigger).toBe("broken_streak");
    expect(selection?.habits.map((h) => h.habit.id)).toEqual(["run"]);
  });

  it("then a miss waiting for its repair; neither once answered, nor a short or old break", () => {
    const waiting = state({
      run: brokeOn(d("2026-12-01"), 2),
      read: { pendingRepair: { localDate: d("2026-12-02"), streakAtMiss: 4, metAfter: 0 } },
    });
    expect(selectRecovery(p, TODAY, waiting, null)?.trigger).toBe("pending_repair");
    expect(selectRecovery(p, TODAY, waiting, d("2026-12-02"))).toBeNull();
    expect(selectRecovery(p, TODAY, state({ run: brokeOn(d("2026-11-20"), 9) }), null)).toBeNull();
  });
});
