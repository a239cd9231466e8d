/**
 * The execution log through the API (docs/domain.md "The execution log", "Time and local days"), on a seeded copy as
 * the application role, each call at a fixed instant. Every refusal is checked to leave the
 * log, the key table, the plans and the audit trail exactly as they were.
 */
import { addDays, isoWeekday, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Person } from "./testing/harness.ts";
import {
  clockAt,
  expectRefused,
  monthStartAhead,
  newKey,
  tableState,
  wallTime,
  ZONES,
} from "./testing/plans.ts";

let h: Harness;
/** Habits and tasks start on M (a month's first day); tests mostly stand on T = M + 14. */
let M: LocalDate;
let T: LocalDate;

type Zoned = Exclude<Person, "priya">;
/** A caller standing at `time` on `date` in `person`'s zone (or `zoneOf`'s, e.g. a coach for a member). */
const at = (person: Zoned, date: LocalDate, time = "12:00", zoneOf: Zoned = person) =>
  h.as(person, "demo", { clock: clockAt(wallTime(ZONES[zoneOf], date, time)) });

type ScheduleInput =
  | { type: "daily" }
  | { type: "days_of_week"; daysOfWeek: number[] }
  | { type: "times_per_week"; timesPerWeek: number }
  | { type: "every_n_days"; everyNDays: number };

/** A fresh habit of `person`, started on M. */
async function newHabit(
  person: Zoned,
  options: {
    schedule?: ScheduleInput;
    target?: { value: number; unit: string; direction: "at_least" | "at_most" };
    on?: LocalDate;
  } = {},
) {
  return at(person, options.on ?? M, "09:00").habit.create({
    idempotencyKey: newKey("habit"),
    title: `Habit of ${person}`,
    schedule: options.schedule ?? { type: "daily" },
    target: options.target ?? null,
  });
}

async function newTask(person: Zoned, plannedDate: LocalDate) {
  return at(person, M, "09:00").task.create({
    idempotencyKey: newKey("task"),
    title: `Task of ${person}`,
    plannedDate,
    priority: "high",
  });
}

const auditRows = () =>
  h.admin.auditLog.findMany({
    where: { action: "event.late_entry_override" },
    orderBy: { createdAt: "asc" },
  });

beforeAll(async () => {
  h = await createHarness();
  M = monthStartAhead();
  T = addDays(M, 14);
});
afterAll(async () => {
  await h?.close();
});

describe("where an entry comes from", () => {
  it("records the calling app as the source, never a fixed one", async () => {
    const habit = await newHabit("kenji");
    const fromWeb = await at("kenji", T).log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
    });
    expect(fromWeb.event.source).toBe("web");
    const fromAdmin = await h
      .as("coach", "demo", { clock: clockAt(wallTime(ZONES.kenji, T, "13:00")), source: "admin" })
      .log.undo({ idempotencyKey: newKey(), eventId: fromWeb.event.id });
    expect(fromAdmin.event.source).toBe("admin");
    const stored = await h.admin.executionEvent.findMany({
      where: { habitId: habit.id },
      select: { source: true },
      orderBy: { recordedAt: "asc" },
    });
    expect(stored.map((e) => e.source)).toEqual(["web", "admin"]);
  });
});

