import { actorOf } from "@atlas/core/services/access/access";
import { archiveTask as archive } from "@atlas/core/services/plans/tasks";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZArchiveTaskInput, ZArchiveTaskOutput } from "./archive-task.schema.ts";

/** Archives a task from the owner's today on (archiving twice changes nothing). */
export const archiveTask = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZArchiveTaskInput)
  .output(ZArchiveTaskOutput)
  .mutation(({ ctx, input }) => archive(ctx.db, actorOf(ctx), ctx.clock.now(), input.taskId));
