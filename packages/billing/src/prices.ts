/**
 * Stripe price ↔ Atlas plan (docs/domain.md "Plans and entitlements"): the two plans on sale each
 * have one per-seat monthly price, named by configuration (STRIPE_PRICE_TEAM, STRIPE_PRICE_COACH).
 */
import type { PlanId } from "@atlas/core/billing/plan-catalog";
import type { BillingConfig } from "./env.ts";

/** The plans a Stripe subscription can be on. */
export const SOLD_PLANS = ["team", "coach"] as const satisfies readonly PlanId[];
export type SoldPlan = (typeof SOLD_PLANS)[number];

/** The configured price of `plan`. */
export function priceForPlan(config: Pick<BillingConfig, "prices">, plan: SoldPlan): string {
  return config.prices[plan];
}

/** The plan a price sells, or undefined for a price Atlas does not know (the caller logs it). */
export function planForPrice(
  config: Pick<BillingConfig, "prices">,
  priceId: string | null | undefined,
): SoldPlan | undefined {
  return SOLD_PLANS.find((plan) => priceId !== null && config.prices[plan] === priceId);
}
