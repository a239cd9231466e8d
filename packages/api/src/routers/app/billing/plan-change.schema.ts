import type { changePlan, previewPlanChange } from "@atlas/billing/portal/plan-change";
import { z } from "zod";
import { ZInstantOutput, type ServiceOutput } from "../../../schemas.ts";
import { ZFeatureChange, ZSelfServePlan } from "./billing.schema.ts";

export const ZPreviewPlanChangeInput = z.object({ plan: ZSelfServePlan });

const ZPlanChangeKind = z.enum(["upgrade", "downgrade", "keep"]);

export const ZPreviewPlanChangeOutput = z.object({
  from: ZSelfServePlan,
  to: ZSelfServePlan,
  kind: ZPlanChangeKind,
  effectiveAt: ZInstantOutput,
  dueNowCents: z.number().int(),
  currency: z.string(),
  nextInvoice: z.object({ date: ZInstantOutput, amountDueCents: z.number().int() }).nullable(),
  seats: z.number().int(),
  changes: z.array(ZFeatureChange),
  prorationDate: z.number().int().nullable(),
}) satisfies z.ZodType<ServiceOutput<typeof previewPlanChange>>;

export const ZChangePlanInput = z.object({
  plan: ZSelfServePlan,
  /** An upgrade's `prorationDate` from its preview: the price confirmed is the one shown. */
  prorationDate: z.number().int().positive().optional(),
});

export const ZChangePlanOutput = z.object({
  plan: ZSelfServePlan,
  kind: ZPlanChangeKind,
  effectiveAt: ZInstantOutput,
}) satisfies z.ZodType<ServiceOutput<typeof changePlan>>;
