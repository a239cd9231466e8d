import { listInvoices as list } from "@atlas/billing/portal/invoices";
import { ZListInvoicesInput, ZListInvoicesOutput } from "./list-invoices.schema.ts";
import { billingStripeReadProcedure } from "./procedures.ts";

/** Owners and admins: the workspace's invoices from Stripe, newest first, a page at a time. */
export const listInvoices = billingStripeReadProcedure
  .input(ZListInvoicesInput)
  .output(ZListInvoicesOutput)
  .query(({ ctx, input }) =>
    list(ctx.db, ctx.billing, {
      workspaceId: ctx.workspace.id,
      cursor: input.cursor,
      limit: input.limit,
    }),
  );
