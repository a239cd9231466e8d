import { actorOf } from "@atlas/core/services/access/access";
import { removeMilestone as remove } from "@atlas/core/services/plans/goals";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZRemoveMilestoneInput, ZRemoveMilestoneOutput } from "./remove-milestone.schema.ts";

/** Removes a milestone from its goal. */
export const removeMilestone = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZRemoveMilestoneInput)
  .output(ZRemoveMilestoneOutput)
  .mutation(({ ctx, input }) => remove(ctx.db, actorOf(ctx), ctx.clock.now(), input.milestoneId));
