/**
 * Plans of work through the API (docs/domain.md "Plans of work"): goals with ordered milestones,
 * habits and tasks with versions dated by the OWNING member's local today, lists with filters and
 * cursor pagination, and who may read or change whose plans.
 */
import type { AppError } from "@atlas/core";
import { addDays, type LocalDate } from "@atlas/time";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Person } from "./testing/harness.ts";
import {
  clockAt,
  expectRefused,
  monthStartAhead,
  newKey,
  wallTime,
  ZONES,
} from "./testing/plans.ts";
import { allPages } from "./testing/pages.ts";

let h: Harness;
let M: LocalDate;

type Zoned = Exclude<Person, "priya">;
const at = (person: Zoned, date: LocalDate, time = "12:00", zoneOf: Zoned = person) =>
  h.as(person, "demo", { clock: clockAt(wallTime(ZONES[zoneOf], date, time)) });

beforeAll(async () => {
  h = await createHarness();
  M = monthStartAhead();
});
afterAll(async () => {
  await h?.close();
});

describe("goals and milestones", () => {
  it("create with ordered milestones; add, complete, reorder and remove them", async () => {
    const nora = at("nora", M);
    const goal = await nora.goal.create({
      idempotencyKey: newKey(),
      title: "Run a half marathon",
      description: "By spring",
      targetDate: addDays(M, 90),
      lifeArea: "health",
      milestones: [{ title: "5 km" }, { title: "10 km" }],
    });
    expect(goal).toMatchObject({
      memberId: h.userIds.nora,
      createdById: h.userIds.nora,
      status: "active",
      targetDate: addDays(M, 90),
      lifeArea: "health",
    });
    expect(goal.milestones.map((m) => [m.position, m.title, m.doneOn])).toEqual([
      [0, "5 km", null],
      [1, "10 km", null],
    ]);

    const added = await nora.goal.milestone.create({
      idempotencyKey: newKey(),
      goalId: goal.id,
      title: "15 km",
    });
    expect(added.milestones.map((m) => m.title)).toEqual(["5 km", "10 km", "15 km"]);
    const [five, ten, fifteen] = added.milestones.map((m) => m.id) as [string, string, string];

    const done = await at("nora", addDays(M, 3)).goal.milestone.update({
      milestoneId: five,
      isDone: true,
    });
    expect(done.milestones[0]!.doneOn).toBe(addDays(M, 3));
    await expectRefused(
      h,
      () => nora.goal.milestone.update({ milestoneId: ten, isDone: true, doneOn: addDays(M, 1) }),
      "BAD_REQUEST",
      /future/,
    );
    const reopened = await nora.goal.milestone.update({ milestoneId: five, isDone: false });
    expect(reopened.milestones[0]!.doneOn).toBeNull();

    const reordered = await nora.goal.milestone.reorder({
      goalId: goal.id,
      milestoneIds: [fifteen, five, ten],
    });
    expect(reordered.milestones.map((m) => [m.position, m.title])).toEqual([
      [0, "15 km"],
      [1, "5 km"],
      [2, "10 km"],
    ]);
    await expectRefused(
      h,
      () => nora.goal.milestone.reorder({ goalId: goal.id, milestoneIds: [fifteen, five] }),
      "BAD_REQUEST",
      /exactly once/,
    );
    await expectRefused(
      h,
      () => nora.goal.milestone.reorder({ goalId: goal.id, milestoneIds: [five, five, ten] }),
      "BAD_REQUEST",
    );

    const removed = await nora.goal.milestone.remove({ milestoneId: five });
    expect(removed.milestones.map((m) => [m.position, m.title])).toEqual([
      [0, "15 km"],
      [1, "10 km"],
    ]);
    expect(await nora.goal.get({ goalId: goal.id })).toEqual(removed);
  });

  it("update, complete, archive; an archived goal is read-only and takes no habits", async () => {
    const nora = at("nora", M);
    const goal = await nora.goal.create({ idempotencyKey: newKey(), title: "Learn Spanish" });
    const updated = await nora.goal.update({
      goalId: goal.id,
      status: "completed",
      lifeArea: null,
    });
    expect(updated).toMatchObject({ status: "completed", lifeArea: null, title: "Learn Spanish" });
    const archived = await nora.goal.archive({ goalId: goal.id });
    expect(archived.status).toBe("archived");
    expect((await nora.goal.archive({ goalId: goal.id })).status).toBe("archived");
    await expectRefused(
      h,
      () => nora.goal.update({ goalId: goal.id, title: "Learn Italian" }),
      "PRECONDITION_FAILED",
      /archived/,
    );
    await expectRefused(
      h,
      () => nora.goal.milestone.create({ idempotencyKey: newKey(), goalId: goal.id, title: "A1" }),
      "PRECONDITION_FAILED",
    );
    await expectRefused(
      h,
      () =>
        nora.habit.create({
          idempotencyKey: newKey(),
          title: "Duolingo",
          goalId: goal.id,
          schedule: { type: "daily" },
        }),
      "PRECONDITION_FAILED",
      /archived/,
    );
    const list = await nora.goal.list();
    expect(list.items.some((g) => g.id === goal.id)).toBe(false);
    const archivedOnly = await nora.goal.list({ status: ["archived"] });
    expect(archivedOnly.items.map((g) => g.id)).toContain(goal.id);
  });

  it("rejects empty titles and nothing-to-update with zod's issues", async () => {
    const nora = at("nora", M);
    const error = await expectRefused(
      h,
      () => nora.goal.create({ idempotencyKey: newKey(), title: "   " }),
      "BAD_REQUEST",
    );
    expect(error.cause).toBeInstanceOf(ZodError);
    const goal = await nora.goal.create({ idempotencyKey: newKey(), title: "Sleep better" });
    await expectRefused(h, () => nora.goal.update({ goalId: goal.id }), "BAD_REQUEST");
  });
});

