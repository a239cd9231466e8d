/**
 * Billing's Inngest wiring through @inngest/test, against the fake Stripe and the real database:
 * the per-customer sync (one run at a time per customer; a rerun changes nothing), the seat sync
 * after a join, the nightly cron's fan-out and the per-workspace reconcile; and the no-op with
 * billing off.
 */
import { ensureCustomer, notifyOwnersOf } from "@atlas/billing";
import { startBillingHarness, type BillingHarness } from "@atlas/billing/testing/harness";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { systemClock } from "@atlas/time";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCustomerSync, runSeatsSync } from "./billing.ts";
import { billingOf, type JobDeps } from "./deps.ts";
import { testNotifyChannels } from "./testing.ts";
import { BILLING_RECONCILE_CRON } from "./events.ts";
import { createBillingFunctions } from "./functions/billing.ts";

let h: BillingHarness;
let deps: JobDeps;

beforeAll(async () => {
  h = await startBillingHarness(providedTestServer());
  deps = {
    appDb: () => {
      throw new Error("billing jobs never use the app client");
    },
    bypassDb: () => h.admin,
    clock: systemClock,
    billing: () => h.deps,
    planner: () => {
      throw new Error("billing jobs never use the planner");
    },
  };
});

afterAll(async () => {
  await h?.stop();
});

/** A workspace subscribed through Checkout; the webhook's work is left queued. */
async function subscribed(members: number) {
  const workspace = await h.createWorkspace({ members });
  const customerId = await ensureCustomer(h.deps, { id: workspace.id, name: "Acme" });
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    line_items: [{ price: h.config.prices.team, quantity: members + 1 }],
    success_url: "http://127.0.0.1:9/",
  });
  await fetch(session.url!, { method: "POST", redirect: "manual" });
  const [subscription] = h.fake.fake.subscriptionsOf(customerId);
  return { workspace, customerId, subscriptionId: subscription!.id };
}

const planKey = async (workspaceId: string) =>
  (
    await h.admin.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { plan: { select: { key: true } } },
    })
  ).plan.key;

