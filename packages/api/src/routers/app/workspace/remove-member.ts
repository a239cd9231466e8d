import { removeMember as remove } from "@atlas/core/services/workspaces/memberships";
import { membersAdminProcedure, rateLimited } from "../../../trpc.ts";
import { ZRemoveMemberInput, ZRemoveMemberOutput } from "./remove-member.schema.ts";

/** Owners and admins take someone out of the workspace; their history stays. Idempotent. */
export const removeMember = membersAdminProcedure
  .use(rateLimited("settings"))
  .input(ZRemoveMemberInput)
  .output(ZRemoveMemberOutput)
  .mutation(({ ctx, input }) =>
    remove(
      { userId: ctx.session.userId, source: ctx.source },
      { workspaceId: ctx.workspace.id, userId: input.userId, now: ctx.clock.now() },
      { db: ctx.bypassDb },
    ),
  );
