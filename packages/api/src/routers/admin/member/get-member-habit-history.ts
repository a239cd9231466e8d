import { getMemberHabitHistory as read } from "@atlas/core/services/coaching/member-drill";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import {
  ZGetHabitHistoryInput,
  ZGetHabitHistoryOutput,
} from "../../app/habit/get-habit-history.schema.ts";

/** A year of one of the member's habits, as their habit page shows it. */
export const getMemberHabitHistory = memberDrillProcedure
  .use(allowedTo("seeOthers"))
  .input(ZGetHabitHistoryInput)
  .output(ZGetHabitHistoryOutput)
  .query(({ ctx, input }) =>
    read(ctx.consoleDb, ctx.actor, ctx.drill, ctx.clock.now(), withoutDrill(input)),
  );
