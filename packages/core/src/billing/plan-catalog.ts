/**
 * The billing plan catalog: every plan, what it includes and its limits. The one source for the
 * seed (which writes the Plan and PlanEntitlement rows from it), the API's `entitled(feature)`
 * and billing. A plan's id here is the `key` of its Plan row (the row's own id is a uuid).
 * Pure data and functions: no database.
 */

/** Limits carry a number (null = unlimited); flags are on or off. */
export const PLAN_FEATURES = {
  skipsPerMonth: { kind: "limit", label: "skips" },
  seats: { kind: "limit", label: "seats" },
  aiSuggestionsPerMonth: { kind: "limit", label: "AI suggestions" },
  ai_planner: { kind: "flag", label: "the AI planner" },
  coach_console: { kind: "flag", label: "the coach console" },
  notifications: { kind: "flag", label: "notifications" },
  web_push: { kind: "flag", label: "web push notifications" },
  email_digest: { kind: "flag", label: "the e-mail digest" },
} as const satisfies Record<string, { kind: "limit" | "flag"; label: string }>;

export type PlanFeature = keyof typeof PLAN_FEATURES;
export type PlanLimit = {
  [F in PlanFeature]: (typeof PLAN_FEATURES)[F]["kind"] extends "limit" ? F : never;
}[PlanFeature];

export const PLAN_IDS = ["self_hosted", "starter", "team"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Entitlement {
  isEnabled: boolean;
  /** null = unlimited (for a limit) or not applicable (for a flag). */
  limitValue: number | null;
}

export interface PlanSpec {
  id: PlanId;
  name: string;
  entitlements: Readonly<Record<PlanFeature, Entitlement>>;
}

const on: Entitlement = { isEnabled: true, limitValue: null };
const off: Entitlement = { isEnabled: false, limitValue: null };
const limit = (n: number | null): Entitlement => ({ isEnabled: true, limitValue: n });

export const PLAN_CATALOG: Readonly<Record<PlanId, PlanSpec>> = {
  // Billing off (embedded mode, a self-run server): everything, with the default allowances.
  self_hosted: {
    id: "self_hosted",
    name: "Self-hosted",
    entitlements: {
      skipsPerMonth: limit(4),
      seats: limit(null),
      aiSuggestionsPerMonth: limit(null),
      ai_planner: on,
      coach_console: on,
      notifications: on,
      web_push: on,
      email_digest: on,
    },
  },
  starter: {
    id: "starter",
    name: "Starter",
    entitlements: {
      skipsPerMonth: limit(2),
      seats: limit(5),
      // No AI on Starter: the limit is 0 and the planner flag is off.
      aiSuggestionsPerMonth: { isEnabled: false, limitValue: 0 },
      ai_planner: off,
      coach_console: off,
      notifications: on,
      web_push: off,
      email_digest: on,
    },
  },
  team: {
    id: "team",
    name: "Team",
    entitlements: {
      skipsPerMonth: limit(4),
      // Seats are bought per subscription (Subscription.seats); the plan itself does not cap them.
      seats: limit(null),
      aiSuggestionsPerMonth: limit(500),
      ai_planner: on,
      coach_console: on,
      notifications: on,
      web_push: on,
      email_digest: on,
    },
  },
};

/** The plans on sale, cheapest first: where an upgrade is looked for. */
export const UPGRADE_ORDER: readonly PlanId[] = ["starter", "team"];

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

/** What `planId` says about `feature`; an id outside the catalog includes nothing. */
export function featureOf(planId: string, feature: PlanFeature): Entitlement {
  return isPlanId(planId) ? PLAN_CATALOG[planId].entitlements[feature] : off;
}

/** Whether the plan includes `feature` (a limit counts when enabled; its value is enforced apart). */
export function isEntitled(planId: string, feature: PlanFeature): boolean {
  return featureOf(planId, feature).isEnabled;
}

/** The plan's limit on `feature`: null = unlimited, 0 when the plan does not include it. */
export function planLimit(planId: string, feature: PlanLimit): number | null {
  const entitlement = featureOf(planId, feature);
  return entitlement.isEnabled ? entitlement.limitValue : 0;
}

/** The cheapest plan on sale that includes `feature`, if any. */
export function planThatIncludes(feature: PlanFeature): PlanSpec | undefined {
  return UPGRADE_ORDER.map((id) => PLAN_CATALOG[id]).find((p) => p.entitlements[feature].isEnabled);
}

/** "Your plan (Starter) does not include the AI planner: the Team plan does." */
export function notEntitledMessage(planId: string, feature: PlanFeature): string {
  const name = isPlanId(planId) ? PLAN_CATALOG[planId].name : planId;
  const lifts = planThatIncludes(feature);
  const what = PLAN_FEATURES[feature].label;
  return lifts === undefined
    ? `Your plan (${name}) does not include ${what}.`
    : `Your plan (${name}) does not include ${what}: the ${lifts.name} plan does.`;
}