describe("habits", () => {
  it("each of the four schedules, with and without a measurable target", async () => {
    const nora = at("nora", M);
    const schedules = [
      { type: "daily" },
      { type: "days_of_week", daysOfWeek: [5, 1, 3] },
      { type: "times_per_week", timesPerWeek: 3 },
      { type: "every_n_days", everyNDays: 3 },
    ] satisfies Parameters<ReturnType<typeof at>["habit"]["create"]>[0]["schedule"][];
    for (const schedule of schedules) {
      const habit = await nora.habit.create({
        idempotencyKey: newKey(),
        title: `Habit ${schedule.type}`,
        schedule,
        target: { value: 2.5, unit: "km", direction: "at_least" },
        durationMinutes: 30,
      });
      expect(habit).toMatchObject({
        memberId: h.userIds.nora,
        startDate: M,
        isArchived: false,
        current: {
          effectiveFrom: M,
          target: { value: 2.5, unit: "km", direction: "at_least" },
          durationMinutes: 30,
        },
      });
      expect(habit.versions).toHaveLength(1);
      if (schedule.type === "days_of_week") {
        expect(habit.current.schedule).toEqual({ type: "days_of_week", daysOfWeek: [1, 3, 5] });
      } else {
        expect(habit.current.schedule).toEqual(schedule);
      }
    }
  });

  it("starts on a later day when asked (every_n_days counts from it); never in the past", async () => {
    const nora = at("nora", M);
    const start = addDays(M, 3);
    const habit = await nora.habit.create({
      idempotencyKey: newKey(),
      title: "Long run",
      schedule: { type: "every_n_days", everyNDays: 2 },
      startDate: start,
    });
    expect(habit).toMatchObject({ startDate: start, current: { effectiveFrom: M } });
    const dueOn = async (date: LocalDate) =>
      (await at("nora", date).today.get()).habits.some((x) => x.id === habit.id);
    expect(await dueOn(M)).toBe(false);
    expect(await dueOn(start)).toBe(true);
    expect(await dueOn(addDays(start, 1))).toBe(false);
    expect(await dueOn(addDays(start, 2))).toBe(true);

    const error = await expectRefused(
      h,
      () =>
        nora.habit.create({
          idempotencyKey: newKey(),
          title: "Yesterday",
          schedule: { type: "daily" },
          startDate: addDays(M, -1),
        }),
      "BAD_REQUEST",
      /^Start date must be today or later, at most a year ahead\.$/,
    );
    expect((error.cause as AppError).details).toEqual({ field: "startDate" });
  });

  it.each([
    ["times_per_week 8", { type: "times_per_week", timesPerWeek: 8 }, null],
    ["every_n_days 1", { type: "every_n_days", everyNDays: 1 }, null],
    ["no weekday", { type: "days_of_week", daysOfWeek: [] }, null],
    ["weekday 8", { type: "days_of_week", daysOfWeek: [8] }, null],
    ["a weekday twice", { type: "days_of_week", daysOfWeek: [2, 2] }, null],
    ["an unknown schedule", { type: "hourly" }, null],
    ["a target of 0", { type: "daily" }, { value: 0, unit: "km", direction: "at_least" }],
    [
      "a target with 4 decimals",
      { type: "daily" },
      { value: 1.0005, unit: "km", direction: "at_least" },
    ],
    ["a target without unit", { type: "daily" }, { value: 5, unit: " ", direction: "at_least" }],
    ["an absurd target", { type: "daily" }, { value: 1e15, unit: "km", direction: "at_least" }],
    ["an unknown direction", { type: "daily" }, { value: 5, unit: "km", direction: "exactly" }],
  ])("refuses %s as a BAD_REQUEST with zod's issues", async (_what, schedule, target) => {
    const error = await expectRefused(
      h,
      () =>
        at("nora", M).habit.create({
          idempotencyKey: newKey(),
          title: "Bad habit",
          schedule: schedule as never,
          target: target as never,
        }),
      "BAD_REQUEST",
    );
    expect(error.cause).toBeInstanceOf(ZodError);
  });

  it("an edit is a version from the owner's today: same day replaces it, past days keep theirs", async () => {
    const habit = await at("nora", M).habit.create({
      idempotencyKey: newKey(),
      title: "Read",
      schedule: { type: "times_per_week", timesPerWeek: 3 },
    });
    // Same day: the first version is replaced, not added to.
    const sameDay = await at("nora", M, "18:00").habit.update({
      habitId: habit.id,
      schedule: { type: "times_per_week", timesPerWeek: 4 },
    });
    expect(sameDay.versions).toEqual([
      {
        effectiveFrom: M,
        schedule: { type: "times_per_week", timesPerWeek: 4 },
        target: null,
        durationMinutes: 0,
      },
    ]);
    // Days later: a second version; the first stays as it was.
    const later = await at("nora", addDays(M, 5)).habit.update({
      habitId: habit.id,
      target: { value: 20, unit: "pages", direction: "at_least" },
      durationMinutes: 25,
    });
    expect(later.versions.map((v) => v.effectiveFrom)).toEqual([M, addDays(M, 5)]);
    expect(later.versions[0]).toEqual(sameDay.versions[0]);
    expect(later.current).toMatchObject({
      effectiveFrom: addDays(M, 5),
      schedule: { type: "times_per_week", timesPerWeek: 4 },
      target: { value: 20, unit: "pages" },
      durationMinutes: 25,
    });
    // An edit that changes nothing scoring reads writes no version.
    const titleOnly = await at("nora", addDays(M, 6)).habit.update({
      habitId: habit.id,
      title: "Read books",
      durationMinutes: 25,
    });
    expect(titleOnly.title).toBe("Read books");
    expect(titleOnly.versions).toHaveLength(2);
    // Removing the target.
    const plain = await at("nora", addDays(M, 7)).habit.update({ habitId: habit.id, target: null });
    expect(plain.current.target).toBeNull();
    expect(plain.versions).toHaveLength(3);
  });

  it("concurrent edits on one day leave one version for that day", async () => {
    const habit = await at("nora", M).habit.create({
      idempotencyKey: newKey(),
      title: "Push-ups",
      schedule: { type: "daily" },
    });
    const later = at("nora", addDays(M, 2));
    await Promise.all(
      [10, 20, 30, 40].map((durationMinutes) =>
        later.habit.update({ habitId: habit.id, durationMinutes }),
      ),
    );
    const after = await later.habit.get({ habitId: habit.id });
    expect(after.versions.map((v) => v.effectiveFrom)).toEqual([M, addDays(M, 2)]);
  });

  it("a coach's edit is dated by the member's today, not the coach's", async () => {
    const habit = await at("kenji", M).habit.create({
      idempotencyKey: newKey(),
      title: "Water",
      schedule: { type: "daily" },
    });
    // 20:00 in Chicago on M+2 is already M+3 in Tokyo.
    const coachClock = clockAt(wallTime(ZONES.coach, addDays(M, 2), "20:00"));
    const updated = await h
      .as("coach", "demo", { clock: coachClock })
      .habit.update({ habitId: habit.id, durationMinutes: 5 });
    expect(updated.versions.map((v) => v.effectiveFrom)).toEqual([M, addDays(M, 3)]);
  });

  it("archive: from then on read-only, out of the default list", async () => {
    const nora = at("nora", M);
    const habit = await nora.habit.create({
      idempotencyKey: newKey(),
      title: "Old habit",
      schedule: { type: "daily" },
    });
    const archived = await at("nora", addDays(M, 1)).habit.archive({ habitId: habit.id });
    expect(archived.isArchived).toBe(true);
    expect(archived.archivedAt).toBe(wallTime(ZONES.nora, addDays(M, 1), "12:00").toISOString());
    await expectRefused(
      h,
      () => nora.habit.update({ habitId: habit.id, title: "Revived" }),
      "PRECONDITION_FAILED",
    );
    expect((await nora.habit.list()).items.some((x) => x.id === habit.id)).toBe(false);
    expect(
      (await nora.habit.list({ includeArchived: true })).items.some((x) => x.id === habit.id),
    ).toBe(true);
  });

  it("links only the same member's goals", async () => {
    const berndsGoal = await at("bernd", M).goal.create({
      idempotencyKey: newKey(),
      title: "Bernd's",
    });
    await expectRefused(
      h,
      () =>
        at("coach", M, "12:00", "nora").habit.create({
          idempotencyKey: newKey(),
          memberId: h.userIds.nora,
          title: "Linked wrongly",
          goalId: berndsGoal.id,
          schedule: { type: "daily" },
        }),
      "NOT_FOUND",
      /this member's goals/,
    );
  });
});

