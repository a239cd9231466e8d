import { actorOf } from "@atlas/core/services/access/access";
import { updateHabit as update } from "@atlas/core/services/plans/habits";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUpdateHabitInput, ZUpdateHabitOutput } from "./update-habit.schema.ts";

/**
 * Edits a habit. Schedule, target and duration become a new version in force from the OWNING
 * member's local today (whoever edits), replacing one made earlier that day; past days keep theirs.
 */
export const updateHabit = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZUpdateHabitInput)
  .output(ZUpdateHabitOutput)
  .mutation(({ ctx, input }) => update(ctx.db, actorOf(ctx), ctx.clock.now(), input));
