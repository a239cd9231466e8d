import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetCurrentWorkspaceOutput } from "./get-current-workspace.schema.ts";

/** The workspace of this request (route parameter or session) and the caller's role in it. */
export const getCurrentWorkspace = workspaceProcedure
  .output(ZGetCurrentWorkspaceOutput)
  .query(({ ctx }) => ({
    id: ctx.workspace.id,
    name: ctx.workspace.name,
    slug: ctx.workspace.slug,
    role: ctx.membership.role,
  }));