describe("which local day an entry belongs to", () => {
  it("bernd (Berlin, day starts 04:00) checking in at 01:30 belongs to the previous day", async () => {
    const habit = await newHabit("bernd");
    const early = await at("bernd", addDays(T, 1), "01:30").log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
    });
    expect(early.event.localDate).toBe(T);
    expect(early.day).toMatchObject({ localDate: T, state: "done", completion: 1 });
    // 04:30 is after his day start: the new day.
    const later = await at("bernd", addDays(T, 1), "04:30").log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
    });
    expect(later.event.localDate).toBe(addDays(T, 1));
    expect(later.event.occurredAt).toBe(
      wallTime(ZONES.bernd, addDays(T, 1), "04:30").toISOString(),
    );
  });

  it.each(["kenji", "sam"] as const)(
    "%s, in a far zone, just after local midnight: already the new local day (UTC is still yesterday)",
    async (person) => {
      const habit = await newHabit(person);
      const instant = wallTime(ZONES[person], T, "00:05");
      expect(instant.toISOString().slice(0, 10)).toBe(addDays(T, -1));
      const result = await h
        .as(person, "demo", { clock: clockAt(instant) })
        .log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
      expect(result.event.localDate).toBe(T);
    },
  );

  it("nora (New York) at 23:59 is still on her day while UTC has moved on", async () => {
    const habit = await newHabit("nora");
    const result = await at("nora", T, "23:59").log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
    });
    expect(wallTime(ZONES.nora, T, "23:59").toISOString().slice(0, 10)).toBe(addDays(T, 1));
    expect(result.event.localDate).toBe(T);
  });

  it("a client's occurredAt within 5 minutes decides the day: 23:58 sent at 00:02 is yesterday", async () => {
    const habit = await newHabit("nora");
    const occurredAt = wallTime(ZONES.nora, T, "23:58");
    const result = await at("nora", addDays(T, 1), "00:02").log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      occurredAt,
    });
    expect(result.event).toMatchObject({ localDate: T, occurredAt: occurredAt.toISOString() });
    // Non-JS clients send the instant as ISO text with an offset.
    const other = await newHabit("nora");
    const asText = await at("nora", addDays(T, 1), "00:02")
      .log.checkIn({
        idempotencyKey: newKey(),
        habitId: other.id,
        occurredAt: "2000-01-01T00:00:00+05:00",
      })
      .catch((e: { code: string }) => e.code);
    expect(asText).toBe("BAD_REQUEST");
    const inWindow = await at("nora", addDays(T, 1), "00:02").log.checkIn({
      idempotencyKey: newKey(),
      habitId: other.id,
      occurredAt: occurredAt.toISOString(),
    });
    expect(inWindow.event.localDate).toBe(T);
  });

  it.each([
    ["6 minutes early", -6],
    ["6 minutes ahead", 6],
  ])("an occurredAt %s of the server's now is refused", async (_what, minutes) => {
    const habit = await newHabit("nora");
    const now = wallTime(ZONES.nora, T, "12:00");
    await expectRefused(
      h,
      () =>
        at("nora", T).log.checkIn({
          idempotencyKey: newKey(),
          habitId: habit.id,
          occurredAt: new Date(now.getTime() + minutes * 60_000),
        }),
      "BAD_REQUEST",
      /within 5 minutes/,
    );
  });

  it("a future day is refused", async () => {
    const habit = await newHabit("nora");
    await expectRefused(
      h,
      () =>
        at("nora", T, "23:00").log.checkIn({
          idempotencyKey: newKey(),
          habitId: habit.id,
          localDate: addDays(T, 1),
        }),
      "BAD_REQUEST",
      /future/,
    );
  });

  it("a day before the habit existed is refused", async () => {
    const habit = await newHabit("nora", { on: addDays(T, -2) });
    await expectRefused(
      h,
      () =>
        at("nora", T).log.checkIn({
          idempotencyKey: newKey(),
          habitId: habit.id,
          localDate: addDays(T, -3),
        }),
      "BAD_REQUEST",
      /starts on/,
    );
  });
});

