import { listMembers as listWorkspaceMembers } from "@atlas/core/services/workspaces/workspaces";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListMembersInput, ZListMembersOutput } from "./list-members.schema.ts";

/**
 * The roster of the current workspace, a page at a time (cursor + limit, default 50, at most
 * 100): names and roles for all, e-mails per `seeOthers`.
 */
export const listMembers = workspaceProcedure
  .input(ZListMembersInput)
  .output(ZListMembersOutput)
  .query(({ ctx, input }) =>
    listWorkspaceMembers(
      ctx.db,
      ctx.workspace.id,
      {
        userId: ctx.session.userId,
        role: ctx.membership.role,
        sharesProgress: ctx.workspace.sharesProgress,
      },
      input,
    ),
  );
