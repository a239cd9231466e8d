import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import {
  subscriptionItemObject,
  subscriptionObject,
  priceObject,
} from "./testing/fake-stripe-objects.ts";
import { pickSubscription, subscriptionState } from "./state.ts";

const config = { prices: { team: "price_team", coach: "price_coach" } };
const quiet = { warn: vi.fn() };

/** A Stripe subscription as the API returns it (the fake's factories, typed by the SDK). */
function subscription(
  id: string,
  status: Stripe.Subscription.Status,
  created: number,
  overrides: { price?: string; quantity?: number; cancelAt?: number | null } = {},
): Stripe.Subscription {
  const price = priceObject(
    { id: overrides.price ?? "price_team", unitAmount: 800, nickname: "Team" },
    0,
  );
  const item = subscriptionItemObject({
    id: `si_${id}`,
    subscription: id,
    created,
    price,
    quantity: overrides.quantity ?? 2,
    periodStart: 1_800_000_000,
    periodEnd: 1_802_592_000,
  });
  const sub = subscriptionObject({
    id,
    customer: "cus_1",
    created,
    status,
    item,
    trialStart: null,
    trialEnd: null,
    metadata: {},
    currency: "usd",
  });
  sub.cancel_at = overrides.cancelAt ?? null;
  return sub as unknown as Stripe.Subscription;
}

describe("pickSubscription", () => {
  it("prefers a live subscription over unfinished and ended ones, then the newest", () => {
    const ended = subscription("sub_old", "canceled", 300);
    const live = subscription("sub_live", "past_due", 100);
    const newerLive = subscription("sub_new", "active", 200);
    const unfinished = subscription("sub_incomplete", "incomplete", 400);
    expect(pickSubscription([ended, live, unfinished], quiet)?.id).toBe("sub_live");
    expect(pickSubscription([live, newerLive], quiet)?.id).toBe("sub_new");
    expect(pickSubscription([ended, unfinished], quiet)?.id).toBe("sub_incomplete");
    expect(pickSubscription([], quiet)).toBeUndefined();
  });
});

describe("subscriptionState", () => {
  it("reads the plan from the price and the period and seats from the item", () => {
    expect(
      subscriptionState(
        config,
        "cus_1",
        [subscription("sub_1", "active", 1, { price: "price_coach", quantity: 7 })],
        quiet,
      ),
    ).toEqual({
      stripeCustomerId: "cus_1",
      status: "active",
      plan: "coach",
      stripeSubscriptionId: "sub_1",
      priceId: "price_coach",
      seats: 7,
      currentPeriodStart: new Date(1_800_000_000_000),
      currentPeriodEnd: new Date(1_802_592_000_000),
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
    });
  });

  it("treats an unknown price as the free plan, and says so", () => {
    const warn = vi.fn();
    const state = subscriptionState(
      config,
      "cus_1",
      [subscription("sub_1", "active", 1, { price: "price_other" })],
      { warn },
    );
    expect(state.plan).toBe("free");
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("price"),
      expect.objectContaining({ priceId: "price_other" }),
    );
  });

  it("counts a cancel_at at the period's end as canceling at period end", () => {
    const state = subscriptionState(
      config,
      "cus_1",
      [subscription("sub_1", "active", 1, { cancelAt: 1_802_592_000 })],
      quiet,
    );
    expect(state.cancelAtPeriodEnd).toBe(true);
  });

  it("is 'none' on the free plan without any subscription", () => {
    expect(subscriptionState(config, "cus_1", [], quiet)).toMatchObject({
      status: "none",
      plan: "free",
      stripeSubscriptionId: null,
    });
  });
});
