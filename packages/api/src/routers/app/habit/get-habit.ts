import { actorOf } from "@atlas/core/services/access/access";
import { getHabit as read } from "@atlas/core/services/plans/habits";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetHabitInput, ZGetHabitOutput } from "./get-habit.schema.ts";

/** One habit with every version (another member's needs `seeOthers`). */
export const getHabit = workspaceProcedure
  .input(ZGetHabitInput)
  .output(ZGetHabitOutput)
  .query(({ ctx, input }) => read(ctx.db, actorOf(ctx), ctx.clock.now(), input.habitId));
