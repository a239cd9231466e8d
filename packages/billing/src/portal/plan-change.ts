/**
 * Changing the plan of a live subscription (docs/domain.md "Billing page"), always previewed
 * first, so no proration is a surprise:
 * - an upgrade (Team → Coach) applies now: the prorated difference to the period's end is
 *   charged at once (`always_invoice`), computed at the preview's `prorationDate` so the charge
 *   is exactly the amount shown; a declined card leaves the plan unchanged
 *   (`error_if_incomplete`). A preview is good for 30 minutes;
 * - a downgrade applies at the period's end, nothing is refunded or charged now: to Free, the
 *   subscription ends then (cancel at period end); Coach → Team, a subscription schedule switches
 *   the price then (its second phase, no proration), and the workspace keeps Coach until then;
 * - choosing the current plan while a downgrade waits keeps it (the schedule is released, the
 *   cancellation withdrawn).
 * After a change the workspace converges at once (syncCustomer) rather than waiting for the
 * webhook, which converges it again to the same state.
 */
import { AppError } from "@atlas/core";
import {
  featureChanges,
  planDirection,
  type FeatureChange,
  type SelfServePlanId,
} from "@atlas/core/billing/plan-change";
import { PLAN_CATALOG } from "@atlas/core/billing/plan-catalog";
import { billingAccount } from "@atlas/core/services/billing/account";
import type { TenantDb } from "@atlas/db";
import type Stripe from "stripe";
import { priceForPlan } from "../prices.ts";
import { syncCustomer } from "../sync.ts";
import type { BillingPageDeps } from "./deps.ts";
import { isoOfSeconds, readLiveSubscription, type LiveSubscription } from "./live-subscription.ts";
import { fromStripe } from "./stripe-errors.ts";

/** How long a previewed upgrade price may be confirmed. */
export const PREVIEW_VALID_SECONDS = 30 * 60;

export type PlanChangeKind = "upgrade" | "downgrade" | "keep";

export interface PlanChangePreview {
  from: SelfServePlanId;
  to: SelfServePlanId;
  kind: PlanChangeKind;
  /** When it applies (ISO): now for an upgrade or keeping the plan; the period's end otherwise. */
  effectiveAt: string;
  /** Charged at once: the prorated difference to the period's end (0 when nothing is). */
  dueNowCents: number;
  currency: string;
  /** The first regular invoice after the change; null when none follows (Free) or none changes. */
  nextInvoice: { date: string; amountDueCents: number } | null;
  seats: number;
  /** What the workspace gains or loses, feature by feature (for "keep": what it keeps). */
  changes: FeatureChange[];
  /** An upgrade's proration instant (Unix seconds): send it back to confirm this exact price. */
  prorationDate: number | null;
}

export interface PlanChangeResult {
  plan: SelfServePlanId;
  kind: PlanChangeKind;
  effectiveAt: string;
}

interface Context {
  customerId: string;
  live: LiveSubscription;
  from: SelfServePlanId;
  kind: PlanChangeKind;
  seats: number;
}

/** The live subscription and what choosing `to` means for it; refuses what cannot change. */
async function contextFor(
  db: TenantDb,
  deps: BillingPageDeps,
  workspaceId: string,
  to: SelfServePlanId,
  what: string,
): Promise<Context> {
  const account = await billingAccount(db, workspaceId);
  const row = account.subscription;
  if (!row || !account.customerId) {
    throw to === "free"
      ? new AppError("CONFLICT", "The workspace is already on the Free plan.")
      : new AppError(
          "PRECONDITION_FAILED",
          "This workspace has no subscription yet: choose a plan to open Checkout.",
        );
  }
  if (row.status !== "active" && row.status !== "trialing") {
    throw new AppError(
      "PRECONDITION_FAILED",
      row.status === "past_due" || row.status === "unpaid"
        ? "A payment is overdue: update the card with Manage payment method before changing the plan."
        : `The subscription is ${row.status.replace("_", " ")}: finish it with Manage payment method before changing the plan.`,
    );
  }
  const live = await readLiveSubscription(deps, row.id, what);
  if (!live.plan) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "This subscription's price is not one Atlas sells: change it with Manage payment method.",
    );
  }
  const from = live.plan;
  let kind: PlanChangeKind;
  if (to === from) {
    if (!live.pending) {
      throw new AppError(
        "CONFLICT",
        `The workspace is already on the ${PLAN_CATALOG[to].name} plan.`,
      );
    }
    kind = "keep";
  } else {
    kind = planDirection(from, to) === "upgrade" ? "upgrade" : "downgrade";
  }
  return { customerId: account.customerId, live, from, kind, seats: live.item.quantity ?? 1 };
}