describe("tasks", () => {
  it("create, reschedule (a version from today), cancel and reopen", async () => {
    const nora = at("nora", M);
    const task = await nora.task.create({
      idempotencyKey: newKey(),
      title: "Book flights",
      priority: "high",
      plannedDate: addDays(M, 2),
      dueDate: addDays(M, 5),
      estimateMinutes: 45,
    });
    expect(task).toMatchObject({
      status: "todo",
      priority: "high",
      plannedDate: addDays(M, 2),
      dueDate: addDays(M, 5),
      scheduledDate: addDays(M, 2),
      estimateMinutes: 45,
      doneOn: null,
    });
    const moved = await at("nora", addDays(M, 3)).task.update({
      taskId: task.id,
      plannedDate: addDays(M, 4),
    });
    expect(moved.versions.map((v) => [v.effectiveFrom, v.plannedDate])).toEqual([
      [M, addDays(M, 2)],
      [addDays(M, 3), addDays(M, 4)],
    ]);
    const cancelled = await at("nora", addDays(M, 3)).task.update({
      taskId: task.id,
      status: "cancelled",
    });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.versions).toHaveLength(2); // same day: replaced
    const reopened = await at("nora", addDays(M, 3)).task.update({
      taskId: task.id,
      status: "todo",
    });
    expect(reopened.status).toBe("todo");
  });

  it("refuses dates in the past, a plan after its deadline, and done by edit", async () => {
    const nora = at("nora", M);
    await expectRefused(
      h,
      () =>
        nora.task.create({ idempotencyKey: newKey(), title: "Late", plannedDate: addDays(M, -1) }),
      "BAD_REQUEST",
      /in the past/,
    );
    await expectRefused(
      h,
      () =>
        nora.task.create({
          idempotencyKey: newKey(),
          title: "Odd",
          plannedDate: addDays(M, 4),
          dueDate: addDays(M, 2),
        }),
      "BAD_REQUEST",
      /after the due date/,
    );
    const task = await nora.task.create({ idempotencyKey: newKey(), title: "Fine" });
    await expectRefused(
      h,
      () => nora.task.update({ taskId: task.id, status: "done" as never }),
      "BAD_REQUEST",
    );
  });

  it("a done task cannot be cancelled until its check-in is undone", async () => {
    const nora = at("nora", M);
    const task = await nora.task.create({
      idempotencyKey: newKey(),
      title: "Call mum",
      plannedDate: M,
    });
    const done = await nora.log.checkIn({ idempotencyKey: newKey(), taskId: task.id });
    await expectRefused(
      h,
      () => nora.task.update({ taskId: task.id, status: "cancelled" }),
      "CONFLICT",
      /undo its check-in/,
    );
    await nora.log.undo({ idempotencyKey: newKey(), eventId: done.event.id });
    expect((await nora.task.update({ taskId: task.id, status: "cancelled" })).status).toBe(
      "cancelled",
    );
  });
});

