/**
 * The workspace's subscription as Stripe last said it (docs/architecture.md "Billing",
 * docs/domain.md "Seats"). Core knows nothing of Stripe: packages/billing reads the customer's
 * subscription and hands over a plain `SubscriptionState`.
 *
 * `applySubscription` converges the Subscription row, the workspace's plan and its entitlement
 * snapshot to that state. It is always given the CURRENT state (re-read from Stripe, never taken
 * from an event's payload), so applying states in any order, or the same one twice, ends where
 * Stripe is: order-independent and idempotent. Rules:
 * - the plan: the subscription's plan while it is trialing, active, past_due or unpaid; the free
 *   plan when it is canceled, incomplete, incomplete_expired, paused, or there is none. Nothing
 *   of the workspace is deleted; each plan change writes a `billing.plan_changed` audit entry;
 * - `pastDueSince`: set when the subscription enters past_due (or unpaid, the end of the same run
 *   of failed payments) and kept while it stays there; cleared otherwise. The dunning ladder
 *   (core/billing/dunning.ts) counts from it;
 * - `seatsPeriodStart`: a new Stripe subscription starts with its period (Checkout billed the
 *   members then); the seat sync (seatsToBill) moves it at each new period.
 * Runs on the bypass client (the app role cannot write the row or the snapshot), inside
 * `withBillingLock`: the caller reads Stripe and applies under one per-workspace lock, so a seat
 * sync, a reconcile or another event's sync never interleaves between the read and the write.
 */
import type { Db } from "@atlas/db";
import type { PlanId } from "../../billing/plan-catalog.ts";
import { lockName } from "../shared/locks.ts";
import { setWorkspacePlan } from "./snapshot.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Stripe's subscription statuses, as the Subscription row stores them. */
export type SubscriptionStatus =
  | "trialing"
  | "active"
  | "past_due"
  | "unpaid"
  | "canceled"
  | "incomplete"
  | "incomplete_expired"
  | "paused";

/** The statuses that keep the paid plan. */
const PAID_STATUSES: readonly SubscriptionStatus[] = ["trialing", "active", "past_due", "unpaid"];
/** The statuses of one run of failed payments (the dunning ladder). */
const DUNNING_STATUSES: readonly SubscriptionStatus[] = ["past_due", "unpaid"];

export interface SubscriptionState {
  stripeCustomerId: string;
  /** "none": the customer has no subscription at all. */
  status: SubscriptionStatus | "none";
  /** The plan its price sells; "free" for a price Atlas does not know (logged by the caller). */
  plan: Extract<PlanId, "free" | "team" | "coach">;
  stripeSubscriptionId: string | null;
  priceId: string | null;
  /** The item's quantity. */
  seats: number;
  /** From the subscription item (`items.data[0].current_period_start/end`). */
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
}

/** The state of a customer with no subscription at all: the free plan. */
export function noSubscription(stripeCustomerId: string): SubscriptionState {
  return {
    stripeCustomerId,
    status: "none",
    plan: "free",
    stripeSubscriptionId: null,
    priceId: null,
    seats: 1,
    currentPeriodStart: null,
    currentPeriodEnd: null,
    trialEnd: null,
    cancelAtPeriodEnd: false,
    canceledAt: null,
  };
}

export interface ApplyOptions {
  now: Date;
  /** Who converged it, for the audit: "webhook:stripe", "job:billing-reconcile". */
  source: string;
}

export interface AppliedSubscription {
  workspaceId: string;
  status: { from: SubscriptionStatus | null; to: SubscriptionStatus | null };
  plan: { from: string | null; to: PlanId };
  pastDueSince: Date | null;
  seatsPeriodStart: Date | null;
}

/** The plan a workspace is on in `state`. */
export function planOfState(state: Pick<SubscriptionState, "status" | "plan">): PlanId {
  return state.status !== "none" && isPaidStatus(state.status) ? state.plan : "free";
}

/** How long one billing change may hold its lock: it may wait on one Stripe call (with retries). */
const BILLING_TRANSACTION = { maxWait: 15_000, timeout: 90_000 } as const;

/**
 * Runs `work` in one transaction on the bypass client holding the workspace's billing lock (a
 * transaction-level advisory lock), so the Stripe read and the write that follows it never
 * interleave with another sync, seat change or reconcile of the same workspace.
 */
export async function withBillingLock<T>(
  bypass: Db,
  workspaceId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return bypass.$transaction(async (tx) => {
    await lockName(tx, `billing:${workspaceId}`);
    return work(tx);
  }, BILLING_TRANSACTION);
}

/**
 * Converges the workspace to `state` (see the module comment), inside `withBillingLock`'s
 * transaction.
 */
