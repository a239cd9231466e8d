/**
 * Atlas ↔ Stripe (docs/architecture.md "Billing"): the customer of a workspace, the convergence
 * of its subscription, its paid seats (the monthly high-water mark, docs/adr/0010), the owners'
 * notices and the nightly reconcile. Every step re-reads Stripe and is idempotent: Inngest may
 * retry any of them, and webhooks may arrive twice or out of order.
 */
import { seatsToBill } from "@atlas/core/billing/seats";
import { PLAN_CATALOG, isPlanId } from "@atlas/core/billing/plan-catalog";
import { notifyOwners, type OwnerNotice } from "@atlas/core/services/billing/notify-owners";
import {
  applySubscription,
  billableMembers,
  isPaidStatus,
  readSubscriptionRow,
  recordCustomer,
  recordSeats,
  withBillingLock,
  workspaceOfCustomer,
  type AppliedSubscription,
  type SubscriptionState,
} from "@atlas/core/services/billing/subscription";
import type { Db } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import { createHash } from "node:crypto";
import Stripe from "stripe";
import type { BillingDeps } from "./deps.ts";
import { subscriptionState, subscriptionStatusOf } from "./state.ts";

const isMissing = (error: unknown) =>
  error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";

// ── The customer ─────────────────────────────────────────────────────────────────────────────

export interface CustomerWorkspace {
  id: string;
  name: string;
  /** Where Stripe sends receipts (the owner starting Checkout). */
  email?: string | null;
}

/**
 * The workspace's Stripe customer, created on first use with `metadata.workspaceId` (how a
 * webhook finds the workspace) and remembered on its Subscription row. Creating is idempotent
 * (Stripe's idempotency key per workspace and details); when two first checkouts race, the first
 * customer recorded wins and is the one returned to both.
 */
export async function ensureCustomer(
  deps: BillingDeps,
  workspace: CustomerWorkspace,
): Promise<string> {
  return withBypass(
    {
      actor: "billing:customer",
      reason: "find or create the workspace's Stripe customer",
      workspaceId: workspace.id,
    },
    async (db) => {
      const row = await readSubscriptionRow(db, workspace.id);
      if (row?.stripeCustomerId) return row.stripeCustomerId;
      const params = {
        name: workspace.name,
        ...(workspace.email ? { email: workspace.email } : {}),
        metadata: { workspaceId: workspace.id },
      } satisfies Stripe.CustomerCreateParams;
      const digest = createHash("sha256").update(JSON.stringify(params)).digest("hex").slice(0, 16);
      const customer = await deps.stripe.customers.create(params, {
        idempotencyKey: `atlas-customer-${workspace.id}-${digest}`,
      });
      return withBillingLock(db, workspace.id, (tx) =>
        recordCustomer(tx, workspace.id, customer.id),
      );
    },
    deps.bypassDb,
  );
}

