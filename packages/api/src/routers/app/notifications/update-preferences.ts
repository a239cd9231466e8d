import { updateNotificationPreferences } from "@atlas/core/services/notifications/preferences";
import { rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZNotificationPreferences, ZUpdatePreferencesInput } from "./notifications.schema.ts";

/** Turns categories on or off per channel (critical ones cannot be turned off); idempotent. */
export const updatePreferences = workspaceProcedure
  .use(rateLimited("settings"))
  .input(ZUpdatePreferencesInput)
  .output(ZNotificationPreferences)
  .mutation(({ ctx, input }) =>
    updateNotificationPreferences(
      ctx.db,
      ctx.membership,
      ctx.workspace.entitlements,
      input.changes,
    ),
  );
