import { addDays } from "@atlas/time";
import { describe, expect, it } from "vitest";
import type { MemberHistory } from "../derive/derive-member.ts";
import { capacityAlways, d, ev, habit, task } from "../test/fixtures.ts";
import { loggedValue, memberNow, undoableEvent } from "./member-now.ts";

/** 2024-01-01 is a Monday. */
const MON = d("2024-01-01");
const WEEKDAYS = capacityAlways([360, 360, 360, 360, 360, 0, 0]);

const history = (over: Partial<MemberHistory>): MemberHistory => ({
  memberId: "m",
  habits: [],
  tasks: [],
  events: [],
  capacity: WEEKDAYS,
  ...over,
});

describe("memberNow: habits today", () => {
  const read = habit("h1", MON, [{ target: { valueMilli: 30_000, direction: "at_least" } }]);
  const plain = habit("h2", MON, [{}]);

  it.each([
    ["nothing logged", [], "pending", null],
    ["a value below target", [ev("h1", addDays(MON, 2), "partial", 10_500)], "partial", 10_500],
    [
      "values reaching the target",
      [ev("h1", addDays(MON, 2), "partial", 10_000), ev("h1", addDays(MON, 2), "done", 20_000)],
      "met",
      30_000,
    ],
    ["a plain done (no value)", [ev("h1", addDays(MON, 2), "done")], "met", null],
    ["a skip", [ev("h1", addDays(MON, 2), "skip")], "skipped", null],
  ] as const)("%s: %s", (_label, events, state, valueMilli) => {
    const now = memberNow(history({ habits: [read], events: [...events] }), addDays(MON, 2), {
      from: addDays(MON, 2),
    });
    const [h1] = now.habits;
    expect(h1!.state).toBe(state);
    expect(h1!.isShown).toBe(true);
    expect(loggedValue(h1!.day)).toBe(valueMilli);
  });

  it("the undoable entry: the latest that is neither an undo nor reverted", () => {
    const today = addDays(MON, 2);
    const first = ev("h1", today, "partial", 5_000);
    const second = ev("h1", today, "partial", 5_000);
    const undo = ev("h1", today, "undo", null, { revertsId: second.id });
    const at = (events: ReturnType<typeof ev>[]) =>
      undoableEvent(
        memberNow(history({ habits: [read], events }), today, { from: today }).habits[0]!.day,
      );
    expect(at([])).toBeNull();
    expect(at([first, second])?.id).toBe(second.id);
    expect(at([first, second, undo])?.id).toBe(first.id);
  });

  it("the day's rows and score are as of now", () => {
    const today = addDays(MON, 1);
    const now = memberNow(
      history({ habits: [read, plain], events: [ev("h2", today, "done")] }),
      today,
      { from: MON },
    );
    expect(now.days.map((r) => [r.localDate, r.score])).toEqual([
      [MON, 0],
      [today, 50],
    ]);
  });

  it("times_per_week: met/needed this week, shown until N are met", () => {
    const run = habit("h3", MON, [{ schedule: "times_per_week", timesPerWeek: 3 }]);
    const at = (offset: number, events: ReturnType<typeof ev>[]) =>
      memberNow(history({ habits: [run], events }), addDays(MON, offset), {
        from: addDays(MON, offset),
      }).habits[0]!;
    const mon = ev("h3", MON);
    const tue = ev("h3", addDays(MON, 1));
    const wed = ev("h3", addDays(MON, 2));

    expect(at(2, [mon, tue])).toMatchObject({ week: { met: 2, needed: 3 }, isShown: true });
    // Met today: still shown (it can be undone), the week complete.
    expect(at(2, [mon, tue, wed])).toMatchObject({
      state: "met",
      week: { met: 3, needed: 3 },
      isShown: true,
    });
    expect(at(3, [mon, tue, wed]).isShown).toBe(false);
    // A skip lowers what the week needs: 2 met of 3 − 1 is enough.
    const skip = ev("h3", addDays(MON, 2), "skip");
    expect(at(2, [mon, tue, skip])).toMatchObject({
      state: "skipped",
      week: { met: 2, needed: 2 },
      isShown: true,
    });
    expect(at(3, [mon, tue, skip])).toMatchObject({ week: { met: 2, needed: 2 }, isShown: false });
    // A new week starts from nothing.
    expect(at(7, [mon, tue, wed])).toMatchObject({ week: { met: 0, needed: 3 }, isShown: true });
  });

  it("a days_of_week habit off today is active but not shown", () => {
    const mondays = habit("h4", MON, [{ schedule: "days_of_week", daysOfWeek: [1] }]);
    const now = memberNow(history({ habits: [mondays] }), addDays(MON, 1), {
      from: addDays(MON, 1),
    });
    expect(now.habits.map((h) => [h.habit.id, h.isShown])).toEqual([["h4", false]]);
  });
});

