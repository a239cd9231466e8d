import { billingSummary } from "@atlas/billing/portal/summary";
import { can } from "@atlas/core";
import { billingReadProcedure } from "./procedures.ts";
import { ZGetBillingSummaryOutput } from "./get-billing-summary.schema.ts";

/** Owners and admins: plan, seats, subscription, next invoice, dunning, the plan comparison. */
export const getBillingSummary = billingReadProcedure
  .output(ZGetBillingSummaryOutput)
  .query(({ ctx }) =>
    billingSummary(ctx.db, ctx.billing, {
      workspace: ctx.workspace,
      canManage: can("billing", { role: ctx.membership.role, sharesProgress: false }),
      now: ctx.clock.now(),
    }),
  );
