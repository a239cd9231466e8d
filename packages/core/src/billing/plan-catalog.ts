/**
 * The billing plan catalog: every plan, what it includes and its limits (docs/domain.md "Plans
 * and entitlements"). The one source for the Plan and PlanEntitlement rows, the entitlement
 * snapshot billing copies onto each workspace, the API's `entitled(feature)`, the jobs and the
 * billing page. A plan's id here is the `key` of its Plan row (the row's own id is a uuid).
 * Pure data and functions: no database.
 */

/** Limits carry a number (null = unlimited); flags are on or off. */
export const PLAN_FEATURES = {
  /** Most billable members one subscription may pay for (self-serve). */
  seats: { kind: "limit", label: "seats" },
  /** Most members of a workspace, open invitations included. */
  membersPerWorkspace: { kind: "limit", label: "members" },
  /** AI suggestions a workspace may ask for per calendar month, per seat. */
  aiSuggestionsPerSeatPerMonth: { kind: "limit", label: "AI suggestions" },
  /** How far back charts and history reach, in days. */
  chartHistoryDays: { kind: "limit", label: "chart history" },
  /** Excused days per habit per calendar month. */
  skipsPerMonth: { kind: "limit", label: "skips" },
  in_app: { kind: "flag", label: "in-app notifications" },
  email_digest: { kind: "flag", label: "the daily e-mail digest" },
  email_instant: { kind: "flag", label: "instant e-mail notifications" },
  web_push: { kind: "flag", label: "web push notifications" },
  coach_console: { kind: "flag", label: "the coach console" },
  approval_queue: { kind: "flag", label: "the coach's approval queue" },
  coach_digest: { kind: "flag", label: "coach digests" },
  data_export: { kind: "flag", label: "data export" },
} as const satisfies Record<string, { kind: "limit" | "flag"; label: string }>;

export type PlanFeature = keyof typeof PLAN_FEATURES;
export type PlanLimit = {
  [F in PlanFeature]: (typeof PLAN_FEATURES)[F]["kind"] extends "limit" ? F : never;
}[PlanFeature];
export type PlanFlag = Exclude<PlanFeature, PlanLimit>;

/** How "allows N …" reads for each limit. */
export const LIMIT_UNITS: Readonly<Record<PlanLimit, string>> = {
  seats: "seats",
  membersPerWorkspace: "members",
  aiSuggestionsPerSeatPerMonth: "AI suggestions per seat a month",
  chartHistoryDays: "days of chart history",
  skipsPerMonth: "skips per habit a month",
};

export const PLAN_FEATURE_NAMES = Object.keys(PLAN_FEATURES) as readonly PlanFeature[];

