/**
 * The notification jobs against the real database (app role for the work, the bypass client for
 * the outbox), wired through @inngest/test: the day close notifies once and a retried run
 * notifies nobody twice; the delivery function sends a notification's due e-mail to the outbox
 * (one run at a time per notification); billing's owner notices reach every owner through
 * notify() as critical notices; the evening and digest crons fan out one event per workspace;
 * a member whose streak is at risk is reminded once in their 19:00 hour. The members are set up
 * here (@atlas/core's notice testing helper) and every run stands at a fixed instant.
 */
import { createPlanner } from "@atlas/ai";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { newNoticeMember } from "@atlas/core/services/notifications/testing";
import { isEntitled, type EntitlementSnapshot } from "@atlas/core/billing/plan-catalog";
import { addDays, dayKey, isoWeekStart, type LocalDate } from "@atlas/time";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDeps, NotifyChannels } from "./deps.ts";
import { testNotifyChannels } from "./testing.ts";
import { NOTIFY_EVENING_CRON } from "./events.ts";
import { createDayCloseFunctions } from "./functions/day-close.ts";
import { createNotificationFunctions } from "./functions/notifications.ts";
import { deliverOnce, notifyEvening, notifyOwnerOfBilling } from "./notifications.ts";

let database: TestDatabase;
let admin: Db;
let app: Db;
let workspaceId: string;
let memberId: string;
let coachIds: string[];
let day: LocalDate;
let now: Date;
const timeZone = "Europe/Berlin";

function depsAt(instant: () => Date): JobDeps {
  return {
    appDb: () => app,
    bypassDb: () => admin,
    clock: { now: instant },
    planner: () => createPlanner({ provider: null, timeoutMs: 0 }),
    billing: () => null,
    notify: () => (channels ??= testNotifyChannels(admin)),
  };
}
let channels: NotifyChannels | undefined;
let deps: JobDeps;

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  // A week within capacity, then a closed day over it (docs/domain.md "Overload notices").
  day = addDays(dayKey(new Date(), timeZone, 0), 3);
  const member = await newNoticeMember({ admin, app }, { timeZone, joinedOn: addDays(day, -8) });
  ({ workspaceId, memberId, coachIds } = member);
  await member.overloadOn(day);
  now = member.at(addDays(day, 1), "00:10");
  deps = depsAt(() => now);
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect(), channels?.inboxBus.close()]);
  await database?.drop();
});

describe("day-close-workspace's notices", () => {
  it("notifies the member and each coach once; a retried run notifies nobody twice", async () => {
    const { dayCloseWorkspace } = createDayCloseFunctions(deps);
    const run = () =>
      new InngestTestEngine({
        function: dayCloseWorkspace,
        events: [{ name: "atlas/day-close.requested", data: { workspaceId } }],
        // The close itself is day-close.int.test.ts's: here the stored rows above stand for it.
        steps: [
          { id: "close-due-days", handler: () => ({ closed: 0 }) },
          { id: "list-ai-checks", handler: () => [] },
          { id: "deliver", handler: () => ({ ids: [] }) },
        ],
      }).execute();
    const first = await run();
    expect(first.error).toBeUndefined();
    await run();
    const rows = await admin.notification.findMany({
      where: { workspaceId, kind: { in: ["overload", "coach_flag"] } },
      select: { userId: true, kind: true, dedupeKey: true, title: true },
    });
    expect(rows.filter((r) => r.kind === "overload")).toEqual([
      expect.objectContaining({ userId: memberId, dedupeKey: `overload:${day}` }),
    ]);
    const flags = rows.filter((r) => r.kind === "coach_flag");
    expect(flags.map((f) => f.userId).sort()).toEqual([...coachIds].sort());
    for (const flag of flags) expect(flag.title).toMatch(/is overloaded$/);
  });
});

describe("notify-deliver", () => {
  it("sends a notification's due e-mail to the outbox, one run at a time per notification", async () => {
    const { notifyDeliverFn } = createNotificationFunctions(deps);
    expect(notifyDeliverFn.opts.concurrency).toEqual({
      key: "event.data.notificationId",
      limit: 1,
    });
    const owner = await admin.membership.findFirstOrThrow({
      where: { workspaceId, role: "owner", leftAt: null },
      select: { userId: true, user: { select: { email: true } } },
    });
    // A critical notice e-mails on every plan; notifyOwnerOfBilling delivers at once, so the
    // function's run finds nothing left to send and sends nothing twice.
    const paymentFailed = () =>
      notifyOwnerOfBilling(
        deps,
        { workspaceId, userId: owner.userId },
        {
          kind: "billing.payment_failed",
          title: "Payment failed for your Team plan",
          body: "Update the payment method.",
          dedupeKey: "billing.payment_failed:in_test",
          data: { invoiceId: "in_test" },
        },
      );
    expect(await paymentFailed()).toBe(true);
    const notification = await admin.notification.findFirstOrThrow({
      where: { workspaceId, userId: owner.userId, dedupeKey: "billing.payment_failed:in_test" },
      select: { id: true, kind: true, deliveries: { select: { channel: true, status: true } } },
    });
    expect(notification.kind).toBe("billing_payment_failed");
    expect(notification.deliveries).toContainEqual({ channel: "email", status: "sent" });
    const sent = () =>
      admin.emailOutbox.count({
        where: { workspaceId, to: owner.user.email, subject: { contains: "Payment failed" } },
      });
    expect(await sent()).toBe(1);
    const { result } = await new InngestTestEngine({
      function: notifyDeliverFn,
      events: [
        {
          name: "atlas/notify.deliver",
          data: { workspaceId, userId: owner.userId, notificationId: notification.id },
        },
      ],
    }).execute();
    expect(result).toMatchObject({ sent: 0, nextDueAt: null });
    expect(await sent()).toBe(1);
    // Billing's redelivered event: nothing new, nothing sent again.
    expect(await paymentFailed()).toBe(false);
    expect(await sent()).toBe(1);
  });
});

