import { actorOf } from "@atlas/core/services/access/access";
import { createGoal as create } from "@atlas/core/services/plans/goals";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZCreateGoalInput, ZCreateGoalOutput } from "./create-goal.schema.ts";

/** A new goal (idempotent on `idempotencyKey`), for the caller or, by a coach, for a member. */
export const createGoal = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZCreateGoalInput)
  .output(ZCreateGoalOutput)
  .mutation(({ ctx, input }) =>
    create(ctx.db, actorOf(ctx), ctx.clock.now(), withoutWorkspace(input)),
  );
