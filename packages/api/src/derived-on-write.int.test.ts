/**
 * Derived values stay current on every write: a check-in or an undo refreshes the member's day
 * score and the habit's day value inside the write's own transaction.
 */
import { closeDueDays, recomputeMember } from "@atlas/core/services/derived/derived";
import { createTenantDb } from "@atlas/db";
import { addDays, isoWeekday, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";
import { clockAt, monthStartAhead, newKey, wallTime, ZONES } from "./testing/plans.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

it("refreshes the habit's day value and the member's day score on check-in and undo", async () => {
  const day = monthStartAhead();
  const nora = h.as("nora", "demo", { clock: clockAt(wallTime(ZONES.nora, day, "12:00")) });
  const habit = await nora.habit.create({
    idempotencyKey: newKey("habit"),
    title: "Stretch",
    schedule: { type: "daily" },
    target: null,
  });
  const valueOn = () =>
    h.admin.habitDayValue.findUnique({
      where: {
        workspaceId_habitId_localDate: {
          workspaceId: h.workspaceIds.demo,
          habitId: habit.id,
          localDate: new Date(`${day}T00:00:00Z`),
        },
      },
    });
  const scoreOn = () =>
    h.admin.memberDayScore.findUnique({
      where: {
        workspaceId_memberId_localDate: {
          workspaceId: h.workspaceIds.demo,
          memberId: h.userIds.nora,
          localDate: new Date(`${day}T00:00:00Z`),
        },
      },
    });

  expect((await valueOn())?.completion ?? null).toBeNull();
  const { event } = await nora.log.checkIn({ idempotencyKey: newKey("in"), habitId: habit.id });
  expect(Number((await valueOn())!.completion)).toBe(1);
  const afterCheckIn = await scoreOn();
  expect(afterCheckIn!.doneCount).toBeGreaterThanOrEqual(1);

  await nora.log.undo({ idempotencyKey: newKey("undo"), eventId: event.id });
  expect((await valueOn())!.completion).toBeNull();
  expect((await scoreOn())!.doneCount).toBe(afterCheckIn!.doneCount - 1);
});

it("archiving a times_per_week habit finishes its week yesterday, as a full recompute does", async () => {
  const start = monthStartAhead();
  const monday = addDays(start, (8 - isoWeekday(start)) % 7);
  const saturday = addDays(monday, 5);
  const workspaceId = h.workspaceIds.demo;
  const memberId = h.userIds.nora;
  const at = (date: LocalDate) => clockAt(wallTime(ZONES.nora, date, "12:00"));
  const habit = await h.as("nora", "demo", { clock: at(monday) }).habit.create({
    idempotencyKey: newKey("habit"),
    title: "Swim",
    schedule: { type: "times_per_week", timesPerWeek: 2 },
    target: null,
  });
  for (const date of [monday, addDays(monday, 2)]) {
    await h.as("nora", "demo", { clock: at(date) }).log.checkIn({
      idempotencyKey: newKey("in"),
      habitId: habit.id,
    });
  }
  const db = createTenantDb(h.app, { workspaceId, userId: null });
  const now = at(saturday).now();
  await closeDueDays(db, { workspaceId, now }); // Friday is closed while the week is open
  const friday = () =>
    h.admin.habitDayValue.findUniqueOrThrow({
      where: {
        workspaceId_habitId_localDate: {
          workspaceId,
          habitId: habit.id,
          localDate: new Date(`${addDays(saturday, -1)}T00:00:00Z`),
        },
      },
      select: { state: true, streak: true, strength: true },
    });
  expect((await friday()).state).toBe("pending");

  await h.as("nora", "demo", { clock: at(saturday) }).habit.archive({ habitId: habit.id });
  const archived = await friday();
  expect(archived.state).toBe("met");
  await recomputeMember(db, { workspaceId, memberId, now });
  expect(await friday()).toEqual(archived);
});
