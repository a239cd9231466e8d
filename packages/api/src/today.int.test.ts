/**
 * today.get (docs/domain.md "When an item is due", "Read models"): the caller's local today as of
 * the request's instant, on a seeded copy as the application role. Each test arranges a fresh
 * member so that scores are exact.
 */
import { addDays, isoWeekday, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";
import { newMember } from "./testing/members.ts";
import { expectRefused, monthStartAhead, newKey } from "./testing/plans.ts";

let h: Harness;
/** A month's first day, after the seed's "now". */
let M: LocalDate;

beforeAll(async () => {
  h = await createHarness();
  M = monthStartAhead();
});
afterAll(async () => {
  await h?.close();
});

const habitOf = <H extends { id: string }>(today: { habits: H[] }, id: string) =>
  today.habits.find((x) => x.id === id);

describe("habits today", () => {
  it("a check-in shows in the score, the state and the undoable entry; undo restores (Kiritimati, just after midnight)", async () => {
    const D = addDays(M, 2);
    const member = await newMember(h, { joinedOn: M, timeZone: "Pacific/Kiritimati" });
    const me = member.at(D, "00:10");
    const habit = await member.at(D, "00:05").habit.create({
      idempotencyKey: newKey(),
      title: "Stretch",
      schedule: { type: "daily" },
      durationMinutes: 10,
    });
    const task = await member.at(D, "00:05").task.create({
      idempotencyKey: newKey(),
      title: "Call the bank",
      plannedDate: D,
      priority: "medium",
    });

    const before = await me.today.get();
    expect(before).toMatchObject({
      localDate: D,
      timeZone: "Pacific/Kiritimati",
      score: { percent: 0, dueCount: 2, doneCount: 0 },
    });
    expect(habitOf(before, habit.id)).toEqual({
      id: habit.id,
      name: "Stretch",
      schedule: "daily",
      target: null,
      durationMinutes: 10,
      state: "pending",
      value: null,
      week: null,
      streak: { current: 0, atRisk: false, reasons: [] },
      skips: { allowance: 4, used: 0, remaining: 4 },
      undoableEventId: null,
    });

    const checkIn = await me.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    expect(checkIn.event.localDate).toBe(D);
    const after = await me.today.get();
    expect(after.score).toEqual({ percent: 50, dueCount: 2, doneCount: 1 });
    expect(habitOf(after, habit.id)).toMatchObject({
      state: "met",
      undoableEventId: checkIn.event.id,
    });

    const taskDone = await me.log.checkIn({ idempotencyKey: newKey(), taskId: task.id });
    const allDone = await me.today.get();
    expect(allDone.score).toEqual({ percent: 100, dueCount: 2, doneCount: 2 });
    expect(allDone.tasks).toEqual([
      expect.objectContaining({
        id: task.id,
        status: "done",
        undoableEventId: taskDone.event.id,
      }),
    ]);

    await me.log.undo({ idempotencyKey: newKey(), eventId: checkIn.event.id });
    const undone = await me.today.get();
    expect(undone.score).toEqual({ percent: 50, dueCount: 2, doneCount: 1 });
    expect(habitOf(undone, habit.id)).toMatchObject({ state: "pending", undoableEventId: null });
  });

  it("partial values: the summed value and a partial state until the target is reached", async () => {
    const member = await newMember(h, { joinedOn: M });
    const me = member.at(M, "18:00");
    const habit = await member.at(M, "09:00").habit.create({
      idempotencyKey: newKey(),
      title: "Read",
      schedule: { type: "daily" },
      target: { value: 30, unit: "pages", direction: "at_least" },
    });

    await me.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, value: 10.5 });
    const partial = await me.today.get();
    // c = 10.5/30 = 0.35: the score is 35.
    expect(partial.score).toEqual({ percent: 35, dueCount: 1, doneCount: 0 });
    expect(habitOf(partial, habit.id)).toMatchObject({
      target: { value: "30", unit: "pages", direction: "at_least" },
      state: "partial",
      value: "10.5",
    });

    const more = await me.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, value: 19.5 });
    const met = await me.today.get();
    expect(met.score).toEqual({ percent: 100, dueCount: 1, doneCount: 1 });
    expect(habitOf(met, habit.id)).toMatchObject({
      state: "met",
      value: "30",
      undoableEventId: more.event.id,
    });
  });

  it("skips: the remaining allowance falls, the one beyond it is refused, an undo frees one", async () => {
    const D = addDays(M, 5);
    const member = await newMember(h, { joinedOn: M });
    const me = member.at(D);
    const habit = await member.at(M, "09:00").habit.create({
      idempotencyKey: newKey(),
      title: "Swim",
      schedule: { type: "daily" },
    });

    const skip = await me.log.skip({ idempotencyKey: newKey(), habitId: habit.id });
    const skipped = await me.today.get();
    expect(habitOf(skipped, habit.id)).toMatchObject({
      state: "skipped",
      skips: { allowance: 4, used: 1, remaining: 3 },
      undoableEventId: skip.event.id,
    });
    // Everything due today is skipped: no score.
    expect(skipped.score).toEqual({ percent: null, dueCount: 0, doneCount: 0 });

    const remaining: number[] = [];
    for (const back of [1, 2, 3]) {
      await me.log.skip({
        idempotencyKey: newKey(),
        habitId: habit.id,
        localDate: addDays(D, -back),
      });
      remaining.push(habitOf(await me.today.get(), habit.id)!.skips.remaining!);
    }
    expect(remaining).toEqual([2, 1, 0]);
    await expectRefused(
      h,
      () => me.log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate: addDays(D, -4) }),
      "PAYMENT_REQUIRED",
      /All 4 skips of this habit .* are used/,
    );

    await me.log.undo({ idempotencyKey: newKey(), eventId: skip.event.id });
    expect(habitOf(await me.today.get(), habit.id)).toMatchObject({
      state: "pending",
      skips: { allowance: 4, used: 3, remaining: 1 },
      undoableEventId: null,
    });
  });

  it("times_per_week: shown with met/needed until the week's N are met", async () => {
    const monday = addDays(M, (8 - isoWeekday(M)) % 7);
    const member = await newMember(h, { joinedOn: addDays(monday, -1) });
    const habit = await member.at(monday, "08:00").habit.create({
      idempotencyKey: newKey(),
      title: "Run",
      schedule: { type: "times_per_week", timesPerWeek: 3 },
      durationMinutes: 30,
    });
    for (const day of [monday, addDays(monday, 1)]) {
      await member.at(day).log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    }

    const wednesday = member.at(addDays(monday, 2));
    const open = await wednesday.today.get();
    expect(habitOf(open, habit.id)).toMatchObject({
      schedule: "times_per_week",
      state: "pending",
      week: { met: 2, needed: 3 },
      streak: { current: 0 },
    });
    // Not yet necessary (1 needed, 5 days left): not in today's score.
    expect(open.score).toEqual({ percent: null, dueCount: 0, doneCount: 0 });

    await wednesday.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    const met = await wednesday.today.get();
    // A 3-of-3 week counts in the streak at once: one week in a row.
    expect(habitOf(met, habit.id)).toMatchObject({
      state: "met",
      week: { met: 3, needed: 3 },
      streak: { current: 1 },
    });
    expect(met.score).toEqual({ percent: 100, dueCount: 1, doneCount: 1 });

    const thursday = await member.at(addDays(monday, 3)).today.get();
    expect(habitOf(thursday, habit.id)).toBeUndefined();
  });

  it("a streak of 3 due and not yet met is at risk until the check-in, which counts at once", async () => {
    const D = addDays(M, 3);
    const member = await newMember(h, { joinedOn: M });
    const habit = await member.at(M, "08:00").habit.create({
      idempotencyKey: newKey(),
      title: "Meditate",
      schedule: { type: "daily" },
    });
    for (const back of [3, 2, 1]) {
      await member
        .at(addDays(D, -back))
        .log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    }

    const atRisk = await member.at(D).today.get();
    expect(habitOf(atRisk, habit.id)!.streak).toEqual({
      current: 3,
      atRisk: true,
      reasons: ["streak_due"],
    });
    expect(atRisk.atRisk).toEqual([
      {
        habitId: habit.id,
        name: "Meditate",
        schedule: "daily",
        reasons: ["streak_due"],
        streak: 3,
        repair: null,
        week: null,
      },
    ]);

    const checkIn = await member.at(D).log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    const safe = await member.at(D).today.get();
    // The met today counts at once; the stored row of today keeps the finished streak.
    expect(habitOf(safe, habit.id)!.streak).toEqual({ current: 4, atRisk: false, reasons: [] });
    expect(safe.atRisk).toEqual([]);
    const stored = await h.admin.habitDayValue.findFirstOrThrow({
      where: { habitId: habit.id, localDate: new Date(`${D}T00:00:00.000Z`) },
    });
    expect(stored.streak).toBe(3);
    // An undo takes it away at once.
    await member.at(D).log.undo({ idempotencyKey: newKey(), eventId: checkIn.event.id });
    const undone = await member.at(D).today.get();
    expect(habitOf(undone, habit.id)!.streak.current).toBe(3);
  });
});

