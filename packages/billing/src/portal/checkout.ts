/**
 * Checkout for a first paid plan (docs/domain.md "Billing page"): a Stripe Checkout Session in
 * subscription mode for the plan's per-seat price, one seat per billable member (at least one),
 * a 14-day trial when the workspace never had a subscription, the customer carrying
 * `metadata.workspaceId`, and the way back to /billing. Idempotent per request: the client's key
 * becomes Stripe's idempotency key, so a retried click answers with the same session. Refused
 * while a subscription is live (the plan is changed on the page, the card in the portal).
 */
import { AppError } from "@atlas/core";
import { billingAccount } from "@atlas/core/services/billing/account";
import { isPaidStatus } from "@atlas/core/services/billing/subscription";
import { getMe } from "@atlas/core/services/workspaces/workspaces";
import type { TenantDb } from "@atlas/db";
import { priceForPlan, type SoldPlan } from "../prices.ts";
import { subscriptionStatusOf } from "../state.ts";
import { ensureCustomer } from "../sync.ts";
import { billingPageUrl, type BillingPageDeps } from "./deps.ts";
import { fromStripe } from "./stripe-errors.ts";

/** A workspace's first subscription starts with this many free days. */
export const TRIAL_DAYS = 14;

const ALREADY_SUBSCRIBED =
  "This workspace already has a subscription: change the plan on this page, or update the card with Manage payment method.";

export interface CheckoutRequest {
  workspace: { id: string; name: string };
  /** The owner starting Checkout: Stripe sends receipts to their e-mail address. */
  userId: string;
  plan: SoldPlan;
  /** The client's key of this click (docs/domain.md "Idempotency"). */
  idempotencyKey: string;
}

export async function startCheckout(
  db: TenantDb,
  deps: BillingPageDeps,
  request: CheckoutRequest,
): Promise<{ url: string }> {
  const { workspace } = request;
  const account = await billingAccount(db, workspace.id);
  if (account.subscription && isPaidStatus(account.subscription.status)) {
    throw new AppError("CONFLICT", ALREADY_SUBSCRIBED);
  }
  const what = "open Checkout";
  const { email } = await getMe(db, request.userId);
  const customer = await fromStripe(what, () =>
    ensureCustomer(deps, { id: workspace.id, name: workspace.name, email }),
  );
  // Stripe is the judge: a subscription the webhook has not brought here yet counts too.
  const existing = await fromStripe(what, () =>
    deps.stripe.subscriptions.list({ customer, status: "all", limit: 100 }),
  );
  if (existing.data.some((s) => isPaidStatus(subscriptionStatusOf(s.status, deps.log)))) {
    throw new AppError("CONFLICT", ALREADY_SUBSCRIBED);
  }
  const isFirst = existing.data.length === 0 && !account.hadSubscription;
  const session = await fromStripe(what, () =>
    deps.stripe.checkout.sessions.create(
      {
        mode: "subscription",
        customer,
        client_reference_id: workspace.id,
        line_items: [
          {
            price: priceForPlan(deps.config, request.plan),
            quantity: Math.max(1, account.billableMembers),
          },
        ],
        subscription_data: {
          metadata: { workspaceId: workspace.id },
          ...(isFirst ? { trial_period_days: TRIAL_DAYS } : {}),
        },
        metadata: { workspaceId: workspace.id },
        success_url: billingPageUrl(deps, { checkout: "success" }),
        cancel_url: billingPageUrl(deps, { checkout: "canceled" }),
      },
      { idempotencyKey: `atlas-checkout-${workspace.id}-${request.idempotencyKey}` },
    ),
  );
  if (!session.url) {
    throw new AppError("BAD_GATEWAY", "Stripe did not return a Checkout page: try again.");
  }
  return { url: session.url };
}