describe("lists", () => {
  it("tasks: filters by status, priority, goal and scheduled-date range; pages in a stable order", async () => {
    const sam = at("sam", M);
    const goal = await sam.goal.create({ idempotencyKey: newKey(), title: "Move house" });
    const made: { id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await sam.task.create({
          idempotencyKey: newKey(),
          title: `Box ${i}`,
          priority: i % 2 === 0 ? "high" : "low",
          plannedDate: addDays(M, i),
          goalId: i < 3 ? goal.id : null,
        }),
      );
    }
    await sam.log.checkIn({ idempotencyKey: newKey(), taskId: made[0]!.id });
    const ids = (items: { id: string }[]) => items.map((t) => t.id);
    const mine = new Set(ids(made));
    const pick = (items: { id: string }[]) => ids(items).filter((id) => mine.has(id));

    expect(pick((await sam.task.list({ goalId: goal.id })).items)).toEqual(ids(made.slice(0, 3)));
    expect(pick((await sam.task.list({ status: ["done"] })).items)).toEqual([made[0]!.id]);
    expect(pick((await sam.task.list({ priority: ["high"], status: ["todo"] })).items)).toEqual(
      [2, 4, 6].map((i) => made[i]!.id),
    );
    expect(
      pick((await sam.task.list({ dateFrom: addDays(M, 2), dateTo: addDays(M, 4) })).items),
    ).toEqual([2, 3, 4].map((i) => made[i]!.id));
    await expectRefused(
      h,
      () => sam.task.list({ dateFrom: addDays(M, 4), dateTo: addDays(M, 2) }),
      "BAD_REQUEST",
    );

    // Pages of 2 in creation order: every task once, then nextCursor null.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await sam.task.list({ limit: 2, cursor });
      expect(result.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(result.items));
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(pick(seen.map((id) => ({ id })))).toEqual(ids(made));
    // Filtered pages too (the seeded tasks come first: they are older).
    const high = ids(
      await allPages(
        (cursor) => sam.task.list({ limit: 2, priority: ["high"], cursor }),
        (page) => expect(page.items.every((t) => t.priority === "high")).toBe(true),
      ),
    );
    expect(pick(high.map((id) => ({ id })))).toEqual([0, 2, 4, 6].map((i) => made[i]!.id));
  });

  it("tasks: the database's filters agree with the tasks as read, on the seeded history", async () => {
    const coach = h.as("coach");
    const all = (memberId: string, filter: object) =>
      allPages((cursor) => coach.task.list({ memberId, limit: 7, cursor, ...filter }));
    for (const memberId of [h.userIds.nora, h.userIds.kenji, h.userIds.bernd]) {
      const everything = await all(memberId, { includeArchived: true });
      expect(everything.length).toBeGreaterThan(0);
      const around = everything[0]!.versions.at(-1)!.effectiveFrom;
      const cases: [object, (t: (typeof everything)[number]) => boolean][] = [
        ...(["todo", "in_progress", "done", "cancelled"] as const).map(
          (status): [object, (t: (typeof everything)[number]) => boolean] => [
            { status: [status] },
            (t) => t.status === status && !t.isArchived,
          ],
        ),
        [{ priority: ["high", "low"] }, (t) => t.priority !== "medium" && !t.isArchived],
        [
          { includeArchived: true, dateFrom: addDays(around, -30), dateTo: addDays(around, 30) },
          (t) =>
            t.scheduledDate !== null &&
            t.scheduledDate >= addDays(around, -30) &&
            t.scheduledDate <= addDays(around, 30),
        ],
        [{ goalId: null }, (t) => t.goalId === null && !t.isArchived],
      ];
      for (const [filter, keep] of cases) {
        expect((await all(memberId, filter)).map((t) => t.id)).toEqual(
          everything.filter(keep).map((t) => t.id),
        );
      }
    }
  });

  it("habits: the database's filter agrees with the habits as read, on the seeded history", async () => {
    const coach = h.as("coach");
    const all = (memberId: string, filter: object) =>
      allPages((cursor) => coach.habit.list({ memberId, limit: 2, cursor, ...filter }));
    for (const memberId of [h.userIds.nora, h.userIds.kenji, h.userIds.bernd]) {
      const everything = await all(memberId, { includeArchived: true });
      expect(everything.length).toBeGreaterThan(0);
      for (const schedule of ["daily", "days_of_week", "times_per_week", "every_n_days"] as const) {
        expect((await all(memberId, { schedule: [schedule] })).map((x) => x.id)).toEqual(
          everything
            .filter((x) => x.current.schedule.type === schedule && !x.isArchived)
            .map((x) => x.id),
        );
      }
    }
  });

  it("habits: by schedule in force today and by goal, paged", async () => {
    const kenji = at("kenji", M);
    const goal = await kenji.goal.create({ idempotencyKey: newKey(), title: "Fitness" });
    const weekly = await kenji.habit.create({
      idempotencyKey: newKey(),
      title: "Gym",
      goalId: goal.id,
      schedule: { type: "times_per_week", timesPerWeek: 2 },
    });
    const daily = await kenji.habit.create({
      idempotencyKey: newKey(),
      title: "Walk",
      schedule: { type: "daily" },
    });
    const bySchedule = await kenji.habit.list({ schedule: ["times_per_week"] });
    expect(bySchedule.items.map((x) => x.id)).toContain(weekly.id);
    expect(bySchedule.items.map((x) => x.id)).not.toContain(daily.id);
    expect((await kenji.habit.list({ goalId: goal.id })).items.map((x) => x.id)).toEqual([
      weekly.id,
    ]);
    const withoutGoal = await kenji.habit.list({ goalId: null });
    expect(withoutGoal.items.map((x) => x.id)).toContain(daily.id);
    expect(withoutGoal.items.map((x) => x.id)).not.toContain(weekly.id);
    // The seeded habits and these two, one at a time.
    const all = (await kenji.habit.list({ limit: 100 })).items.map((x) => x.id);
    const paged = await allPages((cursor) => kenji.habit.list({ limit: 1, cursor }));
    expect(paged.map((x) => x.id)).toEqual(all);
  });
});

