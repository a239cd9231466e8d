/**
 * The events Atlas sends, typed once: the Inngest functions trigger on them and `send` builds
 * them, so a name or a payload cannot drift between sender and receiver.
 */
import { eventType } from "inngest";
import { z } from "zod";

/** The hourly day close of one workspace (docs/domain.md "Closing the day"). */
export const dayCloseRequested = eventType("atlas/day-close.requested", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

export const atlasEvents = {
  [dayCloseRequested.name]: dayCloseRequested,
} as const;

export type AtlasEventName = keyof typeof atlasEvents;
export type AtlasEventData<N extends AtlasEventName> = z.infer<
  NonNullable<(typeof atlasEvents)[N]["schema"]>
>;

/** Hourly, on the hour (UTC), in Inngest and in the embedded scheduler alike. */
export const DAY_CLOSE_CRON = "0 * * * *";
