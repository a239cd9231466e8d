import { actorOf } from "@atlas/core/services/access/access";
import { getHabitHistory as read } from "@atlas/core/services/views/habit-history";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetHabitHistoryInput, ZGetHabitHistoryOutput } from "./get-habit-history.schema.ts";

/**
 * A year of one habit's days, its streaks, strength and versions. Another member's habit needs
 * `seeOthers` (coach, admin, owner; a member only in a workspace that shares progress).
 */
export const getHabitHistory = workspaceProcedure
  .input(ZGetHabitHistoryInput)
  .output(ZGetHabitHistoryOutput)
  .query(({ ctx, input }) => read(ctx.db, actorOf(ctx), ctx.clock.now(), input));