describe("whose plans", () => {
  it("a member may not create or edit another member's plans", async () => {
    const berndsHabit = await at("bernd", M).habit.create({
      idempotencyKey: newKey(),
      title: "Bernd's",
      schedule: { type: "daily" },
    });
    const nora = at("nora", M);
    await expectRefused(
      h,
      () =>
        nora.habit.create({
          idempotencyKey: newKey(),
          memberId: h.userIds.bernd,
          title: "For Bernd",
          schedule: { type: "daily" },
        }),
      "FORBIDDEN",
      /may not edit another member's plans/,
    );
    await expectRefused(
      h,
      () => nora.habit.update({ habitId: berndsHabit.id, title: "Mine now" }),
      "FORBIDDEN",
    );
    await expectRefused(h, () => nora.habit.archive({ habitId: berndsHabit.id }), "FORBIDDEN");
  });

  it("a coach plans for a member: the member owns it, the coach created it", async () => {
    const coach = at("coach", M, "12:00", "bernd");
    const task = await coach.task.create({
      idempotencyKey: newKey(),
      memberId: h.userIds.bernd,
      title: "Prepare the review",
    });
    expect(task).toMatchObject({ memberId: h.userIds.bernd, createdById: h.userIds.coach });
    const goal = await coach.goal.create({
      idempotencyKey: newKey(),
      memberId: h.userIds.bernd,
      title: "Promotion",
    });
    expect(goal.memberId).toBe(h.userIds.bernd);
    // Someone outside the workspace is no member here.
    await expectRefused(
      h,
      () => coach.task.create({ idempotencyKey: newKey(), memberId: h.userIds.priya, title: "No" }),
      "NOT_FOUND",
      /no such member/,
    );
  });

  it("reading another member's plans needs seeOthers (sharesProgress for members)", async () => {
    const berndsTask = await at("bernd", M).task.create({
      idempotencyKey: newKey(),
      title: "Bernd's",
    });
    const nora = at("nora", M);
    await expectRefused(
      h,
      () => nora.habit.list({ memberId: h.userIds.bernd }),
      "FORBIDDEN",
      /see other members' progress/,
    );
    await expectRefused(h, () => nora.task.get({ taskId: berndsTask.id }), "FORBIDDEN");
    await expectRefused(h, () => nora.goal.list({ memberId: h.userIds.bernd }), "FORBIDDEN");
    expect((await at("coach", M).task.get({ taskId: berndsTask.id })).id).toBe(berndsTask.id);
    await h.admin.workspace.update({
      where: { id: h.workspaceIds.demo },
      data: { sharesProgress: true },
    });
    try {
      expect((await nora.task.get({ taskId: berndsTask.id })).id).toBe(berndsTask.id);
      const list = await nora.task.list({ memberId: h.userIds.bernd });
      expect(list.items.every((t) => t.memberId === h.userIds.bernd)).toBe(true);
      // Sharing lets members look, not edit.
      await expectRefused(
        h,
        () => nora.task.update({ taskId: berndsTask.id, title: "Mine" }),
        "FORBIDDEN",
      );
    } finally {
      await h.admin.workspace.update({
        where: { id: h.workspaceIds.demo },
        data: { sharesProgress: false },
      });
    }
  });
});

