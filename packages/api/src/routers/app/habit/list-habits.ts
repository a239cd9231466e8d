import { actorOf } from "@atlas/core/services/access/access";
import { listHabits as list } from "@atlas/core/services/plans/habits";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListHabitsInput, ZListHabitsOutput } from "./list-habits.schema.ts";

/** A member's habits, a page at a time (cursor: the previous page's nextCursor). */
export const listHabits = workspaceProcedure
  .input(ZListHabitsInput)
  .output(ZListHabitsOutput)
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), ctx.clock.now(), input));
