/**
 * The day close against the real database (app role for the work, the audited bypass for the
 * listing), and its Inngest wiring through @inngest/test: the cron (fed the scheduled-timer event
 * itself, since the test engine ignores triggers) fans out one event per workspace, and the
 * per-workspace function closes that workspace's due days, idempotently.
 */
import { createPlanner } from "@atlas/ai";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase, type TestServer } from "@atlas/db/testing";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeWorkspaceDays, listWorkspaceIds } from "./day-close.ts";
import type { JobDeps, NotifyChannels } from "./deps.ts";
import { DAY_CLOSE_CRON } from "./events.ts";
import { createDayCloseFunctions } from "./functions/day-close.ts";
import { testNotifyChannels } from "./testing.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

let database: TestDatabase;
let admin: Db;
let app: Db;
let channels: NotifyChannels | undefined;
// One instant for the whole file (after the seed's): a rerun meets the same due days, even when a
// member's day ends between two runs. The notices a day close sends depend on its hour (whose day
// just began), so the notification channels are always the test ones, never the environment's.
const now = new Date();
const deps: JobDeps = {
  appDb: () => app,
  bypassDb: () => admin,
  clock: { now: () => new Date(now.getTime()) },
  planner: () => createPlanner({ provider: null, timeoutMs: 0 }),
  notify: () => (channels ??= testNotifyChannels(admin)),
};
let workspaceIds: Record<"demo" | "second", string>;

beforeAll(async () => {
  database = await cloneTestDatabase(inject("testServer"));
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  const rows = await admin.workspace.findMany({ select: { id: true, slug: true } });
  workspaceIds = {
    demo: rows.find((w) => w.slug === "demo")!.id,
    second: rows.find((w) => w.slug === "second")!.id,
  };
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("the day close's plain steps", () => {
  it("lists every workspace through the bypass client, and audits that use", async () => {
    const before = await admin.auditLog.count({ where: { action: "bypass.use" } });
    const ids = await listWorkspaceIds(deps);
    expect(ids.sort()).toEqual([workspaceIds.demo, workspaceIds.second].sort());
    const audits = await admin.auditLog.findMany({
      where: { action: "bypass.use" },
      orderBy: { createdAt: "desc" },
    });
    expect(audits).toHaveLength(before + 1);
    expect(audits[0]).toMatchObject({ targetType: "actor", targetId: "job:day-close" });
  });

  it("closes one workspace's due days as the app role, and only once", async () => {
    const first = await closeWorkspaceDays(deps, workspaceIds.second);
    expect(first.closedDays).toBeGreaterThan(0);
    const again = await closeWorkspaceDays(deps, workspaceIds.second);
    expect(again.closedDays).toBe(0);
    expect(await admin.memberDayScore.count({ where: { workspaceId: workspaceIds.demo } })).toBe(0);
  });
});

describe("the Inngest functions", () => {
  const { dayCloseCron, dayCloseWorkspace } = createDayCloseFunctions(deps);

  it("the cron fans out one atlas/day-close.requested event per workspace", async () => {
    const t = new InngestTestEngine({
      function: dayCloseCron,
      events: [{ name: "inngest/scheduled.timer", data: { cron: DAY_CLOSE_CRON } }],
      // Never send for real: the fan-out step answers as Inngest would.
      steps: [{ id: "fan-out-0", handler: () => ({ ids: ["e1", "e2"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ workspaces: 2 });
    const calls = (ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } }).mock.calls;
    expect(calls).toHaveLength(1);
    const [id, events] = calls[0] as [string, { name: string; data: { workspaceId: string } }[]];
    expect(id).toBe("fan-out-0");
    expect(events.map((e) => e.name)).toEqual([
      "atlas/day-close.requested",
      "atlas/day-close.requested",
    ]);
    expect(events.map((e) => e.data.workspaceId).sort()).toEqual(
      [workspaceIds.demo, workspaceIds.second].sort(),
    );
  });

  it("the per-workspace function closes that workspace's days, one run per workspace at a time", async () => {
    expect(dayCloseWorkspace.opts.concurrency).toEqual({
      key: "event.data.workspaceId",
      limit: 1,
    });
    const run = () =>
      new InngestTestEngine({
        function: dayCloseWorkspace,
        events: [{ name: "atlas/day-close.requested", data: { workspaceId: workspaceIds.demo } }],
        // Which AI checks and notices follow depends on the hour (whose day just began); their
        // sends answer as Inngest would, whichever happen.
        steps: ["ai-checks", "deliver"].map((id) => ({ id, handler: () => ({ ids: ["e1"] }) })),
      }).execute();
    const { result } = await run();
    expect(result).toMatchObject({ members: expect.any(Number), closedDays: expect.any(Number) });
    expect((result as { closedDays: number }).closedDays).toBeGreaterThan(0);
    // A redelivered event (or a retry) finds nothing left to close.
    const again = await run();
    expect((again.result as { closedDays: number }).closedDays).toBe(0);
  });
});
