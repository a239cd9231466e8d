import { actorOf } from "@atlas/core/services/access/access";
import { listGoals as list } from "@atlas/core/services/plans/goals";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListGoalsInput, ZListGoalsOutput } from "./list-goals.schema.ts";

/** A member's goals, a page at a time (cursor: the previous page's nextCursor). */
export const listGoals = workspaceProcedure
  .input(ZListGoalsInput)
  .output(ZListGoalsOutput)
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), input));
