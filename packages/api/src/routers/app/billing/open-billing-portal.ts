import { openCustomerPortal } from "@atlas/billing/portal/customer-portal";
import { ZRedirectOutput } from "./billing.schema.ts";
import { billingActionProcedure } from "./procedures.ts";

/** The owner opens Stripe's Customer Portal (card, billing details), which returns to /billing. */
export const openBillingPortal = billingActionProcedure
  .output(ZRedirectOutput)
  .mutation(({ ctx }) => openCustomerPortal(ctx.db, ctx.billing, ctx.workspace.id));
