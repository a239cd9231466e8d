/**
 * What the billing page reads from the database (docs/domain.md "Billing page"): the workspace's
 * Stripe record as the sync last wrote it (Subscription) and its billable members, in one
 * transaction through the tenant client (the app role reads both under row-level security).
 */
import type { TenantDb } from "@atlas/db";
import { billableMembers, type SubscriptionStatus } from "./subscription.ts";

/** Every status the row may hold (the database's enum): the API's output schema lists them. */
export { SubscriptionStatus as SUBSCRIPTION_STATUSES } from "@atlas/db";

/** Statuses of a Stripe subscription that has ended: the workspace may subscribe again. */
const ENDED: readonly SubscriptionStatus[] = ["canceled", "incomplete_expired"];

export interface BillingAccount {
  /** Stripe's customer of the workspace; null until its first Checkout. */
  customerId: string | null;
  /** The Stripe subscription unless it has ended, as the sync stored it. */
  subscription: {
    id: string;
    status: SubscriptionStatus;
    /** The plan the row is on (the catalog key). */
    planKey: string;
    seats: number;
    trialEnd: Date | null;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
  } | null;
  /** Whether the workspace ever had a Stripe subscription (a trial is for the first one). */
  hadSubscription: boolean;
  /** Active memberships of every role (docs/domain.md "Seats"). */
  billableMembers: number;
}

export async function billingAccount(db: TenantDb, workspaceId: string): Promise<BillingAccount> {
  const [row, billable] = await db.$transaction(async (tx) => [
    await tx.subscription.findUnique({
      where: { workspaceId },
      select: {
        stripeCustomerId: true,
        stripeSubscriptionId: true,
        status: true,
        seats: true,
        trialEnd: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        plan: { select: { key: true } },
      },
    }),
    await billableMembers(tx, workspaceId),
  ]);
  const status = row?.status ?? null;
  const subscription =
    row?.stripeSubscriptionId && status !== null && !ENDED.includes(status)
      ? {
          id: row.stripeSubscriptionId,
          status,
          planKey: row.plan.key,
          seats: row.seats,
          trialEnd: row.trialEnd,
          currentPeriodEnd: row.currentPeriodEnd,
          cancelAtPeriodEnd: row.cancelAtPeriodEnd,
        }
      : null;
  return {
    customerId: row?.stripeCustomerId ?? null,
    subscription,
    hadSubscription: Boolean(row?.stripeSubscriptionId),
    billableMembers: billable,
  };
}

/** The workspace's Stripe customer, null before its first Checkout. */
export async function stripeCustomerOf(db: TenantDb, workspaceId: string): Promise<string | null> {
  const row = await db.subscription.findUnique({
    where: { workspaceId },
    select: { stripeCustomerId: true },
  });
  return row?.stripeCustomerId ?? null;
}