describe("tasks today", () => {
  it("planned or due today (open or done today) on the list; open ones of earlier days apart", async () => {
    const D = addDays(M, 4);
    const member = await newMember(h, { joinedOn: M });
    const plan = member.at(addDays(M, 1), "09:00");
    const task = (title: string, fields: Record<string, unknown>) =>
      plan.task.create({ idempotencyKey: newKey(), title, ...fields });
    const late = await task("Late", { plannedDate: addDays(M, 2), estimateMinutes: 10 });
    const moved = await task("Moved", { plannedDate: addDays(M, 2), estimateMinutes: 20 });
    const doneEarly = await task("Done early", { plannedDate: addDays(M, 2) });
    const planned = await task("Today", { plannedDate: D, estimateMinutes: 45, priority: "high" });
    const due = await task("Due today", { dueDate: D, estimateMinutes: 15 });
    const doneToday = await task("Done today", { plannedDate: D, estimateMinutes: 30 });
    await task("Later", { plannedDate: addDays(D, 2), estimateMinutes: 60 });

    await member.at(addDays(M, 2)).log.checkIn({ idempotencyKey: newKey(), taskId: doneEarly.id });
    const me = member.at(D);
    await me.task.update({ taskId: moved.id, plannedDate: D });
    const done = await me.log.checkIn({ idempotencyKey: newKey(), taskId: doneToday.id });

    const today = await me.today.get();
    expect(today.tasks.map((t) => t.title).sort()).toEqual(
      ["Done today", "Due today", "Moved", "Today"].sort(),
    );
    expect(today.tasks.find((t) => t.id === planned.id)).toEqual({
      id: planned.id,
      title: "Today",
      priority: "high",
      estimateMinutes: 45,
      dueDate: null,
      plannedDate: D,
      status: "todo",
      goalId: null,
      undoableEventId: null,
    });
    expect(today.tasks.find((t) => t.id === due.id)).toMatchObject({
      dueDate: D,
      plannedDate: null,
    });
    expect(today.tasks.find((t) => t.id === doneToday.id)).toMatchObject({
      status: "done",
      undoableEventId: done.event.id,
    });
    expect(today.overdue).toEqual([
      expect.objectContaining({
        id: late.id,
        title: "Late",
        plannedDate: addDays(M, 2),
        status: "todo",
      }),
    ]);
    // Today's load: the open tasks due today (20 + 45 + 15); done ones no longer weigh.
    const capacity = isoWeekday(D) <= 5 ? 360 : 0;
    expect(today.load).toMatchObject({ loadMinutes: 80, capacityMinutes: capacity });
    expect(today.load.ratio).toBe(capacity === 0 ? null : Math.round((80 / 360) * 10_000) / 10_000);
    expect(today.overdueCount).toBe(1);
  });

  it("lists at most 20 overdue, most recent first, with the count; rescheduling moves them all, once", async () => {
    const D = addDays(M, 30);
    const member = await newMember(h, { joinedOn: M });
    const plan = member.at(M, "09:00");
    // 25 open tasks, one a day from M + 1, and one with a deadline that passed.
    const tasks: { id: string }[] = [];
    for (let i = 1; i <= 25; i++) {
      tasks.push(
        await plan.task.create({
          idempotencyKey: newKey(),
          title: `Task ${String(i).padStart(2, "0")}`,
          ...(i === 25 ? { dueDate: addDays(M, i) } : { plannedDate: addDays(M, i) }),
        }),
      );
    }
    const doneLate = tasks[0]!;
    await member.at(addDays(M, 1)).log.checkIn({ idempotencyKey: newKey(), taskId: doneLate.id });
    const me = member.at(D);

    const before = await me.today.get();
    expect(before.overdueCount).toBe(24);
    expect(before.overdue.map((t) => t.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Task ${String(25 - i).padStart(2, "0")}`),
    );

    const key = newKey();
    const first = await me.task.rescheduleOverdue({ idempotencyKey: key });
    expect(first).toEqual({ moved: 24, localDate: D });
    // A retry with the same key returns the first answer and moves nothing more.
    expect(await me.task.rescheduleOverdue({ idempotencyKey: key })).toEqual(first);

    const after = await me.today.get();
    expect(after.overdueCount).toBe(0);
    expect(after.overdue).toEqual([]);
    expect(after.tasks).toHaveLength(24);
    expect(after.tasks.find((t) => t.id === tasks[24]!.id)).toMatchObject({
      plannedDate: D,
      dueDate: D,
    });
    // The done task keeps its day; the moved ones keep theirs in the past (a new version).
    expect((await me.task.get({ taskId: doneLate.id })).plannedDate).toBe(addDays(M, 1));
    expect(await me.task.rescheduleOverdue({ idempotencyKey: newKey() })).toEqual({
      moved: 0,
      localDate: D,
    });
  });
});
