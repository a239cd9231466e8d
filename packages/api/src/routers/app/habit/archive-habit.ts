import { actorOf } from "@atlas/core/services/access/access";
import { archiveHabit as archive } from "@atlas/core/services/plans/habits";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZArchiveHabitInput, ZArchiveHabitOutput } from "./archive-habit.schema.ts";

/** Archives a habit from the owner's today on; its log closes (archiving twice changes nothing). */
export const archiveHabit = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZArchiveHabitInput)
  .output(ZArchiveHabitOutput)
  .mutation(({ ctx, input }) => archive(ctx.db, actorOf(ctx), ctx.clock.now(), input.habitId));
