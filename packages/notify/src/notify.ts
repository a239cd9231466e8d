/**
 * The one entry point for telling a person something (docs/domain.md "Notifications", ADR 0012):
 * `notify(recipient, category, payload, dedupeKey)` stores the notification (the in-app inbox row)
 * and one NotificationDelivery per channel the category wants, decided by the plan, the
 * recipient's choices, quiet hours and the throttle (plan-deliveries.ts), then asks the scheduler
 * to deliver what is due. Runs as the app role bound to the recipient (row-level security), so a
 * caller can never write into another workspace. The dedupe key makes a retried job a no-op: the
 * second call stores nothing and only re-asks for delivery (delivery itself is idempotent).
 */
import { AppError } from "@atlas/core/errors";
import type { EntitlementSnapshot } from "@atlas/core/billing/plan-catalog";
import {
  categorySpec,
  deepLinkOf,
  ZNotificationCategory,
  type CategoryData,
  type DeliveryChannel,
  type NotificationCategory,
} from "@atlas/core/notifications/categories";
import { createTenantDb, type Db, type NotificationDeliveryStatus, type Prisma } from "@atlas/db";
import { localToday, timeSettingOn, toLocalDate, type Clock } from "@atlas/time";
import { z } from "zod";
import { planDeliveries } from "./plan-deliveries.ts";

export interface Recipient {
  workspaceId: string;
  userId: string;
}

export interface NotifyPayload<C extends NotificationCategory> {
  /** One line, in the recipient's words (the inbox, the e-mail subject, the push title). */
  title: string;
  body: string;
  /** What the category's deep link needs (categories.ts). */
  data: CategoryData<C>;
}

/** Asks for the deliveries of one notification that are due at `dueAt` (the Inngest event
 * `atlas/notify.deliver`, or the embedded runner); the delivery function re-reads the rows. */
export interface DeliveryRequest extends Recipient {
  notificationId: string;
  dueAt: Date;
}

/** A new in-app notification, for the live inbox (pub/sub). */
export interface InboxEvent extends Recipient {
  notificationId: string;
}

export interface NotifyDeps {
  /** The app-role client (bound to the recipient here). */
  db: Db;
  clock: Clock;
  schedule: (request: DeliveryRequest) => Promise<void>;
  publish: (event: InboxEvent) => Promise<void>;
}

export interface NotifyResult {
  notificationId: string;
  /** false: the dedupe key was seen before; nothing new was stored. */
  isNew: boolean;
  deliveries: { channel: DeliveryChannel; status: NotificationDeliveryStatus; dueAt: Date }[];
}

const ZPayload = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2000),
  data: z.record(z.string(), z.unknown()),
});
const ZDedupeKey = z.string().min(1).max(300);