describe("late entries (window 7 days)", () => {
  it("exactly 7 days late is fine for the member, unaudited", async () => {
    const habit = await newHabit("nora");
    const audits = (await auditRows()).length;
    const result = await at("nora", T).log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: addDays(T, -7),
    });
    expect(result.event.localDate).toBe(addDays(T, -7));
    expect((await auditRows()).length).toBe(audits);
  });

  it("8 days late is refused for the member", async () => {
    const habit = await newHabit("nora");
    await expectRefused(
      h,
      () =>
        at("nora", T).log.checkIn({
          idempotencyKey: newKey(),
          habitId: habit.id,
          localDate: addDays(T, -8),
        }),
      "FORBIDDEN",
      /8 days ago, past this workspace's late-entry window of 7 days/,
    );
  });

  it("8 days late by the coach is recorded for the member and audited; so is undoing it", async () => {
    const habit = await newHabit("nora");
    const coach = at("coach", T, "12:00", "nora");
    const result = await coach.log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: addDays(T, -8),
      note: "From her paper log.",
    });
    expect(result.event).toMatchObject({
      memberId: h.userIds.nora,
      recordedById: h.userIds.coach,
      localDate: addDays(T, -8),
      kind: "done",
      note: "From her paper log.",
    });
    const audit = (await auditRows()).find((a) => a.targetId === result.event.id);
    expect(audit).toMatchObject({
      workspaceId: h.workspaceIds.demo,
      actorUserId: h.userIds.coach,
      targetType: "ExecutionEvent",
      metadata: { localDate: addDays(T, -8), daysLate: 8, windowDays: 7, memberId: h.userIds.nora },
    });

    // Undo obeys the same rules: the member may not, the coach may (audited again).
    await expectRefused(
      h,
      () => at("nora", T).log.undo({ idempotencyKey: newKey(), eventId: result.event.id }),
      "FORBIDDEN",
      /late-entry window/,
    );
    const undo = await coach.log.undo({ idempotencyKey: newKey(), eventId: result.event.id });
    expect(undo.event).toMatchObject({
      kind: "undo",
      localDate: addDays(T, -8),
      revertsId: result.event.id,
    });
    expect(undo.day.state).toBe("open");
    expect((await auditRows()).some((a) => a.targetId === undo.event.id)).toBe(true);
  });

  it("the window follows the workspace setting", async () => {
    const habit = await newHabit("nora");
    await h.admin.workspace.update({
      where: { id: h.workspaceIds.demo },
      data: { lateEntryWindowDays: 2 },
    });
    try {
      await expectRefused(
        h,
        () =>
          at("nora", T).log.checkIn({
            idempotencyKey: newKey(),
            habitId: habit.id,
            localDate: addDays(T, -3),
          }),
        "FORBIDDEN",
        /window of 2 days/,
      );
      await at("nora", T).log.checkIn({
        idempotencyKey: newKey(),
        habitId: habit.id,
        localDate: addDays(T, -2),
      });
    } finally {
      await h.admin.workspace.update({
        where: { id: h.workspaceIds.demo },
        data: { lateEntryWindowDays: 7 },
      });
    }
  });
});

describe("combining a day's entries", () => {
  it("at_least: values add up, the server derives partial then done, an undo takes its value back", async () => {
    const habit = await newHabit("nora", {
      target: { value: 20, unit: "pages", direction: "at_least" },
    });
    const nora = at("nora", T);
    const first = await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, value: 8 });
    expect(first.event).toMatchObject({ kind: "partial", value: 8 });
    expect(first.day).toMatchObject({ state: "partial", value: 8, completion: 0.4 });
    const second = await nora.log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      value: 12.5,
    });
    expect(second.event).toMatchObject({ kind: "done", value: 12.5 });
    expect(second.day).toMatchObject({ state: "done", value: 20.5, completion: 1 });
    expect(second.day.activeEventIds).toEqual([first.event.id, second.event.id]);
    const undo = await nora.log.undo({ idempotencyKey: newKey(), eventId: second.event.id });
    expect(undo.day).toMatchObject({
      state: "partial",
      value: 8,
      activeEventIds: [first.event.id],
    });
  });

  it("at_least without a value is a plain, full done; a second one that day is a conflict", async () => {
    const habit = await newHabit("nora", {
      target: { value: 20, unit: "pages", direction: "at_least" },
    });
    const nora = at("nora", T);
    const done = await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    expect(done.event).toMatchObject({ kind: "done", value: null });
    expect(done.day).toMatchObject({ state: "done", completion: 1 });
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id }),
      "CONFLICT",
      /already done/,
    );
  });

  it("at_most needs a value; over the limit the day is partial with the clamped completion", async () => {
    const habit = await newHabit("nora", {
      target: { value: 30, unit: "minutes", direction: "at_most" },
    });
    const nora = at("nora", T);
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id }),
      "BAD_REQUEST",
      /upper limit/,
    );
    const under = await nora.log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      value: 20,
    });
    expect(under.event.kind).toBe("done");
    const over = await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, value: 15 });
    expect(over.event.kind).toBe("partial");
    expect(over.day.state).toBe("partial");
    expect(over.day.value).toBe(35);
    expect(over.day.completion).toBeCloseTo(25 / 30, 10);
  });

  it("a habit without a target takes no value and is done once a day", async () => {
    const habit = await newHabit("nora");
    const nora = at("nora", T);
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, value: 3 }),
      "BAD_REQUEST",
      /no measurable target/,
    );
    await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id }),
      "CONFLICT",
      /already done/,
    );
  });

  it.each([
    ["negative", -1],
    ["more than 3 decimals", 1.2345],
    ["absurdly large", 1e12],
    ["not a number", "ten" as unknown as number],
    ["infinite", Infinity],
  ])("a %s value is a BAD_REQUEST", async (_what, value) => {
    const habit = await newHabit("nora", {
      target: { value: 10, unit: "km", direction: "at_least" },
    });
    await expectRefused(
      h,
      () => at("nora", T).log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, value }),
      "BAD_REQUEST",
    );
  });
});

