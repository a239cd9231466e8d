import { updateNotificationSettings } from "@atlas/core/services/notifications/preferences";
import { withoutWorkspace } from "../../../schemas.ts";
import { rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUpdateSettingsInput, ZUpdateSettingsOutput } from "./notifications.schema.ts";

/** Quiet hours in the caller's local time and the digest frequency (docs/domain.md "Notifications"). */
export const updateSettings = workspaceProcedure
  .use(rateLimited("settings"))
  .input(ZUpdateSettingsInput)
  .output(ZUpdateSettingsOutput)
  .mutation(({ ctx, input }) =>
    updateNotificationSettings(ctx.db, ctx.membership, withoutWorkspace(input)),
  );