describe("the evening cron", () => {
  it("fans out one evening event per workspace; the per-workspace run is keyed by workspace", async () => {
    const fns = createNotificationFunctions(deps);
    expect(fns.notifyEveningWorkspace.opts.concurrency).toEqual({
      key: "event.data.workspaceId",
      limit: 1,
    });
    const t = new InngestTestEngine({
      function: fns.notifyEveningCron,
      events: [{ name: "inngest/scheduled.timer", data: { cron: NOTIFY_EVENING_CRON } }],
      steps: [{ id: "fan-out-0", handler: () => ({ ids: ["e1"] }) }],
    });
    const { result, ctx } = await t.execute();
    const count = await admin.workspace.count();
    expect(result).toEqual({ workspaces: count });
    const calls = (ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } }).mock.calls;
    const [, events] = calls[0] as [string, { name: string }[]];
    expect(events.every((e) => e.name === "atlas/notify.evening.requested")).toBe(true);
    // Outside the member's 19:00 hour (it is 00:10 on their clock): they are not reminded.
    const { error } = await new InngestTestEngine({
      function: fns.notifyEveningWorkspace,
      events: [{ name: "atlas/notify.evening.requested", data: { workspaceId } }],
    }).execute();
    expect(error).toBeUndefined();
    expect(
      await admin.notification.count({
        where: { workspaceId, userId: memberId, kind: "streak_at_risk" },
      }),
    ).toBe(0);
  });
});

describe("the evening reminder", () => {
  it("reminds a member whose streak is at risk once their evening has come, and only once", async () => {
    const zone = "Europe/Lisbon";
    const evening = addDays(dayKey(new Date(), zone, 0), 10);
    const member = await newNoticeMember(
      { admin, app },
      { timeZone: zone, joinedOn: addDays(evening, -5) },
    );
    // Met on the four days before: yesterday's stored streak is 4, today's check-in is open.
    await member.dailyHabit(addDays(evening, -4), 4);
    const remind = (time: string) =>
      notifyEvening(
        depsAt(() => member.at(evening, time)),
        member.workspaceId,
      );
    expect(await remind("18:55")).toEqual({ notified: 0, deliveries: [] });
    const first = await remind("19:05");
    expect(first.notified).toBe(1);
    const tick = depsAt(() => member.at(evening, "19:05"));
    for (const delivery of first.deliveries) await deliverOnce(tick, delivery);
    // A rerun in the same hour (a retried tick) finds the reminder there and nothing left to send.
    expect(await remind("19:35")).toEqual({ notified: 0, deliveries: [] });
    expect(
      await admin.notification.findMany({
        where: { userId: member.memberId },
        select: {
          kind: true,
          dedupeKey: true,
          title: true,
          body: true,
          deliveries: { select: { channel: true, status: true } },
        },
      }),
    ).toEqual([
      {
        kind: "streak_at_risk",
        dedupeKey: `streak_at_risk:${evening}`,
        title: "1 streak at risk tonight",
        body: "Still open today: Stretch (4).",
        deliveries: expect.arrayContaining([
          { channel: "in_app", status: "sent" },
          { channel: "email", status: "sent" },
        ]),
      },
    ]);
  });
});

describe("the coach's weekly digest", () => {
  it("tells each coach of the stored summary from Monday 08:00 in their zone, once", async () => {
    const [coachId] = coachIds;
    await admin.userTimeSetting.deleteMany({ where: { userId: coachId! } });
    await admin.userTimeSetting.create({
      data: { userId: coachId!, effectiveFrom: new Date("2000-01-03T00:00:00Z"), timeZone: "UTC" },
    });
    const monday = isoWeekStart(addDays(dayKey(new Date(), "UTC", 0), 14));
    const lastWeek = addDays(monday, -7);
    await admin.workspaceWeekSummary.create({
      data: {
        workspaceId,
        weekStart: new Date(`${lastWeek}T00:00:00Z`),
        schemaVersion: 1,
        summary: {},
      },
    });
    const snapshot = await admin.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { entitlements: true },
    });
    // The demo workspace's plan includes coach digests (self-hosted).
    expect(
      isEntitled(snapshot.entitlements as unknown as EntitlementSnapshot, "coach_digest"),
    ).toBe(true);
    const at = (hhmm: string) =>
      createNotificationFunctions(depsAt(() => new Date(`${monday}T${hhmm}:00Z`)));
    const run = (hhmm: string) =>
      new InngestTestEngine({
        function: at(hhmm).notifyDigestsWorkspace,
        events: [{ name: "atlas/notify.digests.requested", data: { workspaceId } }],
        steps: [{ id: "deliver", handler: () => ({ ids: [] }) }],
      }).execute();
    const count = () =>
      admin.notification.count({
        where: { userId: coachId!, dedupeKey: `coach_weekly_digest:${lastWeek}` },
      });
    await run("07:30");
    expect(await count()).toBe(0);
    await run("08:30");
    await run("09:30");
    expect(await count()).toBe(1);
  });
});
