import { listWorkspaceSupportGrants } from "@atlas/core/services/platform/support-access";
import { allowedTo, workspaceProcedure } from "../../../trpc.ts";
import { ZListSupportGrantsOutput } from "./list-support-grants.schema.ts";

/** Owners: the support access switch and every grant of the workspace, newest first. */
export const listSupportGrants = workspaceProcedure
  .use(allowedTo("supportAccess"))
  .output(ZListSupportGrantsOutput)
  .query(({ ctx }) => listWorkspaceSupportGrants(ctx.db, ctx.workspace.id));
