import { updateMemberHabit as update } from "@atlas/core/services/coaching/coach-plans";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZUpdateHabitInput, ZUpdateHabitOutput } from "../../app/habit/update-habit.schema.ts";

/**
 * Edits one of the member's habits as the web app does (a new version from the member's today),
 * with the coach as actor; audited.
 */
export const updateMemberHabit = memberDrillProcedure
  .use(allowedTo("editOthersPlans"))
  .use(rateLimited("plans"))
  .input(ZUpdateHabitInput)
  .output(ZUpdateHabitOutput)
  .mutation(({ ctx, input }) =>
    update(ctx.db, ctx.actor, ctx.clock.now(), ctx.drill, withoutDrill(input)),
  );
