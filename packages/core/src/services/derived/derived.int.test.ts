/**
 * The derived-data services on the seeded database, as the application role: closing every due
 * day stores exactly what one pure full run of the engine gives; closing is idempotent and
 * catches up after a stopped scheduler; a refresh writes today "as of now"; tenants stay apart.
 */
import { createPrismaClient, createTenantDb, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { addDays, diffDays, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDay, closeDueDays, recomputeMember, refreshDerived } from "./derived.ts";
import { expectedRows, storedRows } from "./testing/expected.ts";

const DAY_MS = 86_400_000;

let database: TestDatabase;
let admin: Db;
let app: Db;
let demoId: string;
let secondId: string;
let demoMembers: string[];

const tenant = (workspaceId: string) => createTenantDb(app, { workspaceId, userId: null });
const days = (from: LocalDate, to: LocalDate) =>
  Array.from({ length: diffDays(to, from) + 1 }, (_, i) => addDays(from, i));

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  demoMembers = (
    await admin.membership.findMany({ where: { workspaceId: demoId }, orderBy: { userId: "asc" } })
  ).map((m) => m.userId);
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("closeDueDays on the seeded workspace", () => {
  const now = new Date();

  it("closes every day before each member's today, equal to one full run", async () => {
    expect(await admin.memberDayScore.count()).toBe(0);
    const result = await closeDueDays(tenant(demoId), { workspaceId: demoId, now });
    expect(result.members).toBe(demoMembers.length);
    expect(result.membersClosed).toBe(demoMembers.length);

    let closedDays = 0;
    let scoredDays = 0;
    for (const memberId of demoMembers) {
      const scope = { workspaceId: demoId, memberId };
      const expected = await expectedRows(tenant(demoId), scope, now, (today) =>
        addDays(today, -1),
      );
      const stored = await storedRows(tenant(demoId), scope);
      expect(stored.memberDays).toEqual(expected.memberDays);
      expect(stored.habitDays).toEqual(expected.habitDays);
      // Days with nothing logged are closed too: every day from the first one to yesterday.
      expect(stored.closed).toEqual(days(expected.firstDay, addDays(expected.today, -1)));
      closedDays += stored.closed.length;
      scoredDays += stored.memberDays.filter((d) => d.score !== null).length;
    }
    expect(result.closedDays).toBe(closedDays);
    // Four seeded members have 60 days of plans and log: most of their days are scored.
    expect(scoredDays).toBeGreaterThan(4 * 40);
    expect(await admin.habitDayValue.count({ where: { workspaceId: demoId } })).toBeGreaterThan(0);
  });

  it("is idempotent: a second run closes nothing and changes nothing", async () => {
    const before = await admin.memberDayScore.findMany({
      where: { workspaceId: demoId },
      orderBy: [{ memberId: "asc" }, { localDate: "asc" }],
    });
    const result = await closeDueDays(tenant(demoId), { workspaceId: demoId, now });
    expect(result).toEqual({ members: demoMembers.length, membersClosed: 0, closedDays: 0 });
    const after = await admin.memberDayScore.findMany({
      where: { workspaceId: demoId },
      orderBy: [{ memberId: "asc" }, { localDate: "asc" }],
    });
    expect(after).toEqual(before);
  });

  it("catches up after a stopped scheduler, days with nothing logged included", async () => {
    const later = new Date(now.getTime() + 3 * DAY_MS);
    const result = await closeDueDays(tenant(demoId), { workspaceId: demoId, now: later });
    expect(result.closedDays).toBe(3 * demoMembers.length);
    for (const memberId of demoMembers) {
      const scope = { workspaceId: demoId, memberId };
      const expected = await expectedRows(tenant(demoId), scope, later, (today) =>
        addDays(today, -1),
      );
      const stored = await storedRows(tenant(demoId), scope);
      expect(stored.memberDays).toEqual(expected.memberDays);
      expect(stored.habitDays).toEqual(expected.habitDays);
      expect(stored.closed).toEqual(days(expected.firstDay, addDays(expected.today, -1)));
    }
  });

  it("leaves the other workspace alone (and cannot reach it from the wrong tenant)", async () => {
    expect(await admin.memberDayScore.count({ where: { workspaceId: secondId } })).toBe(0);
    // Bound to demo but asked for second: row-level security shows no member to close.
    const crossed = await closeDueDays(tenant(demoId), { workspaceId: secondId, now });
    expect(crossed).toEqual({ members: 0, membersClosed: 0, closedDays: 0 });
    const own = await closeDueDays(tenant(secondId), { workspaceId: secondId, now });
    expect(own.membersClosed).toBeGreaterThan(0);
    const demoRows = await admin.memberDayScore.count({ where: { workspaceId: demoId } });
    expect(demoRows).toBeGreaterThan(0);
  });
});

describe("refreshDerived and closeDay", () => {
  const now = new Date(Date.now() + 3 * 86_400_000);

  it("writes today as of now, equal to the full run, without closing it", async () => {
    const memberId = demoMembers[0]!;
    const scope = { workspaceId: demoId, memberId };
    const expected = await expectedRows(tenant(demoId), scope, now);
    const write = await tenant(demoId).$transaction((tx) =>
      refreshDerived(tx, { ...scope, fromDate: expected.today, now }),
    );
    expect(write?.to).toBe(expected.today);
    const stored = await storedRows(tenant(demoId), scope);
    expect(stored.memberDays).toEqual(expected.memberDays);
    expect(stored.habitDays).toEqual(expected.habitDays);
    expect(stored.closed).not.toContain(expected.today);
  });

  it("refuses to close a day that has not ended, and closes a day only once", async () => {
    const memberId = demoMembers[1]!;
    const scope = { workspaceId: demoId, memberId };
    const { today } = await expectedRows(tenant(demoId), scope, now);
    expect((await closeDay(tenant(demoId), { ...scope, localDate: today, now })).status).toBe(
      "not_ended",
    );
    const yesterday = addDays(today, -1);
    expect((await closeDay(tenant(demoId), { ...scope, localDate: yesterday, now })).status).toBe(
      "already_closed",
    );

    // Reopen a day by hand (admin), then close it again: values recomputed, closedAt set once.
    await admin.memberDayScore.update({
      where: {
        workspaceId_memberId_localDate: { ...scope, localDate: new Date(`${yesterday}T00:00:00Z`) },
      },
      data: { closedAt: null, score: null, scoreNumerator: null, scoreDenominator: null },
    });
    expect((await closeDay(tenant(demoId), { ...scope, localDate: yesterday, now })).status).toBe(
      "closed",
    );
    const expected = await expectedRows(tenant(demoId), scope, now, (t) => addDays(t, -1));
    const stored = await storedRows(tenant(demoId), scope);
    expect(stored.memberDays).toEqual(expected.memberDays);
  });

  it("recomputeMember rewrites a damaged range back to the full run", async () => {
    const memberId = demoMembers[2]!;
    const scope = { workspaceId: demoId, memberId };
    const { today, firstDay } = await expectedRows(tenant(demoId), scope, now);
    await admin.habitDayValue.updateMany({
      where: { workspaceId: demoId, memberId },
      data: { streak: 999 },
    });
    await admin.memberDeriveCheckpoint.deleteMany({ where: { workspaceId: demoId, memberId } });
    const write = await recomputeMember(tenant(demoId), { ...scope, now, to: addDays(today, -1) });
    expect(write?.from).toBe(firstDay);
    const expected = await expectedRows(tenant(demoId), scope, now, (t) => addDays(t, -1));
    const stored = await storedRows(tenant(demoId), scope);
    expect(stored.memberDays).toEqual(expected.memberDays);
    expect(stored.habitDays).toEqual(expected.habitDays);
    // Checkpoints were rebuilt: yesterday's, and the recent Sundays'.
    const checkpoints = await admin.memberDeriveCheckpoint.findMany({
      where: { workspaceId: demoId, memberId },
      orderBy: { localDate: "desc" },
    });
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(checkpoints[0]!.localDate.toISOString().slice(0, 10)).toBe(addDays(today, -1));
  });
});
