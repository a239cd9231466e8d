import { listMembers as listWorkspaceMembers } from "@atlas/core/services/workspaces/workspaces";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListMembersOutput } from "./list-members.schema.ts";

/** The roster of the current workspace: names and roles for all, e-mails per `seeOthers`. */
export const listMembers = workspaceProcedure.output(ZListMembersOutput).query(({ ctx }) =>
  listWorkspaceMembers(ctx.db, ctx.workspace.id, {
    userId: ctx.session.userId,
    role: ctx.membership.role,
    sharesProgress: ctx.workspace.sharesProgress,
  }),
);