describe("skips", () => {
  it("a skip is refused on a day with a check-in, and a check-in on a skipped day", async () => {
    const habit = await newHabit("nora");
    const nora = at("nora", T);
    await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    await expectRefused(
      h,
      () => nora.log.skip({ idempotencyKey: newKey(), habitId: habit.id }),
      "CONFLICT",
      /undo it before skipping/,
    );
    const yesterday = addDays(T, -1);
    const skip = await nora.log.skip({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: yesterday,
    });
    expect(skip.day).toMatchObject({ state: "skipped", completion: null });
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, localDate: yesterday }),
      "CONFLICT",
      /skipped/,
    );
    await nora.log.undo({ idempotencyKey: newKey(), eventId: skip.event.id });
    const done = await nora.log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: yesterday,
    });
    expect(done.day.state).toBe("done");
  });

  it("4 skips a month per habit (the plan's skipsPerMonth); the 5th is refused until one is undone", async () => {
    const habit = await newHabit("nora");
    const other = await newHabit("nora");
    const nora = at("nora", T);
    const skips = [];
    for (const offset of [8, 9, 10, 11]) {
      skips.push(
        await nora.log.skip({
          idempotencyKey: newKey(),
          habitId: habit.id,
          localDate: addDays(M, offset),
        }),
      );
    }
    await expectRefused(
      h,
      () =>
        nora.log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate: addDays(M, 12) }),
      "PAYMENT_REQUIRED",
      /All 4 skips of this habit for \d{4}-\d{2} are used: undo one to free it\.$/,
    );
    // Per habit: another habit has its own allowance.
    await nora.log.skip({ idempotencyKey: newKey(), habitId: other.id, localDate: addDays(M, 12) });
    // An undone skip frees its allowance.
    await nora.log.undo({ idempotencyKey: newKey(), eventId: skips[0]!.event.id });
    const fifth = await nora.log.skip({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: addDays(M, 12),
    });
    expect(fifth.event.kind).toBe("skip");
  });

  it("the allowance is counted per calendar month of the skipped day", async () => {
    const habit = await newHabit("nora", { on: addDays(M, -7) });
    const nora = at("nora", addDays(M, 2));
    for (const offset of [-4, -3, -2, -1]) {
      await nora.log.skip({
        idempotencyKey: newKey(),
        habitId: habit.id,
        localDate: addDays(M, offset),
      });
    }
    // The previous month is full; this month's first day is not.
    await expectRefused(
      h,
      () =>
        nora.log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate: addDays(M, -5) }),
      "PAYMENT_REQUIRED",
    );
    await nora.log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate: M });
  });

  it("decided: a skip on a day the habit is not due is refused; a check-in that day is allowed", async () => {
    // Mondays only: some day of the last week is not a Monday.
    const habit = await newHabit("nora", { schedule: { type: "days_of_week", daysOfWeek: [1] } });
    const offDay = [0, 1, 2].map((d) => addDays(T, -d)).find((d) => isoWeekday(d) !== 1)!;
    const nora = at("nora", T);
    await expectRefused(
      h,
      () => nora.log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate: offDay }),
      "PRECONDITION_FAILED",
      /not due/,
    );
    const extra = await nora.log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: offDay,
    });
    expect(extra.event.kind).toBe("done");
  });

  it("a times_per_week habit may be skipped on any day of its week", async () => {
    const habit = await newHabit("nora", { schedule: { type: "times_per_week", timesPerWeek: 3 } });
    const skip = await at("nora", T).log.skip({ idempotencyKey: newKey(), habitId: habit.id });
    expect(skip.event.kind).toBe("skip");
  });
});

