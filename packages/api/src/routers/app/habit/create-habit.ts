import { actorOf } from "@atlas/core/services/access/access";
import { createHabit as create } from "@atlas/core/services/plans/habits";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZCreateHabitInput, ZCreateHabitOutput } from "./create-habit.schema.ts";

/** A new habit (idempotent on `idempotencyKey`), for the caller or, by a coach, for a member. */
export const createHabit = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZCreateHabitInput)
  .output(ZCreateHabitOutput)
  .mutation(({ ctx, input }) =>
    create(ctx.db, actorOf(ctx), ctx.clock.now(), withoutWorkspace(input)),
  );
