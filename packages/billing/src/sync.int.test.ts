/**
 * Billing end to end below the UI: the real SDK against the fake Stripe over HTTP, signed
 * webhooks into the real handler, the real database (docs/architecture.md "Billing").
 */
import { providedTestServer } from "@atlas/db/testing/vitest";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { billableMembers } from "@atlas/core/services/billing/subscription";
import { ensureCustomer, reconcileWorkspace, syncCustomer, syncSeats } from "./sync.ts";
import { startBillingHarness, type BillingHarness, type TestWorkspace } from "./testing/harness.ts";

let h: BillingHarness;

beforeAll(async () => {
  h = await startBillingHarness(providedTestServer());
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(() => {
  h.fake.fake.autoDeliver = true;
  h.queue.length = 0;
  h.setNow(new Date());
});

async function checkout(workspace: TestWorkspace, options: { trialDays?: number } = {}) {
  const customerId = await ensureCustomer(h.deps, {
    id: workspace.id,
    name: "Acme",
    email: "owner@acme.example.test",
  });
  const quantity = await billableMembers(h.admin, workspace.id);
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    line_items: [{ price: h.config.prices.team, quantity }],
    success_url: "http://127.0.0.1:9/billing?checkout={CHECKOUT_SESSION_ID}",
    ...(options.trialDays ? { subscription_data: { trial_period_days: options.trialDays } } : {}),
  });
  const paid = await fetch(session.url!, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  const [subscription] = h.fake.fake.subscriptionsOf(customerId);
  return { customerId, subscriptionId: subscription!.id };
}

const row = (workspaceId: string) =>
  h.admin.subscription.findUniqueOrThrow({ where: { workspaceId } });
const planKey = async (workspaceId: string) =>
  (
    await h.admin.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { plan: { select: { key: true } }, entitlements: true },
    })
  ).plan.key;
