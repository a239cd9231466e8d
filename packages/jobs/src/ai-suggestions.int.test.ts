/**
 * The scheduled AI suggestions against the real database (app role; the audited bypass only to
 * list workspaces) and their Inngest wiring through @inngest/test, on the local planner. Nora (New
 * York) uses suggestions (she decided one); the other seeded members never asked for any, so the
 * jobs suggest nothing to them. The clock stands on the next Monday in New York.
 */
import { createPlanner } from "@atlas/ai";
import type { EntitlementSnapshot } from "@atlas/core";
import { actorOf } from "@atlas/core/services/access/access";
import { decideSuggestion } from "@atlas/core/services/ai/decide";
import { createPrismaClient, createTenantDb, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase, type TestServer } from "@atlas/db/testing";
import { addDays, dayKey, isoWeekday, localDayStart, type Clock } from "@atlas/time";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listDailyChecks, listWeeklyPlans, runScheduledSuggestion } from "./ai-suggestions.ts";
import type { JobDeps, NotifyChannels } from "./deps.ts";
import { testNotifyChannels } from "./testing.ts";
import { AI_WEEKLY_PLAN_CRON } from "./events.ts";
import { createAiSuggestionFunctions } from "./functions/ai-suggestions.ts";
import { createDayCloseFunctions } from "./functions/day-close.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServer: TestServer;
  }
}

const NY = "America/New_York";
const todayNy = dayKey(new Date(), NY, 0);
/** The Monday after today in New York (a week ahead when today is a Monday). */
const monday = addDays(todayNy, 8 - isoWeekday(todayNy));
const at = (instant: Date): Clock => ({ now: () => new Date(instant.getTime()) });
const mondayAt = (minutes: number) => at(localDayStart(monday, NY, minutes));

let database: TestDatabase;
let admin: Db;
let app: Db;
let demoId: string;
let noraId: string;
const planner = createPlanner({ provider: null, timeoutMs: 0 });
const depsAt = (clock: Clock): JobDeps => ({
  appDb: () => app,
  bypassDb: () => admin,
  clock,
  planner: () => planner,
  notify: () => (channels ??= testNotifyChannels(admin)),
});
let channels: NotifyChannels | undefined;

