import { invite as inviteSomeone } from "@atlas/core/services/workspaces/invitations";
import { billingAllows, membersAdminProcedure, rateLimited } from "../../../trpc.ts";
import { ZInviteInput, ZInviteOutput } from "./invite.schema.ts";

/**
 * Owners and admins invite an e-mail address (only owners invite admins). Inviting the same
 * address again re-issues its open invitation, so a retry needs no idempotency key. Paused while
 * a payment has been failing for 7 days; the plan's members limit counts open invitations.
 */
export const invite = membersAdminProcedure
  .use(billingAllows("invite"))
  .use(rateLimited("settings"))
  .input(ZInviteInput)
  .output(ZInviteOutput)
  .mutation(({ ctx, input }) =>
    inviteSomeone(
      { userId: ctx.session.userId, source: ctx.source },
      { workspaceId: ctx.workspace.id, email: input.email, role: input.role, now: ctx.clock.now() },
      { db: ctx.bypassDb, delivery: ctx.invitationDelivery },
    ),
  );
