import { actorOf } from "@atlas/core/services/access/access";
import { updateGoal as update } from "@atlas/core/services/plans/goals";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUpdateGoalInput, ZUpdateGoalOutput } from "./update-goal.schema.ts";

/** Changes a goal's title, description, status, target date or life area. */
export const updateGoal = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZUpdateGoalInput)
  .output(ZUpdateGoalOutput)
  .mutation(({ ctx, input }) => update(ctx.db, actorOf(ctx), ctx.clock.now(), input));
