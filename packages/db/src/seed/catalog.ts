/**
 * The billing plan catalog. Global and read-only for the app; the seed upserts it by key so it is
 * safe to run against a database that already has it. A billing issue extends FEATURES and each
 * plan's entitlements here.
 */

/** Limits carry a number (null = unlimited); flags are on or off. */
export const FEATURES = {
  skipsPerMonth: "limit",
  seats: "limit",
  aiSuggestionsPerMonth: "limit",
  ai_planner: "flag",
  coach_console: "flag",
  notifications: "flag",
  web_push: "flag",
  email_digest: "flag",
} as const;

export type Feature = keyof typeof FEATURES;

export interface EntitlementSpec {
  isEnabled: boolean;
  /** null = unlimited (for a limit) or not applicable (for a flag). */
  limitValue: number | null;
}

export interface PlanSpec {
  key: "self_hosted" | "starter" | "team";
  name: string;
  entitlements: Record<Feature, EntitlementSpec>;
}

const on: EntitlementSpec = { isEnabled: true, limitValue: null };
const off: EntitlementSpec = { isEnabled: false, limitValue: null };
const limit = (n: number | null): EntitlementSpec => ({ isEnabled: true, limitValue: n });

export const PLANS: readonly PlanSpec[] = [
  {
    key: "self_hosted",
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
  {
    key: "starter",
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
  {
    key: "team",
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
];

/** The skip allowance the seeded log must respect (both seeded workspaces are self_hosted). */
export function skipsPerMonth(planKey: PlanSpec["key"]): number {
  const plan = PLANS.find((p) => p.key === planKey);
  const value = plan?.entitlements.skipsPerMonth.limitValue;
  if (value === undefined || value === null) throw new Error(`plan ${planKey} has no skip limit`);
  return value;
}
