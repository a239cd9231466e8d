/**
 * What the billing page compares and what a plan change gains or loses (docs/domain.md "Billing
 * page"), read from the plan catalog alone. Pure: no database, no Stripe.
 */
import {
  LIMIT_UNITS,
  PLAN_CATALOG,
  PLAN_FEATURES,
  PLAN_FEATURE_NAMES,
  UPGRADE_ORDER,
  featureOf,
  type Entitlement,
  type EntitlementSnapshot,
  type PlanFeature,
  type PlanId,
} from "./plan-catalog.ts";

/**
 * The plans of a workspace with billing on, cheapest first: free (no subscription) and the plans
 * on sale (UPGRADE_ORDER as a type).
 */
export const SELF_SERVE_PLAN_IDS = ["free", "team", "coach"] as const satisfies readonly PlanId[];
export type SelfServePlanId = (typeof SELF_SERVE_PLAN_IDS)[number];

export function isSelfServePlan(planKey: string): planKey is SelfServePlanId {
  return (SELF_SERVE_PLAN_IDS as readonly string[]).includes(planKey);
}

/** "5 members", "Unlimited", "Included", "—" (none): one cell of the comparison. */
export function entitlementText(feature: PlanFeature, entitlement: Entitlement): string {
  if (PLAN_FEATURES[feature].kind === "flag") return entitlement.isEnabled ? "Included" : "—";
  if (!entitlement.isEnabled || entitlement.limitValue === 0) return "—";
  if (entitlement.limitValue === null) return "Unlimited";
  return `${entitlement.limitValue} ${LIMIT_UNITS[feature as keyof typeof LIMIT_UNITS]}`;
}

/** A limit's generosity as a number (unlimited = ∞, not included = 0); a flag is 1 or 0. */
function amountOf(feature: PlanFeature, entitlement: Entitlement): number {
  if (!entitlement.isEnabled) return 0;
  if (PLAN_FEATURES[feature].kind === "flag") return 1;
  return entitlement.limitValue ?? Number.POSITIVE_INFINITY;
}

export interface FeatureRow {
  feature: PlanFeature;
  label: string;
  /** The cell's text for each self-serve plan. */
  values: Record<SelfServePlanId, string>;
}

/** The comparison table: every feature, what each self-serve plan gives. */
export function planComparison(): FeatureRow[] {
  return PLAN_FEATURE_NAMES.map((feature) => ({
    feature,
    label: PLAN_FEATURES[feature].label,
    values: Object.fromEntries(
      SELF_SERVE_PLAN_IDS.map((id) => [
        id,
        entitlementText(feature, PLAN_CATALOG[id].entitlements[feature]),
      ]),
    ) as Record<SelfServePlanId, string>,
  }));
}

/** What a workspace's own snapshot gives (the self-hosted plan's configured limits included). */
export function snapshotFeatures(
  snapshot: EntitlementSnapshot,
): { feature: PlanFeature; label: string; value: string }[] {
  return PLAN_FEATURE_NAMES.map((feature) => ({
    feature,
    label: PLAN_FEATURES[feature].label,
    value: entitlementText(feature, featureOf(snapshot, feature)),
  }));
}

export type PlanDirection = "upgrade" | "downgrade" | "none";

/** Up or down the sold plans' order. */
export function planDirection(from: SelfServePlanId, to: SelfServePlanId): PlanDirection {
  const delta = UPGRADE_ORDER.indexOf(to) - UPGRADE_ORDER.indexOf(from);
  return delta > 0 ? "upgrade" : delta < 0 ? "downgrade" : "none";
}

export interface FeatureChange {
  feature: PlanFeature;
  label: string;
  from: string;
  to: string;
  /** Whether the workspace gets less of it (a flag turned off, a lower limit). */
  isLoss: boolean;
}

/** Every feature whose entitlement differs between the two plans, losses first. */
export function featureChanges(from: SelfServePlanId, to: SelfServePlanId): FeatureChange[] {
  const changes = PLAN_FEATURE_NAMES.flatMap((feature) => {
    const a = PLAN_CATALOG[from].entitlements[feature];
    const b = PLAN_CATALOG[to].entitlements[feature];
    const before = entitlementText(feature, a);
    const after = entitlementText(feature, b);
    if (before === after) return [];
    return [
      {
        feature,
        label: PLAN_FEATURES[feature].label,
        from: before,
        to: after,
        isLoss: amountOf(feature, b) < amountOf(feature, a),
      },
    ];
  });
  return [...changes.filter((c) => c.isLoss), ...changes.filter((c) => !c.isLoss)];
}
