import { updateCapacity as writeCapacity } from "@atlas/core/services/plans/capacity";
import { rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUpdateCapacityInput, ZUpdateCapacityOutput } from "./update-capacity.schema.ts";

/** The caller sets their own capacity in the current workspace (rate-limited: "settings"). */
export const updateCapacity = workspaceProcedure
  .use(rateLimited("settings"))
  .input(ZUpdateCapacityInput)
  .output(ZUpdateCapacityOutput)
  .mutation(({ ctx, input }) => {
    const { workspaceId: _route, ...week } = input;
    return writeCapacity(ctx.db, ctx.membership, week, ctx.clock.now());
  });
