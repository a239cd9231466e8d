/**
 * Which channels carry one notification, how and when (docs/domain.md "Notifications"): the plan
 * (`planRoute`), the recipient's per-category choices, their digest frequency, quiet hours and
 * the category's throttle. Pure: notify() reads the inputs and stores the result.
 */
import {
  categorySpec,
  planRoute,
  type DeliveryChannel,
  type NotificationCategory,
} from "@atlas/core/notifications/categories";
import { isEntitled, type EntitlementSnapshot } from "@atlas/core/billing/plan-catalog";
import type { DigestFrequency, NotificationDeliveryStatus } from "@atlas/db";
import { quietHoursEnd, type QuietHours } from "./quiet-hours.ts";

export interface DeliveryInputs {
  category: NotificationCategory;
  snapshot: EntitlementSnapshot;
  /** The recipient's explicit choices per channel; a channel absent here is on. */
  isChannelEnabled: Partial<Record<DeliveryChannel, boolean>>;
  digest: DigestFrequency;
  quietHours: QuietHours | null;
  timeZone: string;
  /** Another notification of the category reached them on e-mail or push inside the window. */
  isThrottled: boolean;
  now: Date;
}

export interface PlannedDelivery {
  channel: DeliveryChannel;
  /** Set: batched into that digest; null: sent on its own. */
  digest: DigestFrequency | null;
  status: NotificationDeliveryStatus;
  dueAt: Date;
  /** Why a delivery is not going out ("preference off", "throttled", "not in the plan"). */
  reason: string | null;
}

export function planDeliveries(inputs: DeliveryInputs): PlannedDelivery[] {
  const { category, snapshot, now } = inputs;
  const spec = categorySpec(category);
  const quietEnd =
    !spec.isCritical && inputs.quietHours
      ? quietHoursEnd(now, inputs.timeZone, inputs.quietHours)
      : null;
  const planned = (
    channel: DeliveryChannel,
    digest: DigestFrequency | null,
    status: NotificationDeliveryStatus,
    reason: string | null = null,
  ): PlannedDelivery => ({ channel, digest, status, dueAt: now, reason });

  return spec.channels.map((channel) => {
    const route = planRoute(snapshot, category, channel);
    if (route === null) return planned(channel, null, "dropped_by_plan", "not in the plan");
    if (!spec.isCritical && inputs.isChannelEnabled[channel] === false) {
      return planned(channel, null, "skipped", "preference off");
    }
    // In-app is silent: it is stored now and never waits for quiet hours.
    if (channel === "in_app") return planned(channel, null, "sent");
    const digestAllowed = isEntitled(snapshot, "email_digest") && inputs.digest !== "off";
    const wantsDigest =
      channel === "email" &&
      !spec.isCritical &&
      (route === "digest" || !spec.isUrgent || inputs.isThrottled);
    if (wantsDigest) {
      return digestAllowed
        ? planned(channel, inputs.digest, "queued")
        : planned(channel, null, "skipped", inputs.isThrottled ? "throttled" : "digest off");
    }
    if (channel === "web_push" && inputs.isThrottled && !spec.isCritical) {
      return planned(channel, null, "skipped", "throttled");
    }
    return quietEnd
      ? { ...planned(channel, null, "deferred"), dueAt: quietEnd }
      : planned(channel, null, "queued");
  });
}
