import { startCheckout as start } from "@atlas/billing/portal/checkout";
import { ZRedirectOutput } from "./billing.schema.ts";
import { billingActionProcedure } from "./procedures.ts";
import { ZStartCheckoutInput } from "./start-checkout.schema.ts";

/** The owner starts Checkout for Team or Coach; the page sends the browser to the URL. */
export const startCheckout = billingActionProcedure
  .input(ZStartCheckoutInput)
  .output(ZRedirectOutput)
  .mutation(({ ctx, input }) =>
    start(ctx.db, ctx.billing, {
      workspace: { id: ctx.workspace.id, name: ctx.workspace.name },
      userId: ctx.session.userId,
      plan: input.plan,
      idempotencyKey: input.idempotencyKey,
    }),
  );
