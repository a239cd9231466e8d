import { updateMemberTask as update } from "@atlas/core/services/coaching/coach-plans";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZUpdateTaskInput, ZUpdateTaskOutput } from "../../app/task/update-task.schema.ts";

/**
 * Edits one of the member's tasks as the web app does (a new version from the member's today),
 * with the coach as actor; audited.
 */
export const updateMemberTask = memberDrillProcedure
  .use(allowedTo("editOthersPlans"))
  .use(rateLimited("plans"))
  .input(ZUpdateTaskInput)
  .output(ZUpdateTaskOutput)
  .mutation(({ ctx, input }) =>
    update(ctx.db, ctx.actor, ctx.clock.now(), ctx.drill, withoutDrill(input)),
  );
