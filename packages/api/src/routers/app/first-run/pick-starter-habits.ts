import { actorOf } from "@atlas/core/services/access/access";
import { pickStarterHabits as pick } from "@atlas/core/services/plans/first-run";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZPickStarterHabitsInput, ZPickStarterHabitsOutput } from "./first-run.schema.ts";

/** Step 1: the caller's picked starter habits, created at once (idempotent on one key). */
export const pickStarterHabits = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZPickStarterHabitsInput)
  .output(ZPickStarterHabitsOutput)
  .mutation(({ ctx, input }) =>
    pick(ctx.db, actorOf(ctx), ctx.clock.now(), withoutWorkspace(input)),
  );
