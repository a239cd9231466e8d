/**
 * The billing procedures' chain (docs/domain.md "Billing page"): owners and admins read
 * (`seeBilling`; members get FORBIDDEN "Your role (member) may not see billing."), only owners
 * act (`billing`), and every action needs billing on (PRECONDITION_FAILED "Billing is off on
 * this server (self-hosted plan).", after the role check). Billing actions are never refused by
 * the dunning ladder: they are how a workspace pays again.
 */
import { requireBilling } from "@atlas/billing/portal/summary";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";

/** Owners and admins: what the billing page shows. */
export const billingReadProcedure = workspaceProcedure.use(allowedTo("seeBilling"));

/** Owners and admins, billing on: reads that ask Stripe (invoices, previews). */
export const billingStripeReadProcedure = billingReadProcedure.use(({ ctx, next }) =>
  next({ ctx: { billing: requireBilling(ctx.billing) } }),
);

/** Owners, billing on: Checkout, plan changes, the portal. */
export const billingActionProcedure = workspaceProcedure
  .use(allowedTo("seeBilling"))
  .use(allowedTo("billing"))
  .use(({ ctx, next }) => next({ ctx: { billing: requireBilling(ctx.billing) } }))
  .use(rateLimited("settings"));
