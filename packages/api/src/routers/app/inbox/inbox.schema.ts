import { z } from "zod";
import type {
  countUnread,
  InboxItem,
  listInbox,
  markRead,
} from "@atlas/core/services/notifications/inbox";
import { pageOf, ZId, ZInstantOutput, ZPageInput, type ServiceOutput } from "../../../schemas.ts";

export const ZInboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.object({ app: z.enum(["web", "admin"]), path: z.string() }).nullable(),
  createdAt: ZInstantOutput,
  readAt: ZInstantOutput.nullable(),
}) satisfies z.ZodType<InboxItem>;

export const ZListInboxInput = z.object({
  ...ZPageInput,
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
});
export const ZListInboxOutput = pageOf(ZInboxItem) satisfies z.ZodType<
  ServiceOutput<typeof listInbox>
>;

export const ZUnreadCountOutput = z.object({
  count: z.number().int().min(0) satisfies z.ZodType<ServiceOutput<typeof countUnread>>,
  /** The count stops here: "99+" beyond it. */
  cap: z.number().int(),
});

export const ZMarkReadInput = z.object({
  ids: z
    .array(ZId)
    .min(1, { error: "Name at least one notification" })
    .max(100, { error: "At most 100 notifications at a time" }),
});
export const ZMarkReadOutput = z.object({
  unreadCount: z.number().int().min(0),
}) satisfies z.ZodType<ServiceOutput<typeof markRead>>;

/** tRPC's httpSubscriptionLink sends the last tracked id it received as `lastEventId`. */
export const ZLiveInboxInput = z.object({ lastEventId: ZId.nullish() });
