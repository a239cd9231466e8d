/**
 * Stripe's subscriptions of one customer → core's plain `SubscriptionState` (docs/architecture.md
 * "Billing"). Pure: the sync reads the list from Stripe and hands it here.
 */
import {
  noSubscription,
  type SubscriptionState,
  type SubscriptionStatus,
} from "@atlas/core/services/billing/subscription";
import type Stripe from "stripe";
import type { BillingConfig } from "./env.ts";
import { planForPrice } from "./prices.ts";

const STATUSES: readonly SubscriptionStatus[] = [
  "trialing",
  "active",
  "past_due",
  "unpaid",
  "canceled",
  "incomplete",
  "incomplete_expired",
  "paused",
];

/** Which subscription matters: live ones first, then unfinished ones, then ended ones. */
const RANK: Record<SubscriptionStatus, number> = {
  trialing: 0,
  active: 0,
  past_due: 0,
  unpaid: 0,
  incomplete: 1,
  paused: 1,
  canceled: 2,
  incomplete_expired: 2,
};

export interface StateLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Stripe's status as Atlas stores it (an unknown one: incomplete, logged). */
export function subscriptionStatusOf(status: string, log: StateLog): SubscriptionStatus {
  if ((STATUSES as readonly string[]).includes(status)) return status as SubscriptionStatus;
  log.warn("Stripe subscription status Atlas does not know: treated as incomplete (free plan)", {
    status,
  });
  return "incomplete";
}

/** The subscription that decides the workspace's plan: the best ranked, newest first. */
export function pickSubscription(
  subscriptions: readonly Stripe.Subscription[],
  log: StateLog,
): Stripe.Subscription | undefined {
  return [...subscriptions].sort(
    (a, b) =>
      RANK[subscriptionStatusOf(a.status, log)] - RANK[subscriptionStatusOf(b.status, log)] ||
      b.created - a.created,
  )[0];
}

const at = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

/** The customer's state now, from all of its subscriptions (listed with status=all). */
export function subscriptionState(
  config: Pick<BillingConfig, "prices">,
  customerId: string,
  subscriptions: readonly Stripe.Subscription[],
  log: StateLog,
): SubscriptionState {
  const subscription = pickSubscription(subscriptions, log);
  if (!subscription) return noSubscription(customerId);
  // Since 2025-03-31 the period lives on the items; Atlas sells one per-seat item.
  const item = subscription.items.data[0];
  const priceId = item?.price.id ?? null;
  const plan = planForPrice(config, priceId);
  if (!plan) {
    log.warn("Stripe price Atlas does not sell: the workspace is treated as on the free plan", {
      priceId,
      subscription: subscription.id,
    });
  }
  const periodEnd = item?.current_period_end ?? null;
  return {
    stripeCustomerId: customerId,
    status: subscriptionStatusOf(subscription.status, log),
    plan: plan ?? "free",
    stripeSubscriptionId: subscription.id,
    priceId,
    seats: item?.quantity ?? 1,
    currentPeriodStart: at(item?.current_period_start),
    currentPeriodEnd: at(periodEnd),
    trialEnd: at(subscription.trial_end),
    // The portal may cancel at the period's end through either field.
    cancelAtPeriodEnd:
      subscription.cancel_at_period_end ||
      (subscription.cancel_at !== null &&
        periodEnd !== null &&
        subscription.cancel_at <= periodEnd),
    canceledAt: at(subscription.canceled_at),
  };
}
