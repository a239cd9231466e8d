import { countUnread, UNREAD_COUNT_CAP } from "@atlas/core/services/notifications/inbox";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZUnreadCountOutput } from "./inbox.schema.ts";

/** The bell's number: unread notifications, counted up to a cap. */
export const getUnreadCount = workspaceProcedure
  .output(ZUnreadCountOutput)
  .query(async ({ ctx }) => ({
    count: await countUnread(ctx.db, ctx.membership),
    cap: UNREAD_COUNT_CAP,
  }));
