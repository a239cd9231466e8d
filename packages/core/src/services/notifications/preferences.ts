/**
 * A member's notification choices in one workspace (docs/domain.md "Notifications", "Preferences"):
 * per category × channel on/off (NotificationPreference; no row = on), quiet hours and digest
 * frequency (NotificationSettings; no row = none and daily), and their devices' web push
 * subscriptions. What the plan allows comes from `planRoute`, the same rule notify() applies.
 * Row-level security keeps the rows the member's own (owner_isolation); the queries filter by
 * workspace and user as well.
 */
import type { DigestFrequency, TenantDb } from "@atlas/db";
import type { EntitlementSnapshot } from "../../billing/plan-catalog.ts";
import { AppError } from "../../errors.ts";
import {
  categorySpec,
  DELIVERY_CHANNELS,
  NOTIFICATION_CATEGORIES,
  planRoute,
  type DeliveryChannel,
  type NotificationCategory,
} from "../../notifications/categories.ts";
import type { InboxRecipient } from "./inbox.ts";

/** Only the two keys: callers pass their membership, whose role is no column here. */
const keyOf = ({ workspaceId, userId }: InboxRecipient): InboxRecipient => ({
  workspaceId,
  userId,
});

const CHANNEL_NAMES: Record<DeliveryChannel, string> = {
  in_app: "in-app notices",
  email: "e-mail",
  web_push: "web push",
};

export interface ChannelChoice {
  channel: DeliveryChannel;
  isEnabled: boolean;
  /** How the plan lets it go: on its own, inside the e-mail digest, or not at all. */
  route: "instant" | "digest" | "none";
  /** The member cannot change it: critical, not sent on this channel, or not in the plan. */
  isLocked: boolean;
  /** Why it is locked or batched, in the member's words; null when nothing needs saying. */
  reason: string | null;
  /** The plan, not the category, stops it: an owner can change the plan at /billing. */
  isPlanLimited: boolean;
}

export interface CategoryChoices {
  category: NotificationCategory;
  label: string;
  isCritical: boolean;
  channels: ChannelChoice[];
}

export interface QuietHoursSetting {
  startMinutes: number;
  endMinutes: number;
}

export interface NotificationPreferences {
  planName: string;
  categories: CategoryChoices[];
  quietHours: QuietHoursSetting | null;
  digest: DigestFrequency;
}

function choiceOf(
  snapshot: EntitlementSnapshot,
  category: NotificationCategory,
  channel: DeliveryChannel,
  stored: boolean | undefined,
): ChannelChoice {
  const spec = categorySpec(category);
  if (!spec.channels.includes(channel)) {
    return {
      channel,
      isEnabled: false,
      route: "none",
      isLocked: true,
      reason: `${spec.label} are not sent as ${CHANNEL_NAMES[channel]}.`,
      isPlanLimited: false,
    };
  }
  const route = planRoute(snapshot, category, channel);
  if (route === null) {
    return {
      channel,
      isEnabled: false,
      route: "none",
      isLocked: true,
      reason: `Your plan (${snapshot.planName}) does not include ${CHANNEL_NAMES[channel]} for this.`,
      isPlanLimited: true,
    };
  }
  if (spec.isCritical) {
    return {
      channel,
      isEnabled: true,
      route,
      isLocked: true,
      reason: "Critical: always sent, even in quiet hours.",
      isPlanLimited: false,
    };
  }
  return {
    channel,
    isEnabled: stored ?? true,
    route,
    isLocked: false,
    reason:
      route === "digest"
        ? `Your plan (${snapshot.planName}) sends this in your e-mail digest.`
        : null,
    isPlanLimited: false,
  };
}

/** Every category × channel with the member's choice and what the plan allows, and their timing. */
export async function getNotificationPreferences(
  db: TenantDb,
  member: InboxRecipient,
  snapshot: EntitlementSnapshot,
): Promise<NotificationPreferences> {
  const recipient = keyOf(member);
  const [rows, settings] = await Promise.all([
    db.notificationPreference.findMany({
      where: recipient,
      select: { kind: true, channel: true, isEnabled: true },
    }),
    db.notificationSettings.findUnique({ where: { workspaceId_userId: recipient } }),
  ]);
  const stored = new Map(rows.map((r) => [`${r.kind}:${r.channel}`, r.isEnabled]));
  return {
    planName: snapshot.planName,
    categories: NOTIFICATION_CATEGORIES.map((category) => {
      const spec = categorySpec(category);
      return {
        category,
        label: spec.label,
        isCritical: spec.isCritical,
        channels: DELIVERY_CHANNELS.map((channel) =>
          choiceOf(snapshot, category, channel, stored.get(`${category}:${channel}`)),
        ),
      };
    }),
    quietHours: quietHoursOf(settings),
    digest: settings?.digest ?? "daily",
  };
}