describe("memberNow: the streak as of now", () => {
  const days = (habitId: string, offsets: number[]) =>
    offsets.map((i) => ev(habitId, addDays(MON, i)));
  // today: Wednesday of the third week (MON + 16); the habit starts on MON.
  const TODAY = 16;
  it.each<[string, Parameters<typeof habit>[2], number[], number, number]>([
    // name, versions, met day offsets, streak of the stored row (finished), streak as of now
    ["daily, met today: counts at once", [{}], [13, 14, 15, 16], 3, 4],
    ["daily, not yet met today", [{}], [13, 14, 15], 3, 3],
    ["daily, a pending miss and the first met after it today", [{}], [12, 13, 14, 16], 3, 4],
    [
      "3 per week, 3 of 3 met by Wednesday: the week counts",
      [{ schedule: "times_per_week", timesPerWeek: 3 }],
      [0, 1, 2, 7, 8, 9, 14, 15, 16],
      2,
      3,
    ],
    [
      "3 per week, 2 of 3 so far: not yet",
      [{ schedule: "times_per_week", timesPerWeek: 3 }],
      [0, 1, 2, 7, 8, 9, 14, 15],
      2,
      2,
    ],
    [
      "Mon/Wed: met today (Wednesday)",
      [{ schedule: "days_of_week", daysOfWeek: [1, 3] }],
      [0, 2, 7, 9, 14, 16],
      5,
      6,
    ],
    [
      "every 2 days: met today",
      [{ schedule: "every_n_days", everyNDays: 2 }],
      [10, 12, 14, 16],
      3,
      4,
    ],
  ])("%s", (_name, versions, met, finished, now) => {
    const h = habit("h1", MON, versions);
    const view = memberNow(history({ habits: [h], events: days("h1", met) }), addDays(MON, TODAY), {
      from: addDays(MON, TODAY),
    });
    expect(view.habits[0]!.row.streak).toBe(finished);
    expect(view.habits[0]!.streak).toBe(now);
  });
});

describe("memberNow: tasks today and overdue", () => {
  const today = addDays(MON, 3);
  const tasks = [
    task("t-late", MON, [{ plannedDate: addDays(MON, 1) }]),
    task("t-moved", MON, [
      { plannedDate: addDays(MON, 1) },
      { effectiveFrom: today, plannedDate: today },
    ]),
    task("t-later", MON, [
      { plannedDate: addDays(MON, 1) },
      { effectiveFrom: today, plannedDate: addDays(today, 2) },
    ]),
    task("t-done-early", MON, [{ plannedDate: addDays(MON, 1) }]),
    task("t-late-done-today", MON, [{ plannedDate: addDays(MON, 1) }]),
    task("t-planned", MON, [{ plannedDate: today, dueDate: addDays(today, 3) }]),
    task("t-due", MON, [{ dueDate: today }]),
    task("t-done-today", MON, [{ plannedDate: today }]),
    task("t-planned-elsewhere", MON, [{ plannedDate: addDays(today, 1), dueDate: today }]),
    task("t-cancelled", MON, [
      { plannedDate: addDays(MON, 1) },
      { effectiveFrom: addDays(MON, 2), status: "cancelled", plannedDate: addDays(MON, 1) },
    ]),
  ];
  const events = [
    ev("t-done-early", addDays(MON, 1)),
    ev("t-done-today", today),
    ev("t-late-done-today", today),
  ];

  it("planned (else due) today, open or done today; earlier days' apart, open or done today", () => {
    const now = memberNow(history({ tasks, events }), today, { from: today });
    expect(now.tasks.map((t) => [t.task.id, t.doneOn])).toEqual([
      ["t-moved", null],
      ["t-planned", null],
      ["t-due", null],
      ["t-done-today", today],
    ]);
    // Checked in today, an overdue task stays listed so the check-in can be undone.
    expect(now.overdue.map((t) => [t.task.id, t.doneOn])).toEqual([
      ["t-late", null],
      ["t-late-done-today", today],
    ]);
  });
});