describe("undo", () => {
  it("reverts one entry once; an undo is never a target", async () => {
    const habit = await newHabit("nora");
    const nora = at("nora", T);
    const done = await nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    const undo = await nora.log.undo({ idempotencyKey: newKey(), eventId: done.event.id });
    expect(undo.event).toMatchObject({
      kind: "undo",
      habitId: habit.id,
      localDate: T,
      revertsId: done.event.id,
      value: null,
    });
    await expectRefused(
      h,
      () => nora.log.undo({ idempotencyKey: newKey(), eventId: done.event.id }),
      "CONFLICT",
      /already been undone/,
    );
    await expectRefused(
      h,
      () => nora.log.undo({ idempotencyKey: newKey(), eventId: undo.event.id }),
      "CONFLICT",
      /An undo cannot be undone/,
    );
    await expectRefused(
      h,
      () =>
        nora.log.undo({
          idempotencyKey: newKey(),
          eventId: "0190f0f0-0000-7000-8000-000000000000",
        }),
      "NOT_FOUND",
    );
  });

  it("by the event's member or a coach, not by another member", async () => {
    const habit = await newHabit("bernd");
    const done = await at("bernd", T).log.checkIn({ idempotencyKey: newKey(), habitId: habit.id });
    await expectRefused(
      h,
      () => at("nora", T).log.undo({ idempotencyKey: newKey(), eventId: done.event.id }),
      "FORBIDDEN",
    );
    const undo = await at("coach", T, "12:00", "bernd").log.undo({
      idempotencyKey: newKey(),
      eventId: done.event.id,
    });
    expect(undo.event).toMatchObject({ memberId: h.userIds.bernd, recordedById: h.userIds.coach });
  });
});

describe("tasks", () => {
  it("a check-in marks it done once; a second is a conflict unless the first was undone", async () => {
    const task = await newTask("nora", T);
    const nora = at("nora", T);
    const done = await nora.log.checkIn({ idempotencyKey: newKey(), taskId: task.id });
    expect(done.event).toMatchObject({ kind: "done", taskId: task.id, habitId: null });
    expect(done.day).toMatchObject({ state: "done", completion: 1 });
    expect(await nora.task.get({ taskId: task.id })).toMatchObject({ status: "done", doneOn: T });
    await expectRefused(
      h,
      () =>
        nora.log.checkIn({ idempotencyKey: newKey(), taskId: task.id, localDate: addDays(T, -1) }),
      "CONFLICT",
      /already done/,
    );
    await nora.log.undo({ idempotencyKey: newKey(), eventId: done.event.id });
    expect(await nora.task.get({ taskId: task.id })).toMatchObject({
      status: "todo",
      doneOn: null,
    });
    await nora.log.checkIn({ idempotencyKey: newKey(), taskId: task.id });
    expect((await nora.task.get({ taskId: task.id })).status).toBe("done");
  });

  it("takes no value and no skip; a cancelled task takes no check-in", async () => {
    const task = await newTask("nora", T);
    const nora = at("nora", T);
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), taskId: task.id, value: 1 }),
      "BAD_REQUEST",
    );
    await expectRefused(
      h,
      () => nora.log.skip({ idempotencyKey: newKey(), habitId: task.id }),
      "NOT_FOUND",
    );
    await nora.task.update({ taskId: task.id, status: "cancelled" });
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), taskId: task.id }),
      "PRECONDITION_FAILED",
      /cancelled/,
    );
  });

  it("naming both a habit and a task, or neither, is a BAD_REQUEST", async () => {
    const habit = await newHabit("nora");
    const task = await newTask("nora", T);
    const nora = at("nora", T);
    await expectRefused(
      h,
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id, taskId: task.id }),
      "BAD_REQUEST",
    );
    await expectRefused(h, () => nora.log.checkIn({ idempotencyKey: newKey() }), "BAD_REQUEST");
  });
});

describe("whose log", () => {
  it("a member may not record for another member; a coach may", async () => {
    const habit = await newHabit("bernd");
    await expectRefused(
      h,
      () => at("nora", T).log.checkIn({ idempotencyKey: newKey(), habitId: habit.id }),
      "FORBIDDEN",
      /may not edit another member's plans/,
    );
    const byCoach = await at("coach", T, "12:00", "bernd").log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
    });
    expect(byCoach.event).toMatchObject({
      memberId: h.userIds.bernd,
      recordedById: h.userIds.coach,
      localDate: T,
    });
  });

  it("another workspace's habit is not found (never revealed)", async () => {
    const samsSecond = await h.admin.habit.findFirstOrThrow({
      where: { workspaceId: h.workspaceIds.second },
    });
    for (const person of ["nora", "owner", "sam"] as const) {
      await expectRefused(
        h,
        () => at(person, T).log.checkIn({ idempotencyKey: newKey(), habitId: samsSecond.id }),
        "NOT_FOUND",
        /There is no such habit/,
      );
    }
  });

  it("an archived habit takes no entries, late or undo included", async () => {
    const habit = await newHabit("nora");
    const nora = at("nora", T);
    const done = await nora.log.checkIn({
      idempotencyKey: newKey(),
      habitId: habit.id,
      localDate: addDays(T, -1),
    });
    await nora.habit.archive({ habitId: habit.id });
    for (const call of [
      () => nora.log.checkIn({ idempotencyKey: newKey(), habitId: habit.id }),
      () => nora.log.skip({ idempotencyKey: newKey(), habitId: habit.id }),
      () => nora.log.undo({ idempotencyKey: newKey(), eventId: done.event.id }),
    ]) {
      await expectRefused(h, call, "PRECONDITION_FAILED", /archived/);
    }
  });
});

