import { actorOf } from "@atlas/core/services/access/access";
import { listTasks as list } from "@atlas/core/services/plans/tasks";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListTasksInput, ZListTasksOutput } from "./list-tasks.schema.ts";

/** A member's tasks, filtered, a page at a time (cursor: the previous page's nextCursor). */
export const listTasks = workspaceProcedure
  .input(ZListTasksInput)
  .output(ZListTasksOutput)
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), ctx.clock.now(), input));
