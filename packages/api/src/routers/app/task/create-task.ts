import { actorOf } from "@atlas/core/services/access/access";
import { createTask as create } from "@atlas/core/services/plans/tasks";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZCreateTaskInput, ZCreateTaskOutput } from "./create-task.schema.ts";

/** A new task (idempotent on `idempotencyKey`), for the caller or, by a coach, for a member. */
export const createTask = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZCreateTaskInput)
  .output(ZCreateTaskOutput)
  .mutation(({ ctx, input }) =>
    create(ctx.db, actorOf(ctx), ctx.clock.now(), withoutWorkspace(input)),
  );
