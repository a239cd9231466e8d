import { actorOf } from "../../../services/access.ts";
import { getToday as read } from "../../../services/today.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetTodayOutput } from "./get-today.schema.ts";

/** The caller's own local today, as of now: what is due, how it stands, the load and the risks. */
export const getToday = workspaceProcedure
  .output(ZGetTodayOutput)
  .query(({ ctx }) => read(ctx.db, actorOf(ctx), ctx.clock.now()));
