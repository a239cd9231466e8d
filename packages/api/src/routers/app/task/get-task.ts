import { actorOf } from "@atlas/core/services/access/access";
import { getTask as read } from "@atlas/core/services/plans/tasks";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetTaskInput, ZGetTaskOutput } from "./get-task.schema.ts";

/** One task with every version (another member's needs `seeOthers`). */
export const getTask = workspaceProcedure
  .input(ZGetTaskInput)
  .output(ZGetTaskOutput)
  .query(({ ctx, input }) => read(ctx.db, actorOf(ctx), ctx.clock.now(), input.taskId));
