import { getMyTimeSetting } from "@atlas/core/services/access/time-settings";
import { authedProcedure } from "../../../trpc.ts";
import { ZGetMySettingsOutput } from "./get-my-settings.schema.ts";

/** The caller's time zone and day start in force today (no workspace needed). */
export const getMySettings = authedProcedure
  .output(ZGetMySettingsOutput)
  .query(({ ctx }) => getMyTimeSetting(ctx.db, ctx.session.userId, ctx.clock.now()));
