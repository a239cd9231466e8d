import { actorOf } from "../../../services/access.ts";
import { listGoals as list } from "../../../services/goals.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListGoalsInput, ZListGoalsOutput } from "./list-goals.schema.ts";

/** A member's goals, a page at a time (cursor: the previous page's nextCursor). */
export const listGoals = workspaceProcedure
  .input(ZListGoalsInput)
  .output(ZListGoalsOutput)
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), input));
