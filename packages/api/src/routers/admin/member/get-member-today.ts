import { getToday } from "@atlas/core/services/views/today";
import { memberDrillProcedure } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import { ZGetTodayOutput } from "../../app/today/get-today.schema.ts";

/** The member's Today as they see it, read through the console's client. */
export const getMemberToday = memberDrillProcedure
  .use(allowedTo("seeOthers"))
  .output(ZGetTodayOutput)
  .query(({ ctx }) => getToday(ctx.consoleDb, ctx.viewed, ctx.clock.now()));
