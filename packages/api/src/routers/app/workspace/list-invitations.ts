import { listInvitations as listOpen } from "@atlas/core/services/workspaces/invitations";
import { membersAdminProcedure } from "../../../trpc.ts";
import { ZListInvitationsInput, ZListInvitationsOutput } from "./list-invitations.schema.ts";

/** Owners and admins: the open invitations (neither accepted nor revoked), oldest first. */
export const listInvitations = membersAdminProcedure
  .input(ZListInvitationsInput)
  .output(ZListInvitationsOutput)
  .query(({ ctx, input }) =>
    listOpen(ctx.db, ctx.workspace.id, {
      cursor: input.cursor,
      limit: input.limit,
      now: ctx.clock.now(),
    }),
  );
