import { actorOf } from "@atlas/core/services/access/access";
import { archiveGoal as archive } from "@atlas/core/services/plans/goals";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZArchiveGoalInput, ZArchiveGoalOutput } from "./archive-goal.schema.ts";

/** Archives a goal: read-only from then on (archiving twice changes nothing). */
export const archiveGoal = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZArchiveGoalInput)
  .output(ZArchiveGoalOutput)
  .mutation(({ ctx, input }) => archive(ctx.db, actorOf(ctx), ctx.clock.now(), input.goalId));
