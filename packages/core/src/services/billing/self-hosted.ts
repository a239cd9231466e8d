/**
 * The self-hosted plan's limits from configuration (docs/domain.md "Plans and entitlements"):
 * `ATLAS_SELF_HOSTED_LIMITS` is a JSON object of plan features, a number (or null: unlimited)
 * for a limit and true/false for a flag, e.g. `{"membersPerWorkspace": 25, "web_push": false}`.
 * Features it leaves out keep the catalog's self-hosted defaults. A server running without
 * billing puts every workspace on this plan.
 */
import { AtlasConfigError, read, type Env } from "@atlas/config";
import { z } from "zod";
import {
  PLAN_FEATURE_NAMES,
  PLAN_FEATURES,
  snapshotOf,
  type Entitlement,
  type EntitlementSnapshot,
  type PlanFeature,
  type PlanId,
} from "../../billing/plan-catalog.ts";

export const SELF_HOSTED_LIMITS_VARIABLE = "ATLAS_SELF_HOSTED_LIMITS";

export type SelfHostedOverrides = Partial<Record<PlanFeature, Entitlement>>;

const ZLimit = z.number().int().min(0).nullable();

/** Every feature optional; nothing else accepted (a misspelt feature is an error, not a no-op). */
const ZSelfHostedLimits = z.strictObject(
  Object.fromEntries(
    PLAN_FEATURE_NAMES.map((f) => [
      f,
      (PLAN_FEATURES[f].kind === "limit" ? ZLimit : z.boolean()).optional(),
    ]),
  ) as Record<PlanFeature, z.ZodOptional<typeof ZLimit> | z.ZodOptional<z.ZodBoolean>>,
);

function invalid(detail: string): AtlasConfigError {
  return new AtlasConfigError(
    `${SELF_HOSTED_LIMITS_VARIABLE} ${detail}. Expected a JSON object of plan features: a whole number ≥ 0 or null (unlimited) for ${PLAN_FEATURE_NAMES.filter((f) => PLAN_FEATURES[f].kind === "limit").join(", ")}; true or false for ${PLAN_FEATURE_NAMES.filter((f) => PLAN_FEATURES[f].kind === "flag").join(", ")}.`,
    [SELF_HOSTED_LIMITS_VARIABLE],
  );
}

/** The configured overrides of `text` (unset: none); an AtlasConfigError names what is wrong. */
export function parseSelfHostedLimits(text: string | undefined): SelfHostedOverrides {
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid("is not valid JSON");
  }
  const parsed = ZSelfHostedLimits.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      i.path.length > 0 ? `"${i.path.join(".")}": ${i.message}` : i.message,
    );
    throw invalid(`is invalid (${issues.join("; ")})`);
  }
  const overrides: SelfHostedOverrides = {};
  for (const [feature, value] of Object.entries(parsed.data) as [
    PlanFeature,
    number | null | boolean | undefined,
  ][]) {
    if (value === undefined) continue;
    overrides[feature] =
      typeof value === "boolean"
        ? { isEnabled: value, limitValue: null }
        : { isEnabled: true, limitValue: value };
  }
  return overrides;
}

/** The overrides the running server is configured with. */
export function selfHostedOverrides(env: Env = process.env): SelfHostedOverrides {
  return parseSelfHostedLimits(read(env, SELF_HOSTED_LIMITS_VARIABLE));
}

/** A plan's snapshot on this server: the catalog's, the self-hosted plan's with its configuration. */
export function planSnapshot(planId: PlanId, env: Env = process.env): EntitlementSnapshot {
  return snapshotOf(planId, planId === "self_hosted" ? selfHostedOverrides(env) : {});
}
