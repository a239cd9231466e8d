export {
  BILLING_VARIABLES,
  billingConfig,
  billingEnabled,
  billingEnvShape,
  parseApiBase,
  requireBillingConfig,
  type BillingConfig,
  type StripeApiBase,
} from "./env.ts";
export { STRIPE_API_VERSION, stripeClient } from "./client.ts";
export { isSoldPlan, planForPrice, priceForPlan, SOLD_PLANS, type SoldPlan } from "./prices.ts";
