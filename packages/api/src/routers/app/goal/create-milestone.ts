import { actorOf } from "@atlas/core/services/access/access";
import { createMilestone as create } from "@atlas/core/services/plans/goals";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZCreateMilestoneInput, ZCreateMilestoneOutput } from "./create-milestone.schema.ts";

/** Appends a milestone to a goal (idempotent on `idempotencyKey`). */
export const createMilestone = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZCreateMilestoneInput)
  .output(ZCreateMilestoneOutput)
  .mutation(({ ctx, input }) =>
    create(ctx.db, actorOf(ctx), ctx.clock.now(), withoutWorkspace(input)),
  );
