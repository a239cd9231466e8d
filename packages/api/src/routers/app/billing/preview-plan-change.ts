import { previewPlanChange as preview } from "@atlas/billing/portal/plan-change";
import { billingStripeReadProcedure } from "./procedures.ts";
import { ZPreviewPlanChangeInput, ZPreviewPlanChangeOutput } from "./plan-change.schema.ts";

/**
 * Owners and admins: what choosing `plan` would change and when, and what it costs now and
 * next (Stripe's preview; nothing changes).
 */
export const previewPlanChange = billingStripeReadProcedure
  .input(ZPreviewPlanChangeInput)
  .output(ZPreviewPlanChangeOutput)
  .query(({ ctx, input }) =>
    preview(ctx.db, ctx.billing, { workspaceId: ctx.workspace.id, plan: input.plan }),
  );