beforeAll(async () => {
  database = await cloneTestDatabase(inject("testServer"));
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  const demo = await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
  demoId = demo.id;
  noraId = (await admin.user.findUniqueOrThrow({ where: { email: "nora.newyork@atlas.local" } }))
    .id;
  // Nora asked for a deferral plan on the Saturday before and accepted it: she uses suggestions.
  const saturday = depsAt(at(localDayStart(addDays(monday, -2), NY, 9 * 60)));
  const first = await runScheduledSuggestion(saturday, {
    workspaceId: demoId,
    memberId: noraId,
    type: "weekly_plan",
    goalId: null,
    weekStart: monday,
    dedupeKey: `test:${noraId}:first`,
  });
  if (!("id" in first)) throw new Error(`no first suggestion: ${first.nothing}`);
  const actor = actorOf({
    source: "job",
    membership: { userId: noraId, role: "member" },
    workspace: { ...demo, entitlements: demo.entitlements as unknown as EntitlementSnapshot },
  });
  await decideSuggestion(
    createTenantDb(app, { workspaceId: demoId, userId: noraId }),
    actor,
    saturday.clock.now(),
    { id: first.id, decision: { all: "accept" } },
  );
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("the scheduled suggestions' plain steps", () => {
  it("suggests the week's plan from 06:00 on the member's Monday, to members who use suggestions", async () => {
    expect(await listWeeklyPlans(depsAt(mondayAt(5 * 60 + 50)), demoId)).toEqual([]);
    const due = await listWeeklyPlans(depsAt(mondayAt(7 * 60)), demoId);
    expect(due).toEqual([
      {
        workspaceId: demoId,
        memberId: noraId,
        type: "weekly_plan",
        goalId: null,
        weekStart: monday,
        dedupeKey: `weekly:${noraId}:${monday}`,
      },
    ]);
  });

  it("stores the Monday plan once, however often the tick or the event comes", async () => {
    const deps = depsAt(mondayAt(7 * 60));
    const [event] = await listWeeklyPlans(deps, demoId);
    const first = await runScheduledSuggestion(deps, event!);
    expect(first).toEqual({ id: expect.any(String) });
    expect(await runScheduledSuggestion(depsAt(mondayAt(8 * 60)), event!)).toEqual(first);
    const rows = await admin.aiSuggestion.findMany({
      where: { dedupeKey: `weekly:${noraId}:${monday}` },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ memberId: noraId, type: "weekly_plan", provider: "local" });
  });

  it("checks recovery and deferral in the hour the member's day began, and not after", async () => {
    const justAfter = await listDailyChecks(depsAt(mondayAt(10)), demoId);
    expect(justAfter.map((e) => [e.memberId, e.type, e.dedupeKey])).toEqual([
      [noraId, "recovery", `recovery:${noraId}:${monday}`],
      [noraId, "deferral", `deferral:${noraId}:${monday}`],
    ]);
    expect(await listDailyChecks(depsAt(mondayAt(3 * 60)), demoId)).toEqual([]);
    // Each check stores at most one suggestion, or says why there is none.
    for (const event of justAfter) {
      const first = await runScheduledSuggestion(depsAt(mondayAt(10)), event);
      expect(await runScheduledSuggestion(depsAt(mondayAt(20)), event)).toEqual(
        "id" in first ? first : { nothing: expect.any(String) },
      );
    }
  });
});

describe("the Inngest functions", () => {
  const deps = depsAt(mondayAt(9 * 60));
  const { aiWeeklyPlanCron, aiWeeklyPlansWorkspace, aiSuggestion } =
    createAiSuggestionFunctions(deps);
  type Sent = { name: string; data: Record<string, unknown> };
  /** The first sendEvent call: its step id and events. */
  const sent = (ctx: { step: { sendEvent: unknown } }) =>
    (ctx.step.sendEvent as unknown as { mock: { calls: [string, Sent[]][] } }).mock.calls[0]!;

  it("the cron fans out one atlas/ai.weekly-plans.requested event per workspace, audited", async () => {
    const t = new InngestTestEngine({
      function: aiWeeklyPlanCron,
      events: [{ name: "inngest/scheduled.timer", data: { cron: AI_WEEKLY_PLAN_CRON } }],
      steps: [{ id: "fan-out-0", handler: () => ({ ids: ["e1", "e2"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ workspaces: 2 });
    const [, events] = sent(ctx);
    expect(events.map((e) => e.name)).toEqual([
      "atlas/ai.weekly-plans.requested",
      "atlas/ai.weekly-plans.requested",
    ]);
    expect(
      await admin.auditLog.count({
        where: { action: "bypass.use", targetId: "job:ai-weekly-plan" },
      }),
    ).toBeGreaterThan(0);
  });

  it("the per-workspace function sends one suggestion event per member whose Monday morning came", async () => {
    expect(aiWeeklyPlansWorkspace.opts.concurrency).toEqual({
      key: "event.data.workspaceId",
      limit: 1,
    });
    const t = new InngestTestEngine({
      function: aiWeeklyPlansWorkspace,
      events: [{ name: "atlas/ai.weekly-plans.requested", data: { workspaceId: demoId } }],
      steps: [{ id: "suggest", handler: () => ({ ids: ["e1"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ members: 1 });
    const [, events] = sent(ctx);
    expect(events).toEqual([
      expect.objectContaining({
        name: "atlas/ai.suggestion-requested",
        data: expect.objectContaining({ memberId: noraId, type: "weekly_plan" }),
      }),
    ]);
  });

  it("the suggestion function prepares, plans and stores, one run per member at a time", async () => {
    expect(aiSuggestion.opts.concurrency).toEqual({ key: "event.data.memberId", limit: 1 });
    const data = {
      workspaceId: demoId,
      memberId: noraId,
      type: "weekly_plan" as const,
      goalId: null,
      weekStart: addDays(monday, 7),
      dedupeKey: `weekly:${noraId}:${addDays(monday, 7)}`,
    };
    const run = () =>
      new InngestTestEngine({
        function: aiSuggestion,
        events: [{ name: "atlas/ai.suggestion-requested", data }],
        steps: [{ id: "deliver", handler: () => ({ ids: ["e1"] }) }],
      }).execute();
    const { result } = await run();
    expect(result).toEqual({ id: expect.any(String) });
    // A redelivered event finds the stored suggestion.
    expect((await run()).result).toEqual(result);
    expect(await admin.aiSuggestion.count({ where: { dedupeKey: data.dedupeKey } })).toBe(1);
    // Proposed to the member: told once that it is ready (docs/domain.md "Notifications").
    const { id } = result as { id: string };
    const suggestion = await admin.aiSuggestion.findUniqueOrThrow({ where: { id } });
    expect(
      await admin.notification.count({
        where: {
          userId: noraId,
          kind: "ai_suggestion_ready",
          dedupeKey: `ai_suggestion_ready:${id}`,
        },
      }),
    ).toBe(suggestion.status === "proposed" ? 1 : 0);
  });

  it("the day close sends the AI checks of the members whose day began", async () => {
    const { dayCloseWorkspace } = createDayCloseFunctions(depsAt(mondayAt(10)));
    const t = new InngestTestEngine({
      function: dayCloseWorkspace,
      events: [{ name: "atlas/day-close.requested", data: { workspaceId: demoId } }],
      steps: [{ id: "ai-checks", handler: () => ({ ids: ["e1", "e2"] }) }],
    });
    const { ctx } = await t.execute();
    const [id, events] = sent(ctx);
    expect(id).toBe("ai-checks");
    expect(events.map((e) => e.data.type)).toEqual(["recovery", "deferral"]);
  });
});
