import { actorOf } from "@atlas/core/services/access/access";
import { updateMilestone as update } from "@atlas/core/services/plans/goals";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUpdateMilestoneInput, ZUpdateMilestoneOutput } from "./update-milestone.schema.ts";

/** Renames, completes or reopens a milestone; returns its goal. */
export const updateMilestone = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZUpdateMilestoneInput)
  .output(ZUpdateMilestoneOutput)
  .mutation(({ ctx, input }) => update(ctx.db, actorOf(ctx), ctx.clock.now(), input));