/** The Stripe price of a plan on sale (Free has none: it is no subscription). */
function priceOf(deps: BillingPageDeps, plan: SelfServePlanId): string {
  if (plan === "free") throw new Error("The Free plan has no Stripe price.");
  return priceForPlan(deps.config, plan);
}

const isProration = (line: Stripe.InvoiceLineItem) =>
  line.parent?.subscription_item_details?.proration === true;

/** Stripe's invoice for the subscription with `details` applied (nothing is changed). */
function previewWith(
  deps: BillingPageDeps,
  context: Context,
  details: Stripe.InvoiceCreatePreviewParams.SubscriptionDetails,
  what: string,
) {
  return fromStripe(what, () =>
    deps.stripe.invoices.createPreview({
      customer: context.customerId,
      subscription: context.live.subscription.id,
      subscription_details: {
        // The change also withdraws a pending cancellation.
        ...(context.live.subscription.cancel_at_period_end ? { cancel_at_period_end: false } : {}),
        ...details,
      },
    }),
  );
}

export async function previewPlanChange(
  db: TenantDb,
  deps: BillingPageDeps,
  input: { workspaceId: string; plan: SelfServePlanId },
): Promise<PlanChangePreview> {
  const what = "preview the plan change";
  const context = await contextFor(db, deps, input.workspaceId, input.plan, what);
  const { live, from, kind, seats } = context;
  const periodEnd = isoOfSeconds(live.item.current_period_end);
  const base = {
    from,
    to: input.plan,
    kind,
    seats,
    currency: live.subscription.currency,
    dueNowCents: 0,
    nextInvoice: null,
    prorationDate: null,
  };
  if (kind === "keep") {
    return {
      ...base,
      effectiveAt: deps.now().toISOString(),
      changes: featureChanges(live.pending!.plan, from),
    };
  }
  const changes = featureChanges(from, input.plan);
  if (input.plan === "free") return { ...base, effectiveAt: periodEnd, changes };

  const item = { id: live.item.id, price: priceOf(deps, input.plan), quantity: seats };
  if (kind === "upgrade") {
    const prorationDate = Math.floor(deps.now().getTime() / 1000);
    const invoice = await previewWith(
      deps,
      context,
      { items: [item], proration_behavior: "create_prorations", proration_date: prorationDate },
      what,
    );
    const lines = invoice.lines.data;
    return {
      ...base,
      effectiveAt: isoOfSeconds(prorationDate),
      changes,
      dueNowCents: Math.max(
        0,
        lines.filter(isProration).reduce((sum, line) => sum + line.amount, 0),
      ),
      nextInvoice: {
        date: periodEnd,
        amountDueCents: lines
          .filter((line) => !isProration(line))
          .reduce((sum, line) => sum + line.amount, 0),
      },
      prorationDate,
    };
  }
  const invoice = await previewWith(
    deps,
    context,
    { items: [item], proration_behavior: "none" },
    what,
  );
  return {
    ...base,
    effectiveAt: periodEnd,
    changes,
    nextInvoice: { date: periodEnd, amountDueCents: invoice.amount_due },
  };
}

