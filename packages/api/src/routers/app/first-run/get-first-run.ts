import { getFirstRun as read } from "@atlas/core/services/plans/first-run";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetFirstRunOutput } from "./first-run.schema.ts";

/** Where the caller is in the first-run guide of the current workspace. */
export const getFirstRun = workspaceProcedure
  .output(ZGetFirstRunOutput)
  .query(({ ctx }) => read(ctx.db, ctx.membership));
