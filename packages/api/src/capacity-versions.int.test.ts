/**
 * Capacity is versioned like a plan: an edit takes effect from the member's local today, past
 * days keep the capacity they were computed with, and a full recompute equals what was stored.
 */
import { recomputeMember } from "@atlas/core/services/derived/derived";
import { createTenantDb } from "@atlas/db";
import { addDays } from "@atlas/time";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";
import { clockAt, monthStartAhead, wallTime, ZONES } from "./testing/plans.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const WEEK = {
  monMinutes: 100,
  tueMinutes: 100,
  wedMinutes: 100,
  thuMinutes: 100,
  friMinutes: 100,
  satMinutes: 100,
  sunMinutes: 100,
};

it("an edit changes today on; past days keep theirs, also after a full recompute", async () => {
  const today = monthStartAhead();
  const now = wallTime(ZONES.nora, today, "12:00");
  const workspaceId = h.workspaceIds.demo;
  const memberId = h.userIds.nora;
  const scope = { workspaceId, memberId, now };
  const db = createTenantDb(h.app, { workspaceId, userId: null });
  await recomputeMember(db, scope);

  const rows = async () =>
    Object.fromEntries(
      (
        await h.admin.memberDayScore.findMany({
          where: { workspaceId, memberId, localDate: { gte: new Date(`${addDays(today, -8)}`) } },
          select: { localDate: true, capacityMinutes: true },
        })
      ).map((r) => [r.localDate.toISOString().slice(0, 10), r.capacityMinutes]),
    );
  const before = await rows();
  // The seeded default: 360 on weekdays, 0 at the weekend.
  expect(Object.values(before).some((minutes) => minutes === 360)).toBe(true);

  const nora = h.as("nora", "demo", { clock: clockAt(now) });
  await nora.membership.capacity.update({ ...WEEK, monMinutes: 200 });
  const second = await nora.membership.capacity.update(WEEK); // same day: replaces the first
  expect(second).toEqual(WEEK);

  const after = await rows();
  const expected = { ...before, [today]: 100 };
  expect(after).toEqual(expected);

  await recomputeMember(db, scope);
  expect(await rows()).toEqual(expected);

  const versions = await h.admin.capacityVersion.findMany({
    where: { workspaceId, memberId },
    orderBy: { effectiveFrom: "asc" },
  });
  expect(versions).toHaveLength(2);
  expect(versions[0]!.capacityMonMinutes).toBe(360);
  expect(versions[1]!.effectiveFrom.toISOString().slice(0, 10)).toBe(today);
  expect(versions[1]!.capacityMonMinutes).toBe(100);
  expect(await nora.membership.capacity.get()).toEqual(WEEK);
});
