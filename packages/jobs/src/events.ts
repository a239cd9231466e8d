/**
 * The events Atlas sends, typed once: the Inngest functions trigger on them and `send` builds
 * them, so a name or a payload cannot drift between sender and receiver.
 */
import { HANDLED_STRIPE_EVENTS } from "@atlas/billing/webhooks/stripe";
import { isLocalDate } from "@atlas/time";
import { eventType } from "inngest";
import { z } from "zod";

/** The hourly day close of one workspace (docs/domain.md "Closing the day"). */
export const dayCloseRequested = eventType("atlas/day-close.requested", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

/** The weekly summary of one workspace's ISO week (docs/domain.md "Weekly summary"). */
export const weekSummaryRequested = eventType("atlas/week-summary.requested", {
  // Inngest's event schemas cannot brand: checked as a real date here, branded where it is used.
  schema: z.object({
    workspaceId: z.string().min(1),
    weekStart: z
      .string()
      .refine((s): boolean => isLocalDate(s), { message: "Expected a real date YYYY-MM-DD" }),
  }),
});

/**
 * One handled Stripe event: re-read the customer from Stripe and converge (docs/architecture.md
 * "Billing"). Sent by the Stripe webhook in the transaction that records the event.
 */
export const billingCustomerSync = eventType("atlas/billing.customer-sync", {
  schema: z.object({
    customerId: z.string().min(1),
    eventId: z.string().min(1),
    type: z.enum(HANDLED_STRIPE_EVENTS),
    objectId: z.string().min(1),
  }),
});

/** A member joined: apply the seat policy (docs/domain.md "Seats"). */
export const billingSeatsSync = eventType("atlas/billing.seats-sync", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

/** The nightly reconcile of one workspace with a Stripe customer. */
export const billingReconcileRequested = eventType("atlas/billing.reconcile.requested", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

const ZEventDate = z
  .string()
  .refine((s): boolean => isLocalDate(s), { message: "Expected a real date YYYY-MM-DD" });

/**
 * One AI suggestion for one member (docs/domain.md "AI suggestions" → "Scheduled suggestions"):
 * the job's input, the planner, then the store, idempotent on `dedupeKey`.
 */
export const aiSuggestionRequested = eventType("atlas/ai.suggestion-requested", {
  schema: z.object({
    workspaceId: z.string().min(1),
    memberId: z.string().min(1),
    type: z.enum(["decompose_goal", "weekly_plan", "recovery", "deferral"]),
    goalId: z.string().min(1).nullable(),
    weekStart: ZEventDate.nullable(),
    dedupeKey: z.string().min(1).max(300),
  }),
});

/** The Monday weekly plans of one workspace's members whose Monday morning has come. */
export const aiWeeklyPlansRequested = eventType("atlas/ai.weekly-plans.requested", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

/**
 * One notification's e-mail and push deliveries (docs/architecture.md "Jobs" → "Notifications"):
 * asked by notify() (`schedule`) from the apps and the jobs; the delivery function re-reads the
 * rows, so a redelivered event sends nothing twice.
 */
export const notifyDeliver = eventType("atlas/notify.deliver", {
  schema: z.object({
    workspaceId: z.string().min(1),
    userId: z.string().min(1),
    notificationId: z.string().min(1),
    dueAt: z.iso.datetime({ offset: true }).optional(),
  }),
});

/** The evening streak reminders of one workspace (docs/domain.md "Streak monitoring"). */
export const notifyEveningRequested = eventType("atlas/notify.evening.requested", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

/** The due digest e-mails of one workspace (docs/domain.md "Digest timing"). */
export const notifyDigestsRequested = eventType("atlas/notify.digests.requested", {
  schema: z.object({ workspaceId: z.string().min(1) }),
});

export const atlasEvents = {
  [dayCloseRequested.name]: dayCloseRequested,
  [weekSummaryRequested.name]: weekSummaryRequested,
  [billingCustomerSync.name]: billingCustomerSync,
  [billingSeatsSync.name]: billingSeatsSync,
  [billingReconcileRequested.name]: billingReconcileRequested,
  [aiSuggestionRequested.name]: aiSuggestionRequested,
  [aiWeeklyPlansRequested.name]: aiWeeklyPlansRequested,
  [notifyDeliver.name]: notifyDeliver,
  [notifyEveningRequested.name]: notifyEveningRequested,
  [notifyDigestsRequested.name]: notifyDigestsRequested,
} as const;

export type AtlasEventName = keyof typeof atlasEvents;
export type AtlasEventData<N extends AtlasEventName> = z.infer<
  NonNullable<(typeof atlasEvents)[N]["schema"]>
>;

/** Hourly, on the hour (UTC), in Inngest and in the embedded scheduler alike. */
export const DAY_CLOSE_CRON = "0 * * * *";

/**
 * Hourly at half past (UTC): each workspace is summarised at the first tick from 06:00 on its own
 * Monday (its default zone), and any tick after catches up a week still missing.
 */
export const WEEK_SUMMARY_CRON = "30 * * * *";

/** Nightly at 03:20 UTC: the billing reconcile (seat drift, missed webhooks). */
export const BILLING_RECONCILE_CRON = "20 3 * * *";
/**
 * Hourly at a quarter past (UTC): each workspace's members whose Monday has reached 06:00 in their
 * zone get the week's plan suggested, once (a later tick finds it stored).
 */
export const AI_WEEKLY_PLAN_CRON = "15 * * * *";

/**
 * Hourly at five past (UTC): the evening streak reminders of the members whose wall clock reads
 * 19:00 … 19:59 (docs/domain.md "Streak monitoring"); the hour is checked per member.
 */
export const NOTIFY_EVENING_CRON = "5 * * * *";

/**
 * Hourly at ten past (UTC): the digest e-mails due (hourly ones at every tick, daily and weekly
 * ones in the member's 08:00 hour; docs/domain.md "Digest timing").
 */
export const NOTIFY_DIGEST_CRON = "10 * * * *";
