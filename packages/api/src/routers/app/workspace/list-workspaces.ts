import { listMyWorkspaces } from "@atlas/core/services/workspaces/workspaces";
import { authedProcedure } from "../../../trpc.ts";
import { ZListWorkspacesOutput } from "./list-workspaces.schema.ts";

/** Every workspace the caller belongs to, with their role (no workspace needed). */
export const listWorkspaces = authedProcedure
  .output(ZListWorkspacesOutput)
  .query(({ ctx }) => listMyWorkspaces(ctx.db, ctx.session.userId, ctx.session.workspaceId));
