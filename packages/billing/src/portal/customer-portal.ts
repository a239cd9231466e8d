/**
 * Stripe's Customer Portal for the workspace (docs/domain.md "Billing page"): the card, the
 * billing address and past invoices, then back to /billing. Only a workspace that has a Stripe
 * customer (it went through Checkout) has a portal.
 */
import { AppError } from "@atlas/core";
import { stripeCustomerOf } from "@atlas/core/services/billing/account";
import type { TenantDb } from "@atlas/db";
import { billingPageUrl, type BillingPageDeps } from "./deps.ts";
import { fromStripe } from "./stripe-errors.ts";

export async function openCustomerPortal(
  db: TenantDb,
  deps: BillingPageDeps,
  workspaceId: string,
): Promise<{ url: string }> {
  const customerId = await stripeCustomerOf(db, workspaceId);
  if (!customerId) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "This workspace has no payment method yet: choose a plan first.",
    );
  }
  const session = await fromStripe("open the payment settings", () =>
    deps.stripe.billingPortal.sessions.create({
      customer: customerId,
      return_url: billingPageUrl(deps),
    }),
  );
  return { url: session.url };
}