export async function applySubscription(
  tx: Tx,
  workspaceId: string,
  state: SubscriptionState,
  options: ApplyOptions,
): Promise<AppliedSubscription> {
  const existing = await tx.subscription.findUnique({
    where: { workspaceId },
    select: {
      status: true,
      pastDueSince: true,
      stripeSubscriptionId: true,
      seatsPeriodStart: true,
      seats: true,
    },
  });
  const status = state.status === "none" ? null : state.status;
  const planId = planOfState(state);
  const inDunning = status !== null && DUNNING_STATUSES.includes(status);
  const wasInDunning = existing?.status != null && DUNNING_STATUSES.includes(existing.status);
  const pastDueSince = inDunning
    ? wasInDunning && existing?.pastDueSince
      ? existing.pastDueSince
      : options.now
    : null;
  const isNewSubscription =
    state.stripeSubscriptionId !== null &&
    state.stripeSubscriptionId !== (existing?.stripeSubscriptionId ?? null);
  const seatsPeriodStart = isNewSubscription
    ? state.currentPeriodStart
    : state.stripeSubscriptionId === null
      ? null
      : (existing?.seatsPeriodStart ?? null);

  const plan = await tx.plan.findUniqueOrThrow({ where: { key: planId }, select: { id: true } });
  const row = {
    planId: plan.id,
    stripeCustomerId: state.stripeCustomerId,
    stripeSubscriptionId: state.stripeSubscriptionId,
    stripePriceId: state.priceId,
    status,
    // A customer without a subscription keeps the last count (the column's floor is one).
    seats: state.status === "none" ? (existing?.seats ?? 1) : Math.max(1, state.seats),
    currentPeriodStart: state.currentPeriodStart,
    currentPeriodEnd: state.currentPeriodEnd,
    trialEnd: state.trialEnd,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    canceledAt: state.canceledAt,
    pastDueSince,
    seatsPeriodStart,
    syncedAt: options.now,
  };
  await tx.subscription.upsert({
    where: { workspaceId },
    create: { workspaceId, ...row },
    update: row,
  });

  const change = await setWorkspacePlan(tx, workspaceId, planId);
  if (change.changed) {
    await tx.auditLog.create({
      data: {
        workspaceId,
        actorUserId: null,
        action: "billing.plan_changed",
        targetType: "workspace",
        targetId: workspaceId,
        metadata: {
          from: change.from,
          to: change.to,
          status: status ?? "none",
          stripeSubscriptionId: state.stripeSubscriptionId,
          source: options.source,
        },
      },
    });
  }
  return {
    workspaceId,
    status: { from: existing?.status ?? null, to: status },
    plan: { from: change.from, to: change.to },
    pastDueSince,
    seatsPeriodStart,
  };
}

/** Billable members (docs/domain.md "Seats"): active memberships of every role, coaches included. */
export async function billableMembers(tx: Pick<Tx, "membership">, workspaceId: string) {
  return tx.membership.count({ where: { workspaceId, leftAt: null } });
}

/** The workspace whose Subscription row holds this Stripe customer, if any. */
export async function workspaceOfCustomer(
  bypass: Pick<Db, "subscription">,
  stripeCustomerId: string,
): Promise<string | null> {
  const row = await bypass.subscription.findUnique({
    where: { stripeCustomerId },
    select: { workspaceId: true },
  });
  return row?.workspaceId ?? null;
}

/** Records the seats Atlas set on Stripe and the period they were set for. */
export async function recordSeats(
  tx: Tx,
  workspaceId: string,
  seats: { quantity: number; seatsPeriodStart: Date; now: Date },
) {
  await tx.subscription.update({
    where: { workspaceId },
    data: {
      seats: Math.max(1, seats.quantity),
      seatsPeriodStart: seats.seatsPeriodStart,
      syncedAt: seats.now,
    },
  });
}

/**
 * Remembers the workspace's Stripe customer (created for its first Checkout) on its Subscription
 * row: a new row has no status and the free plan; an existing row keeps its customer. Returns the
 * customer the workspace has now (the first one recorded wins a race).
 */
export async function recordCustomer(
  tx: Tx,
  workspaceId: string,
  stripeCustomerId: string,
): Promise<string> {
  const existing = await tx.subscription.findUnique({
    where: { workspaceId },
    select: { stripeCustomerId: true },
  });
  if (existing?.stripeCustomerId) return existing.stripeCustomerId;
  if (existing) {
    await tx.subscription.update({ where: { workspaceId }, data: { stripeCustomerId } });
  } else {
    const free = await tx.plan.findUniqueOrThrow({ where: { key: "free" }, select: { id: true } });
    await tx.subscription.create({
      data: { workspaceId, planId: free.id, stripeCustomerId, status: null },
    });
  }
  return stripeCustomerId;
}

/** The workspace's billing row as the seat sync and the billing page need it. */
export async function readSubscriptionRow(tx: Pick<Tx, "subscription">, workspaceId: string) {
  return tx.subscription.findUnique({
    where: { workspaceId },
    select: {
      stripeCustomerId: true,
      stripeSubscriptionId: true,
      status: true,
      seats: true,
      seatsPeriodStart: true,
      pastDueSince: true,
      trialEnd: true,
      syncedAt: true,
      updatedAt: true,
    },
  });
}

/** Whether a subscription in `status` keeps the paid plan (and so bills seats). */
export function isPaidStatus(status: SubscriptionStatus | null | undefined): boolean {
  return status != null && PAID_STATUSES.includes(status);
}
