import { inboxStream } from "../../../live/inbox-stream.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZLiveInboxInput } from "./inbox.schema.ts";

/**
 * The caller's new notifications as they arrive, over server-sent events (docs/architecture.md
 * "Live inbox"): each event's id is the notification's, so a reconnect resumes after it.
 */
export const liveInbox = workspaceProcedure
  .input(ZLiveInboxInput)
  .subscription(({ ctx, input, signal }) =>
    inboxStream({
      db: ctx.db,
      bus: ctx.inboxBus,
      recipient: ctx.membership,
      lastEventId: input.lastEventId ?? null,
      signal: signal ?? new AbortController().signal,
    }),
  );