export async function notify<C extends NotificationCategory>(
  deps: NotifyDeps,
  recipient: Recipient,
  category: C,
  payload: NotifyPayload<C>,
  dedupeKey: string,
): Promise<NotifyResult> {
  ZNotificationCategory.parse(category);
  const { title, body } = ZPayload.parse(payload);
  const data = categorySpec(category).data.parse(payload.data) as Prisma.InputJsonObject;
  ZDedupeKey.parse(dedupeKey);
  const now = deps.clock.now();
  const link = deepLinkOf(category, data, recipient.workspaceId);
  const db = createTenantDb(deps.db, recipient);

  const result = await db.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { workspaceId_userId: recipient },
      select: { leftAt: true, workspace: { select: { entitlements: true } } },
    });
    if (!member || member.leftAt) {
      throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
    }
    const created = await tx.notification.createManyAndReturn({
      data: [
        {
          ...recipient,
          kind: category,
          title,
          body,
          data: { ...data, link: { ...link } },
          dedupeKey,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created.length === 0) {
      const existing = await tx.notification.findUniqueOrThrow({
        where: { workspaceId_userId_dedupeKey: { ...recipient, dedupeKey } },
        select: { id: true, deliveries: { select: { channel: true, status: true, dueAt: true } } },
      });
      return { notificationId: existing.id, isNew: false, deliveries: existing.deliveries };
    }
    const notificationId = created[0]!.id;
    const [preferences, settings, timeSettings, isThrottled] = await Promise.all([
      tx.notificationPreference.findMany({
        where: { ...recipient, kind: category },
        select: { channel: true, isEnabled: true },
      }),
      tx.notificationSettings.findUnique({ where: { workspaceId_userId: recipient } }),
      tx.userTimeSetting.findMany({
        where: { userId: recipient.userId },
        orderBy: { effectiveFrom: "desc" },
        take: 2,
        select: { effectiveFrom: true, timeZone: true, dayStartMinutes: true },
      }),
      isCategoryThrottled(tx, recipient, category, notificationId, now),
    ]);
    const versions = timeSettings.map((v) => ({
      ...v,
      effectiveFrom: toLocalDate(v.effectiveFrom.toISOString().slice(0, 10)),
    }));
    const timeZone = timeSettingOn(versions, localToday(versions, now))?.timeZone ?? "UTC";
    const planned = planDeliveries({
      category,
      snapshot: member.workspace.entitlements as unknown as EntitlementSnapshot,
      isChannelEnabled: Object.fromEntries(preferences.map((p) => [p.channel, p.isEnabled])),
      digest: settings?.digest ?? "daily",
      quietHours:
        settings?.quietHoursStartMinutes != null && settings.quietHoursEndMinutes != null
          ? {
              startMinutes: settings.quietHoursStartMinutes,
              endMinutes: settings.quietHoursEndMinutes,
            }
          : null,
      timeZone,
      isThrottled,
      now,
    });
    await tx.notificationDelivery.createMany({
      data: planned.map((d) => ({
        ...recipient,
        notificationId,
        channel: d.channel,
        digest: d.digest,
        status: d.status,
        dueAt: d.dueAt,
        sentAt: d.status === "sent" ? now : null,
        lastError: d.reason,
      })),
    });
    // In-app turned off: kept as a record, but it never rings the bell.
    const inApp = planned.find((d) => d.channel === "in_app");
    if (inApp?.status !== "sent") {
      await tx.notification.update({ where: { id: notificationId }, data: { readAt: now } });
    }
    return { notificationId, isNew: true, deliveries: planned };
  });

  if (
    result.isNew &&
    result.deliveries.some((d) => d.channel === "in_app" && d.status === "sent")
  ) {
    await deps.publish({ ...recipient, notificationId: result.notificationId });
  }
  await scheduleDue(deps, recipient, result.notificationId, result.deliveries);
  return {
    notificationId: result.notificationId,
    isNew: result.isNew,
    deliveries: result.deliveries.map(({ channel, status, dueAt }) => ({ channel, status, dueAt })),
  };
}

/** One request at the earliest instant delivery still waiting (digest deliveries wait for the digest). */
async function scheduleDue(
  deps: NotifyDeps,
  recipient: Recipient,
  notificationId: string,
  deliveries: readonly { status: NotificationDeliveryStatus; dueAt: Date; digest?: unknown }[],
): Promise<void> {
  const waiting = deliveries
    .filter((d) => (d.status === "queued" || d.status === "deferred") && !d.digest)
    .map((d) => d.dueAt.getTime());
  if (waiting.length === 0) return;
  await deps.schedule({ ...recipient, notificationId, dueAt: new Date(Math.min(...waiting)) });
}

type Tx = Parameters<Parameters<ReturnType<typeof createTenantDb>["$transaction"]>[0]>[0];

/** Whether another notification of `category` went to the person on e-mail or push (sent or on
 * its way) inside the category's window (docs/domain.md "Notifications": throttle). */
async function isCategoryThrottled(
  tx: Tx,
  recipient: Recipient,
  category: NotificationCategory,
  notificationId: string,
  now: Date,
): Promise<boolean> {
  const minutes = categorySpec(category).throttleMinutes;
  if (minutes === 0) return false;
  const recent = await tx.notification.findFirst({
    where: {
      ...recipient,
      kind: category,
      id: { not: notificationId },
      createdAt: { gte: new Date(now.getTime() - minutes * 60_000) },
      deliveries: {
        some: {
          channel: { in: ["email", "web_push"] },
          digest: null,
          status: { in: ["queued", "deferred", "sent"] },
        },
      },
    },
    select: { id: true },
  });
  return recent !== null;
}
