/**
 * Subscription schedules in the fake Stripe, through the real SDK over real HTTP: the downgrade
 * at the period's end that the billing page schedules (docs/domain.md "Billing page").
 */
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiBase } from "../env.ts";
import { stripeClient } from "../client.ts";
import { startFakeStripe, type RunningFakeStripe } from "./fake-stripe.ts";

let fake: RunningFakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe({
    prices: [
      { id: "price_team", unitAmount: 800, nickname: "Team" },
      { id: "price_coach", unitAmount: 1500, nickname: "Coach" },
    ],
  });
  stripe = stripeClient({
    secretKey: "sk_test_schedules",
    webhookSecret: "whsec_unused",
    prices: { team: "price_team", coach: "price_coach" },
    apiBase: parseApiBase(fake.url),
  });
});

afterAll(async () => {
  await fake?.stop();
});

/** A paid Coach subscription for 3 seats. */
async function coachSubscription(): Promise<Stripe.Subscription> {
  const customer = await stripe.customers.create({ metadata: { workspaceId: "w1" } });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: "price_coach", quantity: 3 }],
    success_url: "http://127.0.0.1:1/billing",
  });
  await fetch(session.url!, { method: "POST", redirect: "manual" });
  const done = await stripe.checkout.sessions.retrieve(session.id);
  return stripe.subscriptions.retrieve(done.subscription as string);
}

/** Schedules Team for one month from the end of the current period. */
async function scheduleTeam(subscription: Stripe.Subscription) {
  const item = subscription.items.data[0]!;
  const schedule = await stripe.subscriptionSchedules.create({
    from_subscription: subscription.id,
  });
  return stripe.subscriptionSchedules.update(schedule.id, {
    end_behavior: "release",
    phases: [
      {
        items: [{ price: "price_coach", quantity: 3 }],
        start_date: item.current_period_start,
        end_date: item.current_period_end,
      },
      {
        items: [{ price: "price_team", quantity: 3 }],
        duration: { interval: "month", interval_count: 1 },
        proration_behavior: "none",
      },
    ],
  });
}

describe("subscription schedules", () => {
  it("switch the price at the period's end, show it in the preview, then release", async () => {
    const subscription = await coachSubscription();
    const periodEnd = subscription.items.data[0]!.current_period_end;
    const schedule = await scheduleTeam(subscription);
    expect(schedule.phases.map((p) => [p.items[0]!.price, p.start_date])).toEqual([
      ["price_coach", subscription.items.data[0]!.current_period_start],
      ["price_team", periodEnd],
    ]);

    const attached = await stripe.subscriptions.retrieve(subscription.id, {
      expand: ["schedule"],
    });
    expect((attached.schedule as Stripe.SubscriptionSchedule).id).toBe(schedule.id);
    expect(attached.items.data[0]!.price.id).toBe("price_coach");
    const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
    expect(preview.lines.data.map((l) => [l.pricing?.price_details?.price, l.amount])).toEqual([
      ["price_team", 2400],
    ]);
    await expect(
      stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }),
    ).rejects.toMatchObject({ statusCode: 400, param: "cancel_at_period_end" });

    await fake.fake.advance(subscription.id);
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]).toMatchObject({ price: { id: "price_team" }, quantity: 3 });
    expect(renewed.items.data[0]!.current_period_start).toBe(periodEnd);
    expect(renewed.schedule).toBe(schedule.id);
    const [renewal] = (await stripe.invoices.list({ subscription: subscription.id })).data;
    expect(renewal!.amount_due).toBe(2400);

    await fake.fake.advance(subscription.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).schedule).toBeNull();
    expect((await stripe.subscriptionSchedules.retrieve(schedule.id)).status).toBe("released");
  });

  it("released before the period's end, leave the subscription as it is", async () => {
    const subscription = await coachSubscription();
    const schedule = await scheduleTeam(subscription);
    const released = await stripe.subscriptionSchedules.release(schedule.id);
    expect(released).toMatchObject({ status: "released", released_subscription: subscription.id });
    expect((await stripe.subscriptions.retrieve(subscription.id)).schedule).toBeNull();
    const preview = await stripe.invoices.createPreview({ subscription: subscription.id });
    expect(preview.lines.data[0]!.pricing?.price_details?.price).toBe("price_coach");
    await expect(stripe.subscriptionSchedules.release(schedule.id)).rejects.toMatchObject({
      statusCode: 400,
    });
    await fake.fake.advance(subscription.id);
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]!.price.id).toBe("price_coach");
  });

  it("refuse a second schedule and a changed current phase", async () => {
    const subscription = await coachSubscription();
    const schedule = await scheduleTeam(subscription);
    await expect(
      stripe.subscriptionSchedules.create({ from_subscription: subscription.id }),
    ).rejects.toMatchObject({ statusCode: 400, param: "from_subscription" });
    await expect(
      stripe.subscriptionSchedules.update(schedule.id, {
        phases: [{ items: [{ price: "price_team", quantity: 3 }], end_date: 4_000_000_000 }],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