/** The workspace a Stripe customer belongs to: its `metadata.workspaceId`, else the row's. */
async function workspaceOf(deps: BillingDeps, db: Db, customerId: string) {
  let fromMetadata: string | undefined;
  try {
    const customer = await deps.stripe.customers.retrieve(customerId);
    if (!customer.deleted) fromMetadata = customer.metadata.workspaceId || undefined;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const candidate = fromMetadata ?? (await workspaceOfCustomer(db, customerId));
  if (!candidate) return null;
  const exists = await db.workspace.findUnique({ where: { id: candidate }, select: { id: true } });
  return exists ? candidate : null;
}

/** The customer's state now, from all of its subscriptions. */
async function readState(deps: BillingDeps, customerId: string): Promise<SubscriptionState> {
  let subscriptions: Stripe.Subscription[] = [];
  try {
    // One page: a customer has one subscription at a time, and a few ended ones.
    const page = await deps.stripe.subscriptions.list({
      customer: customerId,
      status: "all",
      limit: 100,
    });
    subscriptions = page.data;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  return subscriptionState(deps.config, customerId, subscriptions, deps.log);
}

export type CustomerSyncResult =
  | {
      outcome: "applied";
      workspaceId: string;
      state: SubscriptionState;
      applied: AppliedSubscription;
    }
  | { outcome: "unknown_customer"; customerId: string };

/**
 * Re-reads the customer's subscriptions from Stripe and converges the workspace to the one that
 * matters (core's applySubscription), under the workspace's billing lock: whichever event, in
 * whichever order, the result is Stripe's current state. A customer no workspace claims is a
 * recorded no-op (`billing.customer_unknown`, platform-level audit entry).
 */
export async function syncCustomer(
  deps: BillingDeps,
  customerId: string,
  options: { source: string },
): Promise<CustomerSyncResult> {
  return withBypass(
    { actor: options.source, reason: `sync Stripe customer ${customerId}` },
    async (db) => {
      const workspaceId = await workspaceOf(deps, db, customerId);
      if (!workspaceId) {
        await db.auditLog.create({
          data: {
            workspaceId: null,
            actorUserId: null,
            action: "billing.customer_unknown",
            targetType: "stripe_customer",
            targetId: customerId,
            metadata: { source: options.source },
          },
        });
        deps.log.warn("Stripe customer of no workspace: nothing changed", { customerId });
        return { outcome: "unknown_customer", customerId } as const;
      }
      return withBillingLock(db, workspaceId, async (tx) => {
        const state = await readState(deps, customerId);
        const applied = await applySubscription(tx, workspaceId, state, {
          now: deps.now(),
          source: options.source,
        });
        return { outcome: "applied", workspaceId, state, applied } as const;
      });
    },
    deps.bypassDb,
  );
}

// ── Seats ────────────────────────────────────────────────────────────────────────────────────

export type SeatSyncResult =
  | { outcome: "not_subscribed"; workspaceId: string }
  | {
      outcome: "synced";
      workspaceId: string;
      stripeSubscriptionId: string;
      /** Stripe's quantity before. */
      before: number;
      after: number;
      billable: number;
      changed: boolean;
      reason: "new_period" | "raised" | "unchanged";
    };

/**
 * Applies the seat policy (core's seatsToBill) to the workspace's live subscription: a join
 * raises Stripe's quantity with `proration_behavior: "none"`, a new period resets it to the
 * billable members; recorded on the row with the period. Under the billing lock; the update's
 * idempotency key names the row's state it was decided from, so a retry of the same decision
 * never applies twice and a later decision is never mistaken for it.
 */
export async function syncSeats(
  deps: BillingDeps,
  workspaceId: string,
  options: { source: string },
): Promise<SeatSyncResult> {
  return withBypass(
    { actor: options.source, reason: "set the paid seats (high-water mark)", workspaceId },
    (db) =>
      withBillingLock(db, workspaceId, async (tx): Promise<SeatSyncResult> => {
        const row = await readSubscriptionRow(tx, workspaceId);
        if (!row?.stripeSubscriptionId || !isPaidStatus(row.status)) {
          return { outcome: "not_subscribed", workspaceId };
        }
        const subscription = await deps.stripe.subscriptions.retrieve(row.stripeSubscriptionId);
        const item = subscription.items.data[0];
        if (!item || !isPaidStatus(subscriptionStatusOf(subscription.status, deps.log))) {
          // The row is behind Stripe: the customer sync the same event triggers converges it.
          return { outcome: "not_subscribed", workspaceId };
        }
        const before = item.quantity ?? 1;
        const billable = await billableMembers(tx, workspaceId);
        const decision = seatsToBill({
          stripeQuantity: before,
          billable,
          periodStart: new Date(item.current_period_start * 1000),
          seatsPeriodStart: row.seatsPeriodStart,
        });
        if (decision.changed) {
          const decidedFrom = (row.syncedAt ?? row.updatedAt).getTime();
          await deps.stripe.subscriptions.update(
            subscription.id,
            { items: [{ id: item.id, quantity: decision.quantity }], proration_behavior: "none" },
            {
              idempotencyKey: `atlas-seats-${subscription.id}-${before}-${decision.quantity}-${decidedFrom}`,
            },
          );
        }
        await recordSeats(tx, workspaceId, {
          quantity: decision.quantity,
          seatsPeriodStart: decision.seatsPeriodStart,
          now: deps.now(),
        });
        return {
          outcome: "synced",
          workspaceId,
          stripeSubscriptionId: subscription.id,
          before,
          after: decision.quantity,
          billable,
          changed: decision.changed,
          reason: decision.reason,
        };
      }),
    deps.bypassDb,
  );
}

// ── Owners' notices ──────────────────────────────────────────────────────────────────────────

/** Event types that tell the owners something (docs/domain.md "Billing events"). */
export type NoticeEvent = "invoice.payment_failed" | "customer.subscription.trial_will_end";

const DAY_MS = 86_400_000;

/**
 * Notifies the owners of what the event means, once per invoice (payment failed) or per trial
 * end, and only while it is still true after the sync (a late failure event of an invoice since
 * paid says nothing): it reads the converged row, not the event. Returns how many were new.
 */
export async function notifyOwnersOf(
  deps: BillingDeps,
  input: { workspaceId: string; type: NoticeEvent; objectId: string },
): Promise<number> {
  const { workspaceId } = input;
  const selected: { notice: OwnerNotice | null; owners: string[]; notified?: number } =
    await withBypass(
      { actor: "job:billing-notify", reason: `notify owners of ${input.type}`, workspaceId },
      async (db) => {
        const [row, workspace] = await Promise.all([
          readSubscriptionRow(db, workspaceId),
          db.workspace.findUniqueOrThrow({
            where: { id: workspaceId },
            select: { plan: { select: { key: true } } },
          }),
        ]);
        const planKey = workspace.plan.key;
        const planName = isPlanId(planKey) ? PLAN_CATALOG[planKey].name : planKey;
        let notice: OwnerNotice | null = null;
        if (
          input.type === "invoice.payment_failed" &&
          (row?.status === "past_due" || row?.status === "unpaid")
        ) {
          notice = {
            kind: "billing.payment_failed",
            title: `Payment failed for your ${planName} plan`,
            body:
              "Stripe could not collect the latest invoice. Update the payment method from Billing → Manage billing. " +
              "After 7 days new AI suggestions and invitations pause; after 14 days the workspace becomes read-only. Nothing is deleted.",
            dedupeKey: `billing.payment_failed:${input.objectId}`,
            data: { invoiceId: input.objectId },
          };
        } else if (
          input.type === "customer.subscription.trial_will_end" &&
          row?.status === "trialing" &&
          row.trialEnd
        ) {
          const days = Math.max(
            1,
            Math.ceil((row.trialEnd.getTime() - deps.now().getTime()) / DAY_MS),
          );
          notice = {
            kind: "billing.trial_will_end",
            title: `Your ${planName} trial ends in ${days} ${days === 1 ? "day" : "days"}`,
            body: `Add a payment method from Billing → Manage billing to keep the ${planName} plan when the trial ends.`,
            dedupeKey: `billing.trial_will_end:${row.stripeSubscriptionId}:${row.trialEnd.toISOString()}`,
            data: { trialEnd: row.trialEnd.toISOString() },
          };
        }
        if (!notice) return { notice, owners: [] };
        if (!deps.notifyOwner)
          return { notice, owners: [], notified: await notifyOwners(db, workspaceId, notice) };
        const owners = await db.membership.findMany({
          where: { workspaceId, role: "owner", leftAt: null },
          select: { userId: true },
          orderBy: { userId: "asc" },
        });
        return { notice, owners: owners.map((o) => o.userId) };
      },
      deps.bypassDb,
    );
  const { notice, owners } = selected;
  if (!notice || !deps.notifyOwner) return selected.notified ?? 0;
  // Through notify(), outside the bypass transaction: critical, so it reaches every owner.
  let notified = 0;
  for (const userId of owners) {
    if (await deps.notifyOwner({ workspaceId, userId }, notice)) notified += 1;
  }
  return notified;
}

export function isNoticeEvent(type: string): type is NoticeEvent {
  return type === "invoice.payment_failed" || type === "customer.subscription.trial_will_end";
}

// ── One Stripe event's work ──────────────────────────────────────────────────────────────────

export interface StripeEventResult {
  customer: CustomerSyncResult;
  seats: SeatSyncResult | null;
  notified: number;
}

/**
 * What one handled Stripe event starts (the webhook hands it on; the Inngest function runs the
 * same three steps): converge the customer, apply the seat policy (the first sync of a new period
 * lowers the seats), notify the owners when the event calls for it.
 */
export async function processStripeEvent(
  deps: BillingDeps,
  work: { customerId: string; type: string; objectId: string },
): Promise<StripeEventResult> {
  const source = "job:billing-customer-sync";
  const customer = await syncCustomer(deps, work.customerId, { source });
  if (customer.outcome !== "applied") return { customer, seats: null, notified: 0 };
  const seats = await syncSeats(deps, customer.workspaceId, { source });
  const notified = isNoticeEvent(work.type)
    ? await notifyOwnersOf(deps, {
        workspaceId: customer.workspaceId,
        type: work.type,
        objectId: work.objectId,
      })
    : 0;
  return { customer, seats, notified };
}

// ── The reconcile ────────────────────────────────────────────────────────────────────────────

/** Workspaces with a Stripe customer: what the nightly reconcile fans out to. */
export async function listBillingWorkspaces(deps: Pick<BillingDeps, "bypassDb">) {
  return withBypass(
    { actor: "job:billing-reconcile", reason: "list workspaces with a Stripe customer" },
    async (db) => {
      const rows = await db.subscription.findMany({
        where: { stripeCustomerId: { not: null } },
        select: { workspaceId: true },
        orderBy: { workspaceId: "asc" },
      });
      return rows.map((row) => row.workspaceId);
    },
    deps.bypassDb,
  );
}

export interface ReconcileResult {
  workspaceId: string;
  customer: CustomerSyncResult | null;
  seats: SeatSyncResult | null;
  /** Whether drift was found and corrected (and audited). */
  drift: boolean;
}

/**
 * The nightly reconcile of one workspace: converge to Stripe, then apply the seat policy. Drift —
 * Atlas's recorded seats differing from Stripe's quantity, or Stripe's quantity differing from
 * the policy — is corrected and recorded as `billing.seats_reconciled` (before, after, billable).
 */
export async function reconcileWorkspace(
  deps: BillingDeps,
  workspaceId: string,
): Promise<ReconcileResult> {
  const source = "job:billing-reconcile";
  const row = await withBypass(
    { actor: source, reason: "read the workspace's billing row", workspaceId },
    (db) => readSubscriptionRow(db, workspaceId),
    deps.bypassDb,
  );
  if (!row?.stripeCustomerId) return { workspaceId, customer: null, seats: null, drift: false };
  const customer = await syncCustomer(deps, row.stripeCustomerId, { source });
  const seats = await syncSeats(deps, workspaceId, { source });
  const drift =
    seats.outcome === "synced" &&
    (seats.changed || (row.status !== null && row.seats !== seats.before));
  if (drift) {
    await withBypass(
      { actor: source, reason: "record corrected seat drift", workspaceId },
      (db) =>
        db.auditLog.create({
          data: {
            workspaceId,
            actorUserId: null,
            action: "billing.seats_reconciled",
            targetType: "subscription",
            targetId: seats.stripeSubscriptionId,
            metadata: {
              recorded: row.seats,
              before: seats.before,
              after: seats.after,
              billable: seats.billable,
              reason: seats.reason,
            },
          },
        }),
      deps.bypassDb,
    );
    deps.log.info("seat drift corrected", {
      workspaceId,
      before: seats.before,
      after: seats.after,
    });
  }
  return { workspaceId, customer, seats, drift };
}
