-- Billing's sync (docs/architecture.md "Billing"): the Subscription row mirrors Stripe.

-- Every status Stripe's subscriptions have: the row mirrors the subscription as Stripe says it
-- (incomplete_expired and paused move the workspace to the free plan, like canceled).
ALTER TYPE "SubscriptionStatus" ADD VALUE IF NOT EXISTS 'incomplete_expired';
ALTER TYPE "SubscriptionStatus" ADD VALUE IF NOT EXISTS 'paused';

-- The row is the workspace's Stripe record from the moment it has a Stripe customer (created for
-- its first Checkout): status null = a customer with no subscription (checkout not finished, or
-- never subscribed). A Stripe subscription id always comes with its status.
ALTER TABLE "Subscription" ALTER COLUMN "status" DROP NOT NULL;
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_status_check"
  CHECK ("status" IS NOT NULL OR "stripeSubscriptionId" IS NULL);
