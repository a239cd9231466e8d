import type { billingSummary } from "@atlas/billing/portal/summary";
import { SUBSCRIPTION_STATUSES } from "@atlas/core/services/billing/account";
import { z } from "zod";
import { ZInstantOutput, type ServiceOutput } from "../../../schemas.ts";
import {
  ZDunningTimeline,
  ZPendingChange,
  ZPlanFeature,
  ZSelfServePlan,
} from "./billing.schema.ts";

const ZPlanRef = z.object({ key: z.string(), name: z.string() });
const ZFeatureValue = z.object({ feature: ZPlanFeature, label: z.string(), value: z.string() });

const ZBillingOff = z.object({
  billingEnabled: z.literal(false),
  plan: ZPlanRef,
  features: z.array(ZFeatureValue),
  seats: z.object({ used: z.number().int() }),
});

const ZBillingOn = z.object({
  billingEnabled: z.literal(true),
  canManage: z.boolean(),
  plan: ZPlanRef,
  features: z.array(ZFeatureValue),
  seats: z.object({ used: z.number().int(), paid: z.number().int().nullable() }),
  subscription: z
    .object({
      status: z.enum(SUBSCRIPTION_STATUSES),
      plan: ZSelfServePlan,
      trialEnd: ZInstantOutput.nullable(),
      currentPeriodEnd: ZInstantOutput.nullable(),
      cancelAtPeriodEnd: z.boolean(),
      pendingChange: ZPendingChange.nullable(),
    })
    .nullable(),
  nextInvoice: z
    .object({
      date: ZInstantOutput,
      amountDueCents: z.number().int(),
      currency: z.string(),
    })
    .nullable(),
  stripeUnavailable: z.string().nullable(),
  trialAvailable: z.boolean(),
  dunning: ZDunningTimeline,
  plans: z.array(
    z.object({
      id: ZSelfServePlan,
      name: z.string(),
      pricePerSeatMonthlyCents: z.number().int(),
    }),
  ),
  comparison: z.array(
    z.object({
      feature: ZPlanFeature,
      label: z.string(),
      values: z.object({ free: z.string(), team: z.string(), coach: z.string() }),
    }),
  ),
});

export const ZGetBillingSummaryOutput = z.discriminatedUnion("billingEnabled", [
  ZBillingOff,
  ZBillingOn,
]) satisfies z.ZodType<ServiceOutput<typeof billingSummary>>;