const control = (subscriptionId: string, action: string, body?: unknown) =>
  fetch(`${h.fake.url}/_fake/subscriptions/${subscriptionId}/${action}`, {
    method: "POST",
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe("ensureCustomer", () => {
  it("creates the customer once, tagged with the workspace, without changing the plan", async () => {
    const workspace = await h.createWorkspace();
    const first = await ensureCustomer(h.deps, { id: workspace.id, name: "Acme" });
    const again = await ensureCustomer(h.deps, { id: workspace.id, name: "Acme" });
    expect(again).toBe(first);
    expect(h.fake.fake.customer(first).metadata).toEqual({ workspaceId: workspace.id });
    expect(await row(workspace.id)).toMatchObject({ stripeCustomerId: first, status: null });
    expect(await planKey(workspace.id)).toBe("free");
  });

  it("gives two concurrent first checkouts the same customer", async () => {
    const workspace = await h.createWorkspace();
    const ids = await Promise.all(
      [1, 2, 3].map(() => ensureCustomer(h.deps, { id: workspace.id, name: "Acme" })),
    );
    expect(new Set(ids).size).toBe(1);
  });
});

describe("checkout → webhooks → the workspace converges", () => {
  it("a trial puts the workspace on the team plan with Stripe's periods and seats", async () => {
    const workspace = await h.createWorkspace({ members: 2 });
    const { subscriptionId } = await checkout(workspace, { trialDays: 14 });
    expect(h.queue.map((w) => w.type)).toEqual([
      "checkout.session.completed",
      "customer.subscription.created",
      "invoice.paid",
    ]);
    await h.drain();
    const stripeSubscription = h.fake.fake.subscription(subscriptionId);
    const item = stripeSubscription.items.data[0]!;
    expect(await row(workspace.id)).toMatchObject({
      status: "trialing",
      stripeSubscriptionId: subscriptionId,
      stripePriceId: h.config.prices.team,
      seats: 3,
      currentPeriodStart: new Date(item.current_period_start * 1000),
      currentPeriodEnd: new Date(item.current_period_end * 1000),
      trialEnd: new Date(stripeSubscription.trial_end! * 1000),
      seatsPeriodStart: new Date(item.current_period_start * 1000),
      pastDueSince: null,
    });
    const workspaceRow = await h.admin.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { plan: { select: { key: true } }, entitlements: true },
    });
    expect(workspaceRow.plan.key).toBe("team");
    expect(workspaceRow.entitlements).toMatchObject({ planKey: "team", planName: "Team" });
    // Three events, one plan change.
    expect(
      await h.admin.auditLog.findMany({
        where: { workspaceId: workspace.id, action: "billing.plan_changed" },
        select: { metadata: true },
      }),
    ).toEqual([{ metadata: expect.objectContaining({ from: "free", to: "team" }) }]);
  });

  it("a replayed event is recorded once and does nothing more", async () => {
    const workspace = await h.createWorkspace();
    await checkout(workspace);
    await h.drain();
    const before = await row(workspace.id);
    const created = h.fake.fake.events.find(
      (e) =>
        e.event.type === "customer.subscription.created" &&
        (e.event.data.object as Stripe.Subscription).id === before.stripeSubscriptionId,
    )!;
    const replay = await h.fake.fake.deliver(created.event.id);
    expect(replay.status).toBe(200);
    expect(h.queue).toEqual([]);
    expect(
      await h.admin.processedWebhookEvent.count({
        where: { provider: "stripe", eventId: created.event.id },
      }),
    ).toBe(1);
    expect(await row(workspace.id)).toEqual(before);
  });

  it("updated delivered before created still converges to Stripe's current state", async () => {
    const workspace = await h.createWorkspace({ members: 1 });
    h.fake.fake.autoDeliver = false;
    const { subscriptionId } = await checkout(workspace);
    const item = h.fake.fake.subscription(subscriptionId).items.data[0]!;
    await h.stripe.subscriptions.update(subscriptionId, {
      items: [{ id: item.id, quantity: 5 }],
      proration_behavior: "none",
    });
    const held = h.fake.fake.heldEvents();
    const byType = (type: string) => held.find((e) => e.type === type)!.id;
    // Newest first: the update, then the creation, then the rest.
    await h.fake.fake.deliverAll([
      byType("customer.subscription.updated"),
      byType("customer.subscription.created"),
      byType("invoice.paid"),
      byType("checkout.session.completed"),
    ]);
    // And the work runs newest event first too.
    h.queue.reverse();
    await h.drain();
    expect(await row(workspace.id)).toMatchObject({ status: "active", seats: 5 });
    expect(await planKey(workspace.id)).toBe("team");
  });

  it("a customer no workspace claims is a recorded no-op, answered 200", async () => {
    const stranger = await h.stripe.customers.create({ email: "stray@example.test" });
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: stranger.id,
      line_items: [{ price: h.config.prices.team, quantity: 1 }],
      success_url: "http://127.0.0.1:9/",
    });
    await fetch(session.url!, { method: "POST", redirect: "manual" });
    const deliveries = h.fake.fake.events.filter((e) =>
      JSON.stringify(e.event.data.object).includes(stranger.id),
    );
    expect(deliveries.flatMap((e) => e.deliveries)).toEqual([200, 200, 200]);
    const subscriptionsBefore = await h.admin.subscription.count();
    const results = await h.drain();
    expect(results.map((r) => r.customer.outcome)).toEqual([
      "unknown_customer",
      "unknown_customer",
      "unknown_customer",
    ]);
    expect(await h.admin.subscription.count()).toBe(subscriptionsBefore);
    expect(
      await h.admin.auditLog.count({
        where: { action: "billing.customer_unknown", targetId: stranger.id },
      }),
    ).toBe(3);
  });
});

