/**
 * The weekly summary's job against the real database (app role for the work, the audited bypass
 * for the listing), and its Inngest wiring through @inngest/test. The clock stands on this ISO
 * week's Monday: at 03:00 UTC only Sydney's Monday morning has come (Berlin's 06:00 has not), at
 * 10:00 UTC both have.
 */
import { snapshotOf } from "@atlas/core";
import { createPlanner } from "@atlas/ai";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase, type TestServer } from "@atlas/db/testing";
import { addDays, dayKey, isoWeekStart, type Clock } from "@atlas/time";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { JobDeps } from "./deps.ts";
import { WEEK_SUMMARY_CRON } from "./events.ts";
import { createWeekSummaryFunctions } from "./functions/week-summary.ts";
import { closeAndSummariseWeek, listDueWeekSummaries } from "./week-summary.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

const monday = isoWeekStart(dayKey(new Date(), "UTC", 0));
const lastWeek = addDays(monday, -7);
const at = (hourUtc: number): Clock => ({
  now: () => new Date(`${monday}T${String(hourUtc).padStart(2, "0")}:00:00.000Z`),
});

let database: TestDatabase;
let admin: Db;
let app: Db;
let ids: Record<"demo" | "second", string>;
const depsAt = (clock: Clock): JobDeps => ({
  appDb: () => app,
  bypassDb: () => admin,
  clock,
  planner: () => createPlanner({ provider: null, timeoutMs: 0 }),
});

beforeAll(async () => {
  database = await cloneTestDatabase(inject("testServer"));
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  const rows = await admin.workspace.findMany({ select: { id: true, slug: true } });
  ids = {
    demo: rows.find((w) => w.slug === "demo")!.id,
    second: rows.find((w) => w.slug === "second")!.id,
  };
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("the weekly summary's plain steps", () => {
  it("lists the workspaces whose Monday morning has come, through the audited bypass", async () => {
    const before = await admin.auditLog.count({ where: { targetId: "job:week-summary" } });
    expect(await listDueWeekSummaries(depsAt(at(3)))).toEqual([
      { workspaceId: ids.second, weekStart: lastWeek },
    ]);
    expect(await admin.auditLog.count({ where: { targetId: "job:week-summary" } })).toBe(
      before + 1,
    );
    const later = await listDueWeekSummaries(depsAt(at(10)));
    expect(later.map((r) => r.workspaceId).sort()).toEqual([ids.demo, ids.second].sort());
  });

  it("lists no workspace whose plan lacks the coach console", async () => {
    const { entitlements } = await admin.workspace.findUniqueOrThrow({ where: { id: ids.second } });
    await admin.workspace.update({
      where: { id: ids.second },
      data: { entitlements: snapshotOf("team") as object },
    });
    try {
      expect((await listDueWeekSummaries(depsAt(at(10)))).map((r) => r.workspaceId)).toEqual([
        ids.demo,
      ]);
    } finally {
      await admin.workspace.update({
        where: { id: ids.second },
        data: { entitlements: entitlements ?? {} },
      });
    }
  });

  it("closes the due days, stores the week once, and then lists it no more", async () => {
    const deps = depsAt(at(10));
    const first = await closeAndSummariseWeek(deps, {
      workspaceId: ids.second,
      weekStart: lastWeek,
    });
    expect(first).toEqual({ weekStart: lastWeek, members: expect.any(Number) });
    expect(first.members).toBeGreaterThan(0);
    // The days were closed first: the summarised Sunday is a closed row.
    expect(
      await admin.memberDayScore.count({
        where: { workspaceId: ids.second, localDate: new Date(`${addDays(lastWeek, 6)}T00:00Z`) },
      }),
    ).toBeGreaterThan(0);
    await closeAndSummariseWeek(deps, { workspaceId: ids.second, weekStart: lastWeek });
    const rows = await admin.workspaceWeekSummary.findMany({ where: { workspaceId: ids.second } });
    expect(rows.map((r) => r.weekStart.toISOString().slice(0, 10))).toEqual([lastWeek]);
    expect(rows[0]!.summary).toMatchObject({ weekStart: lastWeek, schemaVersion: 1 });
    expect((await listDueWeekSummaries(deps)).map((r) => r.workspaceId)).toEqual([ids.demo]);
  });
});

describe("the Inngest functions", () => {
  const { weekSummaryCron, weekSummaryWorkspace } = createWeekSummaryFunctions(depsAt(at(10)));

  it("the cron fans out one atlas/week-summary.requested event per due workspace", async () => {
    const t = new InngestTestEngine({
      function: weekSummaryCron,
      events: [{ name: "inngest/scheduled.timer", data: { cron: WEEK_SUMMARY_CRON } }],
      // Never send for real: the fan-out step answers as Inngest would.
      steps: [{ id: "fan-out-0", handler: () => ({ ids: ["e1"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ workspaces: 1 });
    const calls = (ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } }).mock.calls;
    expect(calls).toHaveLength(1);
    const [, events] = calls[0] as [string, { name: string; data: unknown }[]];
    expect(events).toEqual([
      expect.objectContaining({
        name: "atlas/week-summary.requested",
        data: { workspaceId: ids.demo, weekStart: lastWeek },
      }),
    ]);
  });

  it("the per-workspace function closes, then upserts, one run per workspace at a time", async () => {
    expect(weekSummaryWorkspace.opts.concurrency).toEqual({
      key: "event.data.workspaceId",
      limit: 1,
    });
    const run = () =>
      new InngestTestEngine({
        function: weekSummaryWorkspace,
        events: [
          {
            name: "atlas/week-summary.requested",
            data: { workspaceId: ids.demo, weekStart: lastWeek },
          },
        ],
      }).execute();
    const { result } = await run();
    expect(result).toMatchObject({ weekStart: lastWeek, members: expect.any(Number) });
    // A redelivered event (or a retry) replaces the same row.
    await run();
    expect(await admin.workspaceWeekSummary.count({ where: { workspaceId: ids.demo } })).toBe(1);
  });
});