export async function changePlan(
  db: TenantDb,
  deps: BillingPageDeps,
  input: { workspaceId: string; plan: SelfServePlanId; prorationDate?: number },
): Promise<PlanChangeResult> {
  const what = "change the plan";
  const context = await contextFor(db, deps, input.workspaceId, input.plan, what);
  const { live, kind } = context;
  const subscriptionId = live.subscription.id;
  const periodEnd = live.item.current_period_end;
  const stripe = deps.stripe;
  const releaseSchedule = async () => {
    if (live.schedule) {
      const scheduleId = live.schedule.id;
      await fromStripe(what, () => stripe.subscriptionSchedules.release(scheduleId));
    }
  };
  const setCancelAtPeriodEnd = async (cancel: boolean) => {
    if (live.subscription.cancel_at_period_end === cancel) return;
    await fromStripe(what, () =>
      stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel }),
    );
  };

  let effectiveAt = isoOfSeconds(periodEnd);
  if (kind === "keep") {
    await releaseSchedule();
    await setCancelAtPeriodEnd(false);
    effectiveAt = deps.now().toISOString();
  } else if (kind === "upgrade") {
    const prorationDate = checkedProrationDate(input.prorationDate, live, deps.now());
    await releaseSchedule();
    await fromStripe(what, () =>
      stripe.subscriptions.update(
        subscriptionId,
        {
          items: [
            {
              id: live.item.id,
              price: priceOf(deps, input.plan),
              quantity: context.seats,
            },
          ],
          proration_behavior: "always_invoice",
          proration_date: prorationDate,
          payment_behavior: "error_if_incomplete",
          ...(live.subscription.cancel_at_period_end ? { cancel_at_period_end: false } : {}),
        },
        { idempotencyKey: `atlas-upgrade-${subscriptionId}-${input.plan}-${prorationDate}` },
      ),
    );
    effectiveAt = isoOfSeconds(prorationDate);
  } else if (input.plan === "free") {
    await releaseSchedule();
    await setCancelAtPeriodEnd(true);
  } else if (live.pending?.plan !== input.plan) {
    await setCancelAtPeriodEnd(false);
    await scheduleDowngrade(deps, live, priceOf(deps, input.plan), context.seats, what);
  }

  await syncCustomer(deps, context.customerId, { source: "web:billing-page" }).catch(
    (error: unknown) =>
      // The webhook converges it too: the change itself succeeded.
      deps.log.warn("billing page: sync after a plan change failed", { error: String(error) }),
  );
  return { plan: input.plan, kind, effectiveAt };
}

/** The preview's proration instant, if it is recent and inside the current period. */
function checkedProrationDate(
  prorationDate: number | undefined,
  live: LiveSubscription,
  now: Date,
): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (
    prorationDate === undefined ||
    prorationDate > nowSeconds ||
    nowSeconds - prorationDate > PREVIEW_VALID_SECONDS ||
    prorationDate < live.item.current_period_start
  ) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "Preview the upgrade again: the price you confirm is the one from a preview of the last 30 minutes.",
    );
  }
  return prorationDate;
}

/**
 * Coach → Team at the period's end: a schedule over the subscription whose first phase is the
 * current period as it is and whose second switches the price (no proration), then releases.
 */
async function scheduleDowngrade(
  deps: BillingPageDeps,
  live: LiveSubscription,
  price: string,
  seats: number,
  what: string,
) {
  const stripe = deps.stripe;
  const schedule =
    live.schedule ??
    (await fromStripe(what, () =>
      stripe.subscriptionSchedules.create({ from_subscription: live.subscription.id }),
    ));
  const current = schedule.phases[0]!;
  await fromStripe(what, () =>
    stripe.subscriptionSchedules.update(schedule.id, {
      end_behavior: "release",
      phases: [
        {
          items: [{ price: live.item.price.id, quantity: seats }],
          start_date: current.start_date,
          end_date: live.item.current_period_end,
        },
        {
          items: [{ price, quantity: seats }],
          duration: { interval: "month", interval_count: 1 },
          proration_behavior: "none",
        },
      ],
    }),
  );
}