describe("dunning inputs", () => {
  it("a failing payment sets pastDueSince and notifies each owner once; the retry clears it", async () => {
    const workspace = await h.createWorkspace({ members: 1 });
    const { subscriptionId } = await checkout(workspace);
    await h.drain();
    const failedAt = new Date("2026-07-01T08:00:00Z");
    h.setNow(failedAt);
    expect((await control(subscriptionId, "fail_payment")).status).toBe(200);
    await h.drain();
    expect(await row(workspace.id)).toMatchObject({ status: "past_due", pastDueSince: failedAt });
    expect(await planKey(workspace.id)).toBe("team");
    const notices = () =>
      h.admin.notification.findMany({
        where: { workspaceId: workspace.id, kind: "billing.payment_failed" },
      });
    expect(await notices()).toHaveLength(1);
    expect((await notices())[0]).toMatchObject({ userId: workspace.ownerId });

    // The same failure delivered again, and a second failed attempt on the same invoice.
    const failure = h.fake.fake.events.findLast((e) => e.event.type === "invoice.payment_failed")!;
    await h.fake.fake.deliver(failure.event.id);
    h.setNow(new Date("2026-07-04T08:00:00Z"));
    await control(subscriptionId, "fail_payment");
    await h.drain();
    expect(await notices()).toHaveLength(1);
    expect(await row(workspace.id)).toMatchObject({ status: "past_due", pastDueSince: failedAt });

    await control(subscriptionId, "pay");
    await h.drain();
    expect(await row(workspace.id)).toMatchObject({ status: "active", pastDueSince: null });
  });

  it("a trial about to end notifies the owner once", async () => {
    const workspace = await h.createWorkspace();
    const { subscriptionId } = await checkout(workspace, { trialDays: 14 });
    await h.drain();
    await control(subscriptionId, "trial_will_end");
    await control(subscriptionId, "trial_will_end");
    await h.drain();
    const notices = await h.admin.notification.findMany({
      where: { workspaceId: workspace.id, kind: "billing.trial_will_end" },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toMatch(/^Your Team trial ends in \d+ days$/);
  });

  it("canceled moves the workspace to the free plan and deletes nothing", async () => {
    const workspace = await h.createWorkspace({ members: 2 });
    const { subscriptionId } = await checkout(workspace);
    await h.drain();
    await h.stripe.subscriptions.cancel(subscriptionId);
    await h.drain();
    expect(await row(workspace.id)).toMatchObject({
      status: "canceled",
      stripeSubscriptionId: subscriptionId,
    });
    expect(await planKey(workspace.id)).toBe("free");
    expect(await billableMembers(h.admin, workspace.id)).toBe(3);
  });
});

describe("seats: the monthly high-water mark", () => {
  it("a join raises Stripe's quantity without proration, a leave keeps it, a new period lowers it", async () => {
    const workspace = await h.createWorkspace({ members: 1 });
    const { subscriptionId } = await checkout(workspace);
    await h.drain();
    const quantity = () => h.fake.fake.subscription(subscriptionId).items.data[0]!.quantity;
    expect(quantity()).toBe(2);

    const joined = await h.addMember(workspace.id);
    expect(await syncSeats(h.deps, workspace.id, { source: "test" })).toMatchObject({
      outcome: "synced",
      before: 2,
      after: 3,
      reason: "raised",
    });
    expect(quantity()).toBe(3);
    const preview = await h.stripe.invoices.createPreview({ subscription: subscriptionId });
    expect(preview.lines.data.every((line) => line.amount >= 0)).toBe(true);
    expect(preview.amount_due).toBe(3 * 800); // no proration: the new seat bills from the next invoice
    await h.drain();
    expect((await row(workspace.id)).seats).toBe(3);

    await h.admin.membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: joined } },
      data: { leftAt: new Date() },
    });
    expect(await syncSeats(h.deps, workspace.id, { source: "test" })).toMatchObject({
      after: 3,
      changed: false,
    });
    expect(quantity()).toBe(3);

    // The next period starts: its first sync (the renewal's webhooks) bills the members then.
    await control(subscriptionId, "advance");
    await h.drain();
    expect(quantity()).toBe(2);
    expect(await row(workspace.id)).toMatchObject({
      seats: 2,
      seatsPeriodStart: new Date(
        h.fake.fake.subscription(subscriptionId).items.data[0]!.current_period_start * 1000,
      ),
    });
  });
});

describe("the nightly reconcile", () => {
  it("corrects seats changed behind Atlas's back and audits the drift", async () => {
    const workspace = await h.createWorkspace({ members: 2 });
    const { subscriptionId } = await checkout(workspace);
    await h.drain();
    await control(subscriptionId, "quantity", { quantity: 1 });
    const result = await reconcileWorkspace(h.deps, workspace.id);
    expect(result).toMatchObject({ drift: true, seats: { before: 1, after: 3, billable: 3 } });
    expect(h.fake.fake.subscription(subscriptionId).items.data[0]!.quantity).toBe(3);
    const audits = await h.admin.auditLog.findMany({
      where: { workspaceId: workspace.id, action: "billing.seats_reconciled" },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.metadata).toMatchObject({ recorded: 3, before: 1, after: 3, billable: 3 });

    // Nothing drifted: nothing changes, nothing is audited.
    h.queue.length = 0;
    expect(await reconcileWorkspace(h.deps, workspace.id)).toMatchObject({ drift: false });
    expect(
      await h.admin.auditLog.count({
        where: { workspaceId: workspace.id, action: "billing.seats_reconciled" },
      }),
    ).toBe(1);
  });

  it("a missed webhook is caught up by re-reading Stripe", async () => {
    const workspace = await h.createWorkspace();
    h.fake.fake.autoDeliver = false;
    const { customerId } = await checkout(workspace);
    expect(await planKey(workspace.id)).toBe("free");
    await reconcileWorkspace(h.deps, workspace.id);
    expect(await planKey(workspace.id)).toBe("team");
    expect(await syncCustomer(h.deps, customerId, { source: "test" })).toMatchObject({
      outcome: "applied",
      applied: { plan: { from: "team", to: "team" } },
    });
  });
});
