import { actorOf } from "@atlas/core/services/access/access";
import { getLogDay as read } from "@atlas/core/services/log/log";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetLogDayInput, ZGetLogDayOutput } from "./get-log-day.schema.ts";

/** A member's events and combined state for one local day. */
export const getLogDay = workspaceProcedure
  .input(ZGetLogDayInput)
  .output(ZGetLogDayOutput)
  .query(({ ctx, input }) => read(ctx.db, actorOf(ctx), ctx.clock.now(), input));
