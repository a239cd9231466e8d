import { receiveStripeWebhook } from "@atlas/billing";
import { send } from "@atlas/jobs";

/**
 * Stripe → Atlas (docs/architecture.md "Billing"): verified on the raw body, each event recorded
 * once, its work handed to the per-customer Inngest function; 404 with billing off.
 */
export async function POST(request: Request) {
  return receiveStripeWebhook(request, {
    handOn: (work) => send("atlas/billing.customer-sync", work),
  });
}
