import { listMyWorkspaces } from "@atlas/core/services/workspaces/workspaces";
import { authedProcedure } from "../../../trpc.ts";
import { ZListWorkspacesInput, ZListWorkspacesOutput } from "./list-workspaces.schema.ts";

/** The workspaces the caller belongs to, with their role, a page at a time (no workspace needed). */
export const listWorkspaces = authedProcedure
  .input(ZListWorkspacesInput)
  .output(ZListWorkspacesOutput)
  .query(({ ctx, input }) =>
    listMyWorkspaces(ctx.db, ctx.session.userId, ctx.session.workspaceId, input),
  );