describe("the Inngest functions", () => {
  const functions = createBillingFunctions({
    appDb: () => h.admin,
    bypassDb: () => h.admin,
    clock: systemClock,
    billing: () => h.deps,
    planner: () => deps.planner(),
  });

  it("a handled Stripe event converges its customer, one run at a time per customer", async () => {
    expect(functions.billingCustomerSync.opts.concurrency).toEqual({
      key: "event.data.customerId",
      limit: 1,
    });
    const { workspace, customerId } = await subscribed(1);
    const work = h.queue.find((w) => w.type === "customer.subscription.created")!;
    h.queue.length = 0;
    const run = () =>
      new InngestTestEngine({
        function: functions.billingCustomerSync,
        events: [{ name: "atlas/billing.customer-sync", data: work }],
      }).execute();
    const { result } = await run();
    expect(result).toEqual({
      customer: "applied",
      workspaceId: workspace.id,
      seats: "synced",
      notified: 0,
    });
    expect(await planKey(workspace.id)).toBe("team");
    // A redelivered event (or a retry) changes nothing more.
    await run();
    expect(
      await h.admin.auditLog.count({
        where: { workspaceId: workspace.id, action: "billing.plan_changed" },
      }),
    ).toBe(1);
    expect(customerId).toBe(work.customerId);
  });

  it("the seat sync after a join raises the quantity, one run per workspace at a time", async () => {
    expect(functions.billingSeatsSync.opts.concurrency).toEqual({
      key: "event.data.workspaceId",
      limit: 1,
    });
    const { workspace, subscriptionId } = await subscribed(1);
    await h.drain();
    await h.addMember(workspace.id);
    const { result } = await new InngestTestEngine({
      function: functions.billingSeatsSync,
      events: [{ name: "atlas/billing.seats-sync", data: { workspaceId: workspace.id } }],
    }).execute();
    expect(result).toMatchObject({ outcome: "synced", before: 2, after: 3 });
    expect(h.fake.fake.subscription(subscriptionId).items.data[0]!.quantity).toBe(3);
    h.queue.length = 0;
  });

  it("the nightly cron fans out one reconcile per workspace with a Stripe customer", async () => {
    const { workspace } = await subscribed(0);
    await h.drain();
    const expected = (
      await h.admin.subscription.findMany({
        where: { stripeCustomerId: { not: null } },
        select: { workspaceId: true },
      })
    ).map((row) => row.workspaceId);
    expect(expected).toContain(workspace.id);
    const t = new InngestTestEngine({
      function: functions.billingReconcileCron,
      events: [{ name: "inngest/scheduled.timer", data: { cron: BILLING_RECONCILE_CRON } }],
      steps: [{ id: "fan-out-0", handler: () => ({ ids: ["e1"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ workspaces: expected.length });
    const calls = (ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } }).mock.calls;
    const [, events] = calls[0] as [string, { name: string; data: { workspaceId: string } }[]];
    expect(events.every((e) => e.name === "atlas/billing.reconcile.requested")).toBe(true);
    expect(events.map((e) => e.data.workspaceId).sort()).toEqual([...expected].sort());
  });

  it("the per-workspace reconcile corrects drift and audits it", async () => {
    expect(functions.billingReconcileWorkspace.opts.concurrency).toEqual({
      key: "event.data.workspaceId",
      limit: 1,
    });
    const { workspace, subscriptionId } = await subscribed(2);
    await h.drain();
    await h.fake.fake.setQuantity(subscriptionId, 7);
    const { result } = await new InngestTestEngine({
      function: functions.billingReconcileWorkspace,
      events: [{ name: "atlas/billing.reconcile.requested", data: { workspaceId: workspace.id } }],
    }).execute();
    expect(result).toMatchObject({ drift: true });
    // Within the period seats only rise: 7 stays (a leave, or a manual raise, is not refunded).
    expect(h.fake.fake.subscription(subscriptionId).items.data[0]!.quantity).toBe(7);
    expect(
      await h.admin.auditLog.findFirst({
        where: { workspaceId: workspace.id, action: "billing.seats_reconciled" },
        select: { metadata: true },
      }),
    ).toMatchObject({ metadata: { recorded: 3, before: 7, after: 7, billable: 3 } });
    h.queue.length = 0;
  });
});

describe("with billing off", () => {
  it("every billing job is a no-op", async () => {
    const off: JobDeps = { ...deps, billing: () => null };
    const data = {
      customerId: "cus_x",
      eventId: "evt_x",
      type: "invoice.paid",
      objectId: "in_x",
    } as const;
    expect(await runCustomerSync(off, data)).toEqual({ skipped: "billing is off" });
    expect(await runSeatsSync(off, { workspaceId: "w" })).toEqual({ skipped: "billing is off" });
  });
});

describe("owner notices", () => {
  it("a failed payment reaches every owner through notify(), critical and e-mailed, once", async () => {
    const { workspace } = await subscribed(1);
    await h.drain();
    await h.admin.subscription.update({
      where: { workspaceId: workspace.id },
      data: { status: "past_due" },
    });
    const channels = testNotifyChannels(h.admin);
    const withNotify: JobDeps = { ...deps, appDb: () => h.admin, notify: () => channels };
    const input = {
      workspaceId: workspace.id,
      type: "invoice.payment_failed",
      objectId: "in_owner_notice",
    } as const;
    expect(await notifyOwnersOf(billingOf(withNotify)!, input)).toBe(1);
    // A redelivered event notifies nobody twice.
    expect(await notifyOwnersOf(billingOf(withNotify)!, input)).toBe(0);
    const rows = await h.admin.notification.findMany({
      where: { workspaceId: workspace.id, kind: "billing_payment_failed" },
      select: { userId: true, deliveries: { select: { channel: true, status: true } } },
    });
    expect(rows).toEqual([
      {
        userId: workspace.ownerId,
        deliveries: expect.arrayContaining([
          { channel: "in_app", status: "sent" },
          { channel: "email", status: "sent" },
        ]),
      },
    ]);
    expect(
      await h.admin.emailOutbox.count({
        where: { workspaceId: workspace.id, subject: { contains: "Payment failed" } },
      }),
    ).toBe(1);
    await channels.inboxBus.close();
    h.queue.length = 0;
  });
});
