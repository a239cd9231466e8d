import { getNotificationPreferences } from "@atlas/core/services/notifications/preferences";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZNotificationPreferences } from "./notifications.schema.ts";

/** Every category × channel with the caller's choice and what the plan allows, and their timing. */
export const getPreferences = workspaceProcedure
  .output(ZNotificationPreferences)
  .query(({ ctx }) =>
    getNotificationPreferences(ctx.db, ctx.membership, ctx.workspace.entitlements),
  );
