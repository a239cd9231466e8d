import { actorOf } from "../../../services/access.ts";
import { listTasks as list } from "../../../services/tasks.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListTasksInput, ZListTasksOutput } from "./list-tasks.schema.ts";

/** A member's tasks, filtered, a page at a time (cursor: the previous page's nextCursor). */
export const listTasks = workspaceProcedure
  .input(ZListTasksInput)
  .output(ZListTasksOutput)
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), ctx.clock.now(), input));