function quietHoursOf(
  settings: { quietHoursStartMinutes: number | null; quietHoursEndMinutes: number | null } | null,
): QuietHoursSetting | null {
  return settings?.quietHoursStartMinutes != null && settings.quietHoursEndMinutes != null
    ? { startMinutes: settings.quietHoursStartMinutes, endMinutes: settings.quietHoursEndMinutes }
    : null;
}

export interface PreferenceChange {
  category: NotificationCategory;
  channel: DeliveryChannel;
  isEnabled: boolean;
}

/**
 * Saves per category × channel choices (repeating it changes nothing). A critical category cannot
 * be turned off, nor a channel a category never uses; a channel the plan lacks may be chosen (it
 * applies once the plan includes it).
 */
export async function updateNotificationPreferences(
  db: TenantDb,
  member: InboxRecipient,
  snapshot: EntitlementSnapshot,
  changes: readonly PreferenceChange[],
): Promise<NotificationPreferences> {
  const recipient = keyOf(member);
  for (const { category, channel, isEnabled } of changes) {
    const spec = categorySpec(category);
    if (spec.isCritical && !isEnabled) {
      throw new AppError(
        "BAD_REQUEST",
        `"${spec.label}" is critical: it always reaches you and cannot be turned off.`,
        { category, channel },
      );
    }
    if (!spec.channels.includes(channel)) {
      throw new AppError(
        "BAD_REQUEST",
        `"${spec.label}" are not sent as ${CHANNEL_NAMES[channel]}.`,
        { category, channel },
      );
    }
  }
  await db.$transaction(
    changes.map(({ category, channel, isEnabled }) =>
      db.notificationPreference.upsert({
        where: {
          workspaceId_userId_channel_kind: { ...recipient, channel, kind: category },
        },
        create: { ...recipient, channel, kind: category, isEnabled },
        update: { isEnabled },
      }),
    ),
  );
  return getNotificationPreferences(db, recipient, snapshot);
}

export interface NotificationSettingsChange {
  /** null: no quiet hours; unset: unchanged. */
  quietHours?: QuietHoursSetting | null;
  digest?: DigestFrequency;
}

/** Saves quiet hours (local minutes after midnight; start > end spans midnight) and digest frequency. */
export async function updateNotificationSettings(
  db: TenantDb,
  member: InboxRecipient,
  change: NotificationSettingsChange,
): Promise<{ quietHours: QuietHoursSetting | null; digest: DigestFrequency }> {
  const recipient = keyOf(member);
  const quiet =
    change.quietHours === undefined
      ? {}
      : {
          quietHoursStartMinutes: change.quietHours?.startMinutes ?? null,
          quietHoursEndMinutes: change.quietHours?.endMinutes ?? null,
        };
  const digest = change.digest === undefined ? {} : { digest: change.digest };
  const saved = await db.notificationSettings.upsert({
    where: { workspaceId_userId: recipient },
    create: { ...recipient, ...quiet, ...digest },
    update: { ...quiet, ...digest },
  });
  return { quietHours: quietHoursOf(saved), digest: saved.digest };
}

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/**
 * Stores this device's push subscription (one per workspace and endpoint): subscribing again
 * updates its keys, so a retried call or a re-subscribed browser leaves one row.
 */
export async function subscribePush(
  db: TenantDb,
  member: InboxRecipient,
  input: PushSubscriptionInput,
): Promise<{ endpoint: string }> {
  const recipient = keyOf(member);
  const keys = { p256dh: input.keys.p256dh, auth: input.keys.auth };
  const where = { ...recipient, endpoint: input.endpoint };
  const renew = async () => (await db.pushSubscription.updateMany({ where, data: keys })).count > 0;
  if (await renew()) return { endpoint: input.endpoint };
  // Not an upsert: under row-level security ON CONFLICT DO UPDATE fails on a row the caller
  // cannot see. DO NOTHING skips it, and a second look tells a retry of one's own from a browser
  // that is another member's (one person per workspace and endpoint).
  const { count } = await db.pushSubscription.createMany({
    data: [{ ...where, ...keys }],
    skipDuplicates: true,
  });
  if (count === 0 && !(await renew())) {
    throw new AppError(
      "CONFLICT",
      "This browser already gets another member's push notifications for this workspace: they can turn push off in their settings first.",
    );
  }
  return { endpoint: input.endpoint };
}

/** Forgets this device's subscription; one already gone is fine. */
export async function unsubscribePush(
  db: TenantDb,
  member: InboxRecipient,
  endpoint: string,
): Promise<{ removed: boolean }> {
  const recipient = keyOf(member);
  const { count } = await db.pushSubscription.deleteMany({ where: { ...recipient, endpoint } });
  return { removed: count > 0 };
}
