/** Zod pieces of the billing procedures (docs/domain.md "Billing page"). */
import { DUNNING_STAGES } from "@atlas/core/billing/dunning";
import { PLAN_FEATURES, type PlanFeature } from "@atlas/core/billing/plan-catalog";
import { SELF_SERVE_PLAN_IDS } from "@atlas/core/billing/plan-change";
import { SOLD_PLANS } from "@atlas/billing/prices";
import { z } from "zod";
import { ZInstantOutput } from "../../../schemas.ts";

/** Free, Team or Coach. */
export const ZSelfServePlan = z.enum(SELF_SERVE_PLAN_IDS);

/** A plan Checkout sells: Team or Coach. */
export const ZSoldPlan = z.enum(SOLD_PLANS);

/** A feature of the plan catalog (core's PLAN_FEATURES). */
export const ZPlanFeature = z.custom<PlanFeature>(
  (value) => typeof value === "string" && Object.hasOwn(PLAN_FEATURES, value),
);

export const ZFeatureChange = z.object({
  feature: ZPlanFeature,
  label: z.string(),
  from: z.string(),
  to: z.string(),
  isLoss: z.boolean(),
});

export const ZPendingChange = z.object({ plan: ZSelfServePlan, effectiveAt: ZInstantOutput });

/** The dunning ladder's stage now and the dates of its steps (core's dunningTimeline). */
export const ZDunningTimeline = z.object({
  stage: z.enum(DUNNING_STAGES),
  pastDueSince: ZInstantOutput.nullable(),
  pausesAt: ZInstantOutput.nullable(),
  readOnlyAt: ZInstantOutput.nullable(),
});

/** A hosted Stripe page to send the browser to (Checkout, the Customer Portal). */
export const ZRedirectOutput = z.object({ url: z.url() });
