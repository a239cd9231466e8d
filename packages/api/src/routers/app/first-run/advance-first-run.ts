import {
  advanceFirstRun as advance,
  skipFirstRun as skip,
} from "@atlas/core/services/plans/first-run";
import { rateLimited, workspaceProcedure } from "../../../trpc.ts";
import {
  ZAdvanceFirstRunInput,
  ZAdvanceFirstRunOutput,
  ZSkipFirstRunOutput,
} from "./first-run.schema.ts";

/** Steps 2 and 3: the caller has done `from`; repeating it changes nothing. */
export const advanceFirstRun = workspaceProcedure
  .use(rateLimited("settings"))
  .input(ZAdvanceFirstRunInput)
  .output(ZAdvanceFirstRunOutput)
  .mutation(({ ctx, input }) => advance(ctx.db, ctx.membership, input.from));

/** "Skip, I'll set up myself": the guide never shows again in this workspace. */
export const skipFirstRun = workspaceProcedure
  .use(rateLimited("settings"))
  .output(ZSkipFirstRunOutput)
  .mutation(({ ctx }) => skip(ctx.db, ctx.membership));