describe("bad input is a BAD_REQUEST, never a 500", () => {
  const nora = () => at("nora", M);
  it.each([
    ["a NUL in a title", () => nora().goal.create({ idempotencyKey: newKey(), title: "a\u0000b" })],
    [
      "a NUL in a description",
      () => nora().goal.create({ idempotencyKey: newKey(), title: "ok", description: "\u0000" }),
    ],
    [
      "a NUL in a unit",
      () =>
        nora().habit.create({
          idempotencyKey: newKey(),
          title: "ok",
          schedule: { type: "daily" },
          target: { value: 1, unit: "k\u0000m", direction: "at_least" },
        }),
    ],
    [
      "a NUL in a note",
      () => nora().log.checkIn({ idempotencyKey: newKey(), habitId: "x", note: "\u0000" }),
    ],
    [
      "year 0000",
      () =>
        nora().goal.create({
          idempotencyKey: newKey(),
          title: "ok",
          targetDate: "0000-01-01" as never,
        }),
    ],
    ["a day of year 0000", () => nora().log.day({ localDate: "0000-01-01" as never })],
    [
      "February 30th",
      () =>
        nora().task.create({
          idempotencyKey: newKey(),
          title: "ok",
          dueDate: "2027-02-30" as never,
        }),
    ],
    ["a page of 0", () => nora().task.list({ limit: 0 })],
    ["a page of 1000", () => nora().habit.list({ limit: 1000 })],
    ["a string for an object", () => nora().habit.create("habit" as never)],
    ["nothing at all", () => nora().task.create(undefined as never)],
  ])("%s", async (_what, call) => {
    const error = await expectRefused(h, call, "BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
  });

  it("a cursor that names nothing is just a position", async () => {
    const page = await nora().task.list({ cursor: "zzzz" });
    expect(page).toEqual({ items: [], nextCursor: null });
  });
});
