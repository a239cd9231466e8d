import { actorOf } from "@atlas/core/services/access/access";
import { appendEvent } from "@atlas/core/services/log/log";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZSkipHabitInput, ZSkipHabitOutput } from "./skip-habit.schema.ts";

/**
 * Excuses a habit's day, within the plan's monthly allowance per habit (skipsPerMonth). Refused
 * on a day with a check-in, or one the habit is not due. Idempotent on `idempotencyKey`.
 */
export const skipHabit = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("log"))
  .input(ZSkipHabitInput)
  .output(ZSkipHabitOutput)
  .mutation(({ ctx, input }) =>
    appendEvent(ctx.db, actorOf(ctx), ctx.clock.now(), {
      action: "skip",
      ...withoutWorkspace(input),
    }),
  );
