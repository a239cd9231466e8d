import { changePlan as change } from "@atlas/billing/portal/plan-change";
import { billingActionProcedure } from "./procedures.ts";
import { ZChangePlanInput, ZChangePlanOutput } from "./plan-change.schema.ts";

/** The owner confirms a previewed plan change: upgrades now, downgrades at the period's end. */
export const changePlan = billingActionProcedure
  .input(ZChangePlanInput)
  .output(ZChangePlanOutput)
  .mutation(({ ctx, input }) =>
    change(ctx.db, ctx.billing, {
      workspaceId: ctx.workspace.id,
      plan: input.plan,
      prorationDate: input.prorationDate,
    }),
  );
