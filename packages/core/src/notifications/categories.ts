/**
 * Every notification category Atlas sends and its rules (docs/domain.md "Notifications"): who
 * receives it, whether it is critical (bypasses quiet hours and a recipient's "off"), whether it
 * is urgent (sent on its own; a non-urgent one is batched into the recipient's e-mail digest),
 * the channels it wants, its throttle window and the deep link into the app. Pure data.
 */
import { z } from "zod";
import { isEntitled, type EntitlementSnapshot } from "../billing/plan-catalog.ts";

/** How a notification reaches a person (the `NotificationChannel` enum of the database). */
export const DELIVERY_CHANNELS = ["in_app", "email", "web_push"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Where a deep link opens: the member app (apps/web) or the coach console (apps/admin). */
export type LinkApp = "web" | "admin";
export interface DeepLink {
  app: LinkApp;
  /** A path with its query, e.g. "/habits/0190…". */
  path: string;
}

const id = z.string().min(1).max(200);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date YYYY-MM-DD");

interface CategorySpec<S extends z.ZodType> {
  /** Who it is meant for (the caller picks the person; this documents and labels it). */
  audience: "member" | "coach" | "owner";
  /** Bypasses quiet hours and the recipient's per-channel "off"; always e-mailed (billing). */
  isCritical: boolean;
  /** Sent on its own as soon as allowed; otherwise batched into the e-mail digest. */
  isUrgent: boolean;
  /** The channels it goes out on when the plan and the recipient allow. */
  channels: readonly DeliveryChannel[];
  /** After one reached a person on e-mail or push, more of the same category within this many
   * minutes go in-app only (and into the digest): never lost, never a flood. 0 = no throttle. */
  throttleMinutes: number;
  /** What the payload's `data` must hold for the deep link. */
  data: S;
  link: (data: z.infer<S>) => DeepLink;
  /** The label the settings and the unsubscribe page show. */
  label: string;
}

function spec<S extends z.ZodType>(value: CategorySpec<S>): CategorySpec<S> {
  return value;
}

const ALL = ["in_app", "email", "web_push"] as const;

export const NOTIFICATION_CATEGORY_SPECS = {
  overload: spec({
    label: "Overload warnings",
    audience: "member",
    isCritical: false,
    isUrgent: true,
    channels: ALL,
    throttleMinutes: 24 * 60,
    data: z.object({ localDate }),
    link: ({ localDate: date }) => ({ app: "web", path: `/?date=${date}` }),
  }),
  coach_flag: spec({
    label: "Members flagged for their coach",
    audience: "coach",
    isCritical: false,
    isUrgent: true,
    channels: ALL,
    throttleMinutes: 60,
    data: z.object({ memberId: id }),
    link: ({ memberId }) => ({ app: "admin", path: `/members/{workspaceId}/${memberId}` }),
  }),
  streak_at_risk: spec({
    label: "Streaks at risk",
    audience: "member",
    isCritical: false,
    isUrgent: true,
    channels: ALL,
    throttleMinutes: 12 * 60,
    data: z.object({ habitId: id }),
    link: ({ habitId }) => ({ app: "web", path: `/habits/${habitId}` }),
  }),
  streak_broken: spec({
    label: "Streaks broken",
    audience: "member",
    isCritical: false,
    isUrgent: false,
    channels: ["in_app", "email"],
    throttleMinutes: 0,
    data: z.object({ habitId: id }),
    link: ({ habitId }) => ({ app: "web", path: `/habits/${habitId}` }),
  }),
  streak_repaired: spec({
    label: "Streaks repaired",
    audience: "member",
    isCritical: false,
    isUrgent: false,
    channels: ["in_app", "email"],
    throttleMinutes: 0,
    data: z.object({ habitId: id }),
    link: ({ habitId }) => ({ app: "web", path: `/habits/${habitId}` }),
  }),
  digest_daily: spec({
    label: "Daily summary",
    audience: "member",
    isCritical: false,
    isUrgent: false,
    channels: ["in_app", "email"],
    throttleMinutes: 0,
    data: z.object({ localDate }),
    link: ({ localDate: date }) => ({ app: "web", path: `/dashboard?date=${date}` }),
  }),
  digest_weekly: spec({
    label: "Weekly summary",
    audience: "member",
    isCritical: false,
    isUrgent: false,
    channels: ["in_app", "email"],
    throttleMinutes: 0,
    data: z.object({ weekStart: localDate }),
    link: ({ weekStart }) => ({ app: "web", path: `/dashboard?week=${weekStart}` }),
  }),
  coach_weekly_digest: spec({
    label: "Coach's weekly digest",
    audience: "coach",
    isCritical: false,
    isUrgent: true,
    channels: ["in_app", "email"],
    throttleMinutes: 0,
    data: z.object({ weekStart: localDate }),
    link: ({ weekStart }) => ({ app: "admin", path: `/week?week=${weekStart}` }),
  }),
  ai_suggestion_ready: spec({
    label: "AI suggestions ready",
    audience: "member",
    isCritical: false,
    isUrgent: false,
    channels: ALL,
    throttleMinutes: 60,
    data: z.object({ suggestionId: id }),
    link: ({ suggestionId }) => ({ app: "web", path: `/?suggestion=${suggestionId}` }),
  }),
  coach_note_shared: spec({
    label: "Notes your coach shares",
    audience: "member",
    isCritical: false,
    isUrgent: true,
    channels: ALL,
    throttleMinutes: 0,
    data: z.object({ noteId: id }),
    link: ({ noteId }) => ({ app: "web", path: `/dashboard?note=${noteId}` }),
  }),
  billing_payment_failed: spec({
    label: "Payment failed",
    audience: "owner",
    isCritical: true,
    isUrgent: true,
    channels: ALL,
    throttleMinutes: 0,
    data: z.object({}).loose(),
    link: () => ({ app: "web", path: "/workspace" }),
  }),
  billing_trial_ending: spec({
    label: "Trial ending",
    audience: "owner",
    isCritical: true,
    isUrgent: true,
    channels: ALL,
    throttleMinutes: 0,
    data: z.object({}).loose(),
    link: () => ({ app: "web", path: "/workspace" }),
  }),
} as const;

export type NotificationCategory = keyof typeof NOTIFICATION_CATEGORY_SPECS;
export const NOTIFICATION_CATEGORIES = Object.keys(
  NOTIFICATION_CATEGORY_SPECS,
) as readonly NotificationCategory[];
export const ZNotificationCategory = z.enum(
  NOTIFICATION_CATEGORIES as [NotificationCategory, ...NotificationCategory[]],
);
export type CategoryData<C extends NotificationCategory> = z.infer<
  (typeof NOTIFICATION_CATEGORY_SPECS)[C]["data"]
>;

export function categorySpec(category: NotificationCategory) {
  return NOTIFICATION_CATEGORY_SPECS[category] as CategorySpec<z.ZodType>;
}

/** The deep link of one notification; `{workspaceId}` in a console path is filled in. */
export function deepLinkOf(
  category: NotificationCategory,
  data: unknown,
  workspaceId: string,
): DeepLink {
  const spec = categorySpec(category);
  const link = spec.link(spec.data.parse(data));
  return { ...link, path: link.path.replace("{workspaceId}", workspaceId) };
}

/**
 * How the plan lets a category reach a person on one channel:
 * - "instant": on its own (in-app; push with `web_push`; e-mail with `email_instant`, or any
 *   critical e-mail: dunning reaches owners on every plan);
 * - "digest": e-mail only inside the digest (`email_digest`; the coach's weekly digest needs
 *   `coach_digest`);
 * - null: the plan does not include it.
 */
export function planRoute(
  snapshot: EntitlementSnapshot,
  category: NotificationCategory,
  channel: DeliveryChannel,
): "instant" | "digest" | null {
  const spec = categorySpec(category);
  if (channel === "in_app")
    return isEntitled(snapshot, "in_app") || spec.isCritical ? "instant" : null;
  if (channel === "web_push") return isEntitled(snapshot, "web_push") ? "instant" : null;
  if (spec.isCritical) return "instant";
  if (category === "coach_weekly_digest") {
    return isEntitled(snapshot, "coach_digest") ? "instant" : null;
  }
  if (category === "digest_daily" || category === "digest_weekly") {
    return isEntitled(snapshot, "email_digest") ? "instant" : null;
  }
  if (spec.isUrgent && isEntitled(snapshot, "email_instant")) return "instant";
  return isEntitled(snapshot, "email_digest") ? "digest" : null;
}

/** The channels a category reaches a person on by default under a plan (the settings' defaults). */
export function defaultChannels(
  snapshot: EntitlementSnapshot,
  category: NotificationCategory,
): { channel: DeliveryChannel; route: "instant" | "digest" }[] {
  return categorySpec(category).channels.flatMap((channel) => {
    const route = planRoute(snapshot, category, channel);
    return route ? [{ channel, route }] : [];
  });
}
