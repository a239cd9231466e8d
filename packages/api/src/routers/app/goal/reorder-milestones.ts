import { actorOf } from "@atlas/core/services/access/access";
import { reorderMilestones as reorder } from "@atlas/core/services/plans/goals";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZReorderMilestonesInput, ZReorderMilestonesOutput } from "./reorder-milestones.schema.ts";

/** Puts a goal's milestones in a new order. */
export const reorderMilestones = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZReorderMilestonesInput)
  .output(ZReorderMilestonesOutput)
  .mutation(({ ctx, input }) => reorder(ctx.db, actorOf(ctx), ctx.clock.now(), input));
