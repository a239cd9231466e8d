import { revokeInvitation as revoke } from "@atlas/core/services/workspaces/invitations";
import { membersAdminProcedure, rateLimited } from "../../../trpc.ts";
import { ZRevokeInvitationInput, ZRevokeInvitationOutput } from "./revoke-invitation.schema.ts";

/** Owners and admins withdraw an open invitation; revoking again answers the same. */
export const revokeInvitation = membersAdminProcedure
  .use(rateLimited("settings"))
  .input(ZRevokeInvitationInput)
  .output(ZRevokeInvitationOutput)
  .mutation(({ ctx, input }) =>
    revoke(
      { userId: ctx.session.userId, source: ctx.source },
      { workspaceId: ctx.workspace.id, invitationId: input.invitationId, now: ctx.clock.now() },
      { db: ctx.bypassDb, delivery: ctx.invitationDelivery },
    ),
  );
