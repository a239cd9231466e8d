/**
 * The billing page's summary (docs/domain.md "Billing page"): the plan from the workspace's
 * entitlement snapshot, seats used (billable members) and paid for (the subscription's
 * quantity), the subscription as the sync stored it, the change waiting for the period's end
 * and the next invoice as Stripe previews them now, the dunning ladder's dates, and the plan
 * comparison. Billing off: the self-hosted plan and its limits, nothing else. When Stripe cannot
 * be reached the page still shows what the database knows, and says what is missing.
 */
import { AppError, type EntitlementSnapshot } from "@atlas/core";
import { dunningTimeline, type DunningTimeline } from "@atlas/core/billing/dunning-timeline";
import { PLAN_CATALOG } from "@atlas/core/billing/plan-catalog";
import {
  isSelfServePlan,
  planComparison,
  snapshotFeatures,
  SELF_SERVE_PLAN_IDS,
  type FeatureRow,
  type SelfServePlanId,
} from "@atlas/core/billing/plan-change";
import { billingAccount } from "@atlas/core/services/billing/account";
import type { SubscriptionStatus, TenantDb } from "@atlas/db";
import type { BillingPageDeps } from "./deps.ts";
import { isStripeError, NO_UPCOMING_INVOICE, stripeFailure } from "./stripe-errors.ts";
import { isoOfSeconds, readLiveSubscription, type PendingChange } from "./live-subscription.ts";

export interface BillingWorkspace {
  id: string;
  entitlements: EntitlementSnapshot;
  /** Subscription.status and pastDueSince, as the member check read them (no extra query). */
  billingStatus: string | null;
  pastDueSince: Date | null;
}

interface Common {
  plan: { key: string; name: string };
  /** What the workspace's plan gives now, feature by feature. */
  features: ReturnType<typeof snapshotFeatures>;
}

export interface BillingSummaryOff extends Common {
  billingEnabled: false;
  seats: { used: number };
}

export interface NextInvoice {
  /** When Stripe will charge it (ISO). */
  date: string;
  amountDueCents: number;
  currency: string;
}

export interface BillingSummaryOn extends Common {
  billingEnabled: true;
  /** Whether the caller may act (owners); admins read. */
  canManage: boolean;
  seats: { used: number; paid: number | null };
  subscription: {
    status: SubscriptionStatus;
    plan: SelfServePlanId;
    trialEnd: string | null;
    currentPeriodEnd: string | null;
    cancelAtPeriodEnd: boolean;
    pendingChange: PendingChange | null;
  } | null;
  nextInvoice: NextInvoice | null;
  /** Why the Stripe-side parts (next invoice, pending change) are missing, else null. */
  stripeUnavailable: string | null;
  /** Whether the first Checkout would start with a trial. */
  trialAvailable: boolean;
  dunning: DunningTimeline;
  plans: { id: SelfServePlanId; name: string; pricePerSeatMonthlyCents: number }[];
  comparison: FeatureRow[];
}

export type BillingSummary = BillingSummaryOff | BillingSummaryOn;

export const BILLING_OFF_MESSAGE = "Billing is off on this server (self-hosted plan).";

/** The refusal of every billing action when billing is off. */
export function requireBilling(deps: BillingPageDeps | null): BillingPageDeps {
  if (!deps) throw new AppError("PRECONDITION_FAILED", BILLING_OFF_MESSAGE);
  return deps;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function billingSummary(
  db: TenantDb,
  deps: BillingPageDeps | null,
  input: { workspace: BillingWorkspace; canManage: boolean; now: Date },
): Promise<BillingSummary> {
  const { workspace } = input;
  const plan = { key: workspace.entitlements.planKey, name: workspace.entitlements.planName };
  const features = snapshotFeatures(workspace.entitlements);
  const account = await billingAccount(db, workspace.id);
  if (!deps) {
    return { billingEnabled: false, plan, features, seats: { used: account.billableMembers } };
  }

  const row = account.subscription;
  let pendingChange: PendingChange | null =
    row?.cancelAtPeriodEnd && row.currentPeriodEnd
      ? { plan: "free", effectiveAt: row.currentPeriodEnd.toISOString() }
      : null;
  let nextInvoice: NextInvoice | null = null;
  let stripeUnavailable: string | null = null;
  if (row) {
    const what = "show the next invoice";
    try {
      const [state, preview] = await Promise.all([
        readLiveSubscription(deps, row.id, what),
        deps.stripe.invoices.createPreview({ subscription: row.id }).catch((error: unknown) => {
          // A subscription that ends at the period's end has no next invoice.
          if (isStripeError(error) && error.code === NO_UPCOMING_INVOICE) return null;
          throw stripeFailure(error, what);
        }),
      ]);
      pendingChange = state.pending;
      nextInvoice = preview && {
        date: isoOfSeconds(preview.next_payment_attempt ?? preview.period_end),
        amountDueCents: preview.amount_due,
        currency: preview.currency,
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      stripeUnavailable = error.message;
    }
  }

  return {
    billingEnabled: true,
    canManage: input.canManage,
    plan,
    features,
    seats: { used: account.billableMembers, paid: row?.seats ?? null },
    subscription: row && {
      status: row.status,
      plan: isSelfServePlan(row.planKey) ? row.planKey : "free",
      trialEnd: iso(row.trialEnd),
      currentPeriodEnd: iso(row.currentPeriodEnd),
      cancelAtPeriodEnd: row.cancelAtPeriodEnd,
      pendingChange,
    },
    nextInvoice,
    stripeUnavailable,
    trialAvailable: !account.hadSubscription,
    dunning: dunningTimeline(
      { status: workspace.billingStatus, pastDueSince: workspace.pastDueSince },
      input.now,
    ),
    plans: SELF_SERVE_PLAN_IDS.map((id) => ({
      id,
      name: PLAN_CATALOG[id].name,
      pricePerSeatMonthlyCents: PLAN_CATALOG[id].pricePerSeatMonthlyCents,
    })),
    comparison: planComparison(),
  };
}
