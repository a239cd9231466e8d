import { updateMyTimeSetting } from "@atlas/core/services/access/time-settings";
import { authedProcedure, rateLimited } from "../../../trpc.ts";
import { ZUpdateMySettingsInput, ZUpdateMySettingsOutput } from "./update-my-settings.schema.ts";

/** Changes the caller's time zone and/or day start as a new version (docs/domain.md "Time and local days"). */
export const updateMySettings = authedProcedure
  .use(rateLimited("settings"))
  .input(ZUpdateMySettingsInput)
  .output(ZUpdateMySettingsOutput)
  .mutation(({ ctx, input }) =>
    updateMyTimeSetting(ctx.db, ctx.session.userId, ctx.clock.now(), input),
  );