/** free, team and coach are sold; self_hosted is the plan of a server that runs without billing. */
export const PLAN_IDS = ["free", "team", "coach", "self_hosted"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Entitlement {
  isEnabled: boolean;
  /** null = unlimited (for a limit) or not applicable (for a flag). */
  limitValue: number | null;
}

export type Entitlements = Readonly<Record<PlanFeature, Entitlement>>;

export interface PlanSpec {
  id: PlanId;
  name: string;
  /** What the plan costs, for the plan comparison (the invoice amount comes from Stripe). */
  pricePerSeatMonthlyCents: number;
  entitlements: Entitlements;
}

const on: Entitlement = { isEnabled: true, limitValue: null };
const off: Entitlement = { isEnabled: false, limitValue: null };
const limit = (n: number | null): Entitlement => ({ isEnabled: true, limitValue: n });

export const PLAN_CATALOG: Readonly<Record<PlanId, PlanSpec>> = {
  free: {
    id: "free",
    name: "Free",
    pricePerSeatMonthlyCents: 0,
    entitlements: {
      seats: limit(0),
      membersPerWorkspace: limit(5),
      aiSuggestionsPerSeatPerMonth: limit(5),
      chartHistoryDays: limit(30),
      skipsPerMonth: limit(2),
      in_app: on,
      email_digest: on,
      email_instant: off,
      web_push: off,
      coach_console: off,
      approval_queue: off,
      coach_digest: off,
      data_export: off,
    },
  },
  team: {
    id: "team",
    name: "Team",
    pricePerSeatMonthlyCents: 800,
    entitlements: {
      seats: limit(100),
      membersPerWorkspace: limit(null),
      aiSuggestionsPerSeatPerMonth: limit(60),
      chartHistoryDays: limit(365),
      skipsPerMonth: limit(4),
      in_app: on,
      email_digest: on,
      email_instant: on,
      web_push: on,
      coach_console: off,
      approval_queue: off,
      coach_digest: off,
      data_export: on,
    },
  },
  coach: {
    id: "coach",
    name: "Coach",
    pricePerSeatMonthlyCents: 1500,
    entitlements: {
      seats: limit(1000),
      membersPerWorkspace: limit(null),
      aiSuggestionsPerSeatPerMonth: limit(200),
      chartHistoryDays: limit(null),
      skipsPerMonth: limit(4),
      in_app: on,
      email_digest: on,
      email_instant: on,
      web_push: on,
      coach_console: on,
      approval_queue: on,
      coach_digest: on,
      data_export: on,
    },
  },
  // Billing off (embedded mode, a self-run server): everything; its limits are configuration
  // (ATLAS_SELF_HOSTED_LIMITS, services/billing/self-hosted.ts), these are the defaults.
  self_hosted: {
    id: "self_hosted",
    name: "Self-hosted",
    pricePerSeatMonthlyCents: 0,
    entitlements: {
      seats: limit(null),
      membersPerWorkspace: limit(null),
      aiSuggestionsPerSeatPerMonth: limit(null),
      chartHistoryDays: limit(null),
      skipsPerMonth: limit(4),
      in_app: on,
      email_digest: on,
      email_instant: on,
      web_push: on,
      coach_console: on,
      approval_queue: on,
      coach_digest: on,
      data_export: on,
    },
  },
};

/** The plans on sale, cheapest first: where an upgrade is looked for. */
export const UPGRADE_ORDER: readonly PlanId[] = ["free", "team", "coach"];

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

/**
 * What billing copies onto a workspace (`Workspace.entitlements`): the plan's key and name and
 * every feature. Requests and jobs decide from it alone.
 */
export interface EntitlementSnapshot {
  planKey: string;
  planName: string;
  features: Partial<Record<PlanFeature, Entitlement>>;
}

/** The snapshot of a plan (`overrides`: the self-hosted plan's configured limits). */
export function snapshotOf(
  planId: PlanId,
  overrides: Partial<Record<PlanFeature, Entitlement>> = {},
): EntitlementSnapshot {
  const plan = PLAN_CATALOG[planId];
  return {
    planKey: plan.id,
    planName: plan.name,
    features: { ...plan.entitlements, ...overrides },
  };
}

/** What the snapshot says about `feature`; a feature it does not list is not included. */
export function featureOf(snapshot: EntitlementSnapshot, feature: PlanFeature): Entitlement {
  return snapshot.features[feature] ?? off;
}

/** Whether the snapshot includes `feature` (a limit counts when enabled; its value is enforced apart). */
export function isEntitled(snapshot: EntitlementSnapshot, feature: PlanFeature): boolean {
  return featureOf(snapshot, feature).isEnabled;
}

/** The snapshot's limit on `feature`: null = unlimited, 0 when it does not include it. */
export function planLimit(snapshot: EntitlementSnapshot, feature: PlanLimit): number | null {
  const entitlement = featureOf(snapshot, feature);
  return entitlement.isEnabled ? entitlement.limitValue : 0;
}

/** Whether `limitValue` is more generous than `than` (null = unlimited beats every number). */
function moreThan(limitValue: number | null, than: number | null): boolean {
  if (than === null) return false;
  return limitValue === null || limitValue > than;
}

/**
 * The cheapest plan on sale that includes `feature` and, for a limit, allows more than `beyond`
 * (the limit just hit), if any.
 */
export function planThatLifts(
  feature: PlanFeature,
  beyond: number | null = null,
): PlanSpec | undefined {
  return UPGRADE_ORDER.map((id) => PLAN_CATALOG[id]).find((plan) => {
    const e = plan.entitlements[feature];
    if (!e.isEnabled) return false;
    return (
      PLAN_FEATURES[feature].kind === "flag" || beyond === null || moreThan(e.limitValue, beyond)
    );
  });
}

/** "Your plan (Free) does not include data export: the Team plan does." */
export function notEntitledMessage(snapshot: EntitlementSnapshot, feature: PlanFeature): string {
  const lifts = planThatLifts(feature);
  const what = PLAN_FEATURES[feature].label;
  return lifts === undefined
    ? `Your plan (${snapshot.planName}) does not include ${what}.`
    : `Your plan (${snapshot.planName}) does not include ${what}: the ${lifts.name} plan does.`;
}

/**
 * "Your plan (Free) allows 5 members: the Team plan allows more." (`reached`: the limit's value
 * that was hit; a limit of 0 reads as not included).
 */
export function limitReachedMessage(
  snapshot: EntitlementSnapshot,
  feature: PlanLimit,
  reached: number,
): string {
  if (reached === 0) return notEntitledMessage(snapshot, feature);
  const lifts = planThatLifts(feature, reached);
  const head = `Your plan (${snapshot.planName}) allows ${reached} ${LIMIT_UNITS[feature]}`;
  return lifts === undefined ? `${head}.` : `${head}: the ${lifts.name} plan allows more.`;
}
