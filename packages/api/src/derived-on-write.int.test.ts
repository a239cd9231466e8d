/**
 * Derived values stay current on every write: a check-in or an undo refreshes the member's day
 * score and the habit's day value inside the write's own transaction.
 */
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
