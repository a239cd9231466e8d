import { actorOf } from "@atlas/core/services/access/access";
import { updateTask as update } from "@atlas/core/services/plans/tasks";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUpdateTaskInput, ZUpdateTaskOutput } from "./update-task.schema.ts";

/**
 * Edits a task. Status, priority, dates and estimate become a new version in force from the
 * OWNING member's local today (replacing one made earlier that day); past days keep theirs.
 */
export const updateTask = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZUpdateTaskInput)
  .output(ZUpdateTaskOutput)
  .mutation(({ ctx, input }) => update(ctx.db, actorOf(ctx), ctx.clock.now(), input));
