/**
 * A subscription as Stripe says it now, for the billing page (docs/domain.md "Billing page"):
 * its plan (from the price), its one item and the change waiting for the period's end, if any:
 * cancel at period end (→ Free) or a schedule's next phase (→ a cheaper plan).
 */
import type { SelfServePlanId } from "@atlas/core/billing/plan-change";
import type Stripe from "stripe";
import { planForPrice, type SoldPlan } from "../prices.ts";
import type { BillingPageDeps } from "./deps.ts";
import { fromStripe } from "./stripe-errors.ts";

export interface PendingChange {
  plan: SelfServePlanId;
  /** When it applies: the end of the current period (ISO). */
  effectiveAt: string;
}

export interface LiveSubscription {
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  /** The plan the item's price sells; undefined for a price Atlas does not know. */
  plan: SoldPlan | undefined;
  /** The attached schedule, when one is active. */
  schedule: Stripe.SubscriptionSchedule | null;
  pending: PendingChange | null;
}

export const isoOfSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : value?.id;

/** What `subscription` (retrieved with its schedule expanded) will change to at its period's end. */
export function liveSubscriptionOf(
  deps: BillingPageDeps,
  subscription: Stripe.Subscription,
): LiveSubscription {
  const item = subscription.items.data[0]!;
  const plan = planForPrice(deps.config, item.price.id);
  const schedule =
    typeof subscription.schedule === "object" && subscription.schedule?.status === "active"
      ? subscription.schedule
      : null;
  const end = item.current_period_end;
  let pending: PendingChange | null = null;
  if (subscription.cancel_at_period_end) {
    pending = { plan: "free", effectiveAt: isoOfSeconds(end) };
  } else {
    const next = schedule?.phases.find((phase) => phase.start_date === end);
    const nextPlan = next ? planForPrice(deps.config, idOf(next.items[0]?.price)) : undefined;
    if (nextPlan && nextPlan !== plan) pending = { plan: nextPlan, effectiveAt: isoOfSeconds(end) };
  }
  return { subscription, item, plan, schedule, pending };
}

/** Reads the subscription from Stripe, its schedule expanded. */
export async function readLiveSubscription(
  deps: BillingPageDeps,
  subscriptionId: string,
  what: string,
): Promise<LiveSubscription> {
  const subscription = await fromStripe(what, () =>
    deps.stripe.subscriptions.retrieve(subscriptionId, { expand: ["schedule"] }),
  );
  return liveSubscriptionOf(deps, subscription);
}
