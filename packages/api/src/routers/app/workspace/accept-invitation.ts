import { AppError } from "@atlas/core";
import { acceptInvitation as accept } from "@atlas/core/services/workspaces/invitations";
import { authedProcedure, rateLimited } from "../../../trpc.ts";
import { ZAcceptInvitationInput, ZAcceptInvitationOutput } from "./accept-invitation.schema.ts";

/**
 * The signed-in user accepts an invitation link (no workspace needed: they are not a member yet).
 * With Clerk the invitation is accepted from Clerk's e-mail and the webhook adds the membership,
 * so the link is refused there. A join is told to `ctx.onMemberJoined` (the seat sync) once
 * committed.
 */
export const acceptInvitation = authedProcedure
  .use(rateLimited("settings"))
  .input(ZAcceptInvitationInput)
  .output(ZAcceptInvitationOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.session.via === "clerk") {
      throw new AppError(
        "PRECONDITION_FAILED",
        "Accept this invitation from the e-mail it came with: it signs you in to the workspace.",
      );
    }
    const joined = await accept(
      { userId: ctx.session.userId, source: ctx.source },
      { token: input.token, now: ctx.clock.now() },
      { db: ctx.bypassDb },
    );
    ctx.onMemberJoined?.(joined.workspaceId);
    return joined;
  });
