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
export {
  billingDeps,
  consoleBillingLog,
  type BillingDeps,
  type BillingLog,
  type OwnerNotifier,
} from "./deps.ts";
export { planForPrice, priceForPlan, SOLD_PLANS, type SoldPlan } from "./prices.ts";
export { pickSubscription, subscriptionState } from "./state.ts";
export {
  ensureCustomer,
  isNoticeEvent,
  listBillingWorkspaces,
  notifyOwnersOf,
  processStripeEvent,
  reconcileWorkspace,
  syncCustomer,
  syncSeats,
  type CustomerSyncResult,
  type CustomerWorkspace,
  type NoticeEvent,
  type ReconcileResult,
  type SeatSyncResult,
  type StripeEventResult,
} from "./sync.ts";
export {
  handleStripeWebhook,
  HANDLED_STRIPE_EVENTS,
  isHandledStripeEvent,
  receiveStripeWebhook,
  STRIPE_WEBHOOK_PROVIDER,
  type HandledStripeEvent,
  type StripeEventWork,
  type StripeWebhookOptions,
} from "./webhooks/stripe.ts";
