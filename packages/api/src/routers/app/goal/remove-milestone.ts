import { actorOf } from "../../../services/access.ts";
import { removeMilestone as remove } from "../../../services/goals.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZRemoveMilestoneInput, ZRemoveMilestoneOutput } from "./remove-milestone.schema.ts";

/** Removes a milestone from its goal. */
export const removeMilestone = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZRemoveMilestoneInput)
  .output(ZRemoveMilestoneOutput)
  .mutation(({ ctx, input }) => remove(ctx.db, actorOf(ctx), ctx.clock.now(), input.milestoneId));
