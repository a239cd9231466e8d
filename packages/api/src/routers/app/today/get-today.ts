import { actorOf } from "@atlas/core/services/access/access";
import { getToday as read } from "@atlas/core/services/views/today";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetTodayOutput } from "./get-today.schema.ts";

/** The caller's own local today, as of now: what is due, how it stands, the load and the risks. */
export const getToday = workspaceProcedure
  .output(ZGetTodayOutput)
  .query(({ ctx }) => read(ctx.db, actorOf(ctx), ctx.clock.now()));
