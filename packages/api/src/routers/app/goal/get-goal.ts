import { actorOf } from "@atlas/core/services/access/access";
import { getGoal as read } from "@atlas/core/services/plans/goals";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetGoalInput, ZGetGoalOutput } from "./get-goal.schema.ts";

/** One goal with its milestones (another member's needs `seeOthers`). */
export const getGoal = workspaceProcedure
  .input(ZGetGoalInput)
  .output(ZGetGoalOutput)
  .query(({ ctx, input }) => read(ctx.db, actorOf(ctx), input.goalId));