describe("log.day", () => {
  it("lists the day's events (undos and reverted entries included) and each item's combined state", async () => {
    // Kenji gets a clean set of items for this.
    const daily = await newHabit("kenji", {
      target: { value: 2, unit: "litres", direction: "at_least" },
    });
    const weekly = await newHabit("kenji", {
      schedule: { type: "times_per_week", timesPerWeek: 2 },
    });
    const offDays = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== isoWeekday(T));
    const notToday = await newHabit("kenji", {
      schedule: { type: "days_of_week", daysOfWeek: offDays },
    });
    const task = await newTask("kenji", T);
    const kenji = at("kenji", T, "20:00");
    const one = await kenji.log.checkIn({ idempotencyKey: newKey(), habitId: daily.id, value: 1 });
    const wrong = await kenji.log.checkIn({
      idempotencyKey: newKey(),
      habitId: daily.id,
      value: 5,
    });
    await kenji.log.undo({ idempotencyKey: newKey(), eventId: wrong.event.id });
    await kenji.log.checkIn({ idempotencyKey: newKey(), taskId: task.id });

    const day = await kenji.log.day();
    expect(day).toMatchObject({ memberId: h.userIds.kenji, localDate: T, today: T });
    const mine = new Set([daily.id, weekly.id, notToday.id, task.id]);
    const events = day.events.filter((e) => mine.has(e.habitId ?? e.taskId ?? ""));
    expect(events.map((e) => [e.kind, e.isReverted])).toEqual([
      ["partial", false],
      ["done", true],
      ["undo", false],
      ["done", false],
    ]);
    const byId = new Map(day.items.map((i) => [i.habitId ?? i.taskId, i]));
    expect(byId.get(daily.id)).toMatchObject({
      type: "habit",
      isDue: true,
      state: "partial",
      value: 1,
      completion: 0.5,
      activeEventIds: [one.event.id],
      target: { value: 2, unit: "litres", direction: "at_least" },
    });
    expect(byId.get(weekly.id)).toMatchObject({ isDue: false, isShown: true, state: "open" });
    expect(byId.has(notToday.id)).toBe(false);
    expect(byId.get(task.id)).toMatchObject({ type: "task", isDue: true, state: "done" });

    // Another day, named explicitly: nothing logged.
    const yesterday = await kenji.log.day({ localDate: addDays(T, -1) });
    expect(yesterday.events.filter((e) => mine.has(e.habitId ?? e.taskId ?? ""))).toEqual([]);
    expect(yesterday.items.find((i) => i.habitId === daily.id)?.state).toBe("open");
  });

  it("another member's day needs seeOthers: a coach, or everyone once the workspace shares progress", async () => {
    const before = await tableState(h);
    await expectRefused(
      h,
      () => at("nora", T).log.day({ memberId: h.userIds.bernd }),
      "FORBIDDEN",
      /see other members' progress/,
    );
    const byCoach = await at("coach", T, "12:00", "bernd").log.day({ memberId: h.userIds.bernd });
    expect(byCoach.memberId).toBe(h.userIds.bernd);
    await h.admin.workspace.update({
      where: { id: h.workspaceIds.demo },
      data: { sharesProgress: true },
    });
    try {
      expect((await at("nora", T).log.day({ memberId: h.userIds.bernd })).memberId).toBe(
        h.userIds.bernd,
      );
    } finally {
      await h.admin.workspace.update({
        where: { id: h.workspaceIds.demo },
        data: { sharesProgress: false },
      });
    }
    expect(await tableState(h)).toEqual(before);
  });
});
