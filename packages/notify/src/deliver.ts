/**
 * Delivery (docs/domain.md "Notifications"): the plain functions the Inngest function
 * `atlas/notify.deliver` and the embedded runner call. Each reads the stored deliveries, sends what
 * is due outside any transaction, then records the outcome, so a retry sends only what is still
 * unsent. The plan is read again at send time: a downgrade since notify() degrades the delivery
 * instead of sending on a channel the plan no longer includes.
 */
import { render } from "@react-email/components";
import {
  categorySpec,
  NOTIFICATION_CATEGORIES,
  planRoute,
  type NotificationCategory,
} from "@atlas/core/notifications/categories";
import { isEntitled, type EntitlementSnapshot } from "@atlas/core/billing/plan-catalog";
import { createTenantDb, type Db, type DigestFrequency } from "@atlas/db";
import type { Clock } from "@atlas/time";
import { createElement } from "react";
import type { NotifyConfig } from "./env.ts";
import { DigestEmail, NotificationEmail, type EmailItem } from "./email/templates.tsx";
import type { EmailTransport } from "./email/transport.ts";
import type { Recipient } from "./notify.ts";
import type { PushSender } from "./push.ts";
import { quietHoursEnd } from "./quiet-hours.ts";
import { recipientTimeZone } from "./time-zone.ts";
import { signUnsubscribeToken, targetLabel, type UnsubscribeTarget } from "./unsubscribe.ts";

export interface DeliverDeps {
  /** The app-role client (bound to the recipient here). */
  db: Db;
  clock: Clock;
  config: NotifyConfig;
  email: EmailTransport;
  /** null: push is off (no VAPID keys). */
  push: PushSender | null;
}

/** Attempts before a delivery is given up as failed. */
export const MAX_ATTEMPTS = 5;

export interface DeliverResult {
  sent: number;
  failed: number;
  /** The next instant delivery still waiting (quiet hours), for the caller to come back. */
  nextDueAt: Date | null;
}

interface StoredLink {
  app: "web" | "admin";
  path: string;
}

function urlOf(config: NotifyConfig, data: unknown): string {
  const link = (data as { link?: StoredLink }).link;
  const base = link?.app === "admin" ? config.adminUrl : config.webUrl;
  return `${base}${link?.path ?? "/"}`;
}

function unsubscribeUrl(config: NotifyConfig, recipient: Recipient, target: UnsubscribeTarget) {
  const token = signUnsubscribeToken(config.signingSecret, { ...recipient, target });
  return `${config.webUrl}/api/notifications/unsubscribe?token=${token}`;
}

/** Sends the due instant deliveries of one notification. */
export async function deliverNotification(
  deps: DeliverDeps,
  request: Recipient & { notificationId: string },
): Promise<DeliverResult> {
  const recipient = { workspaceId: request.workspaceId, userId: request.userId };
  const now = deps.clock.now();
  const db = createTenantDb(deps.db, recipient);
  const loaded = await db.$transaction(async (tx) => {
    const notification = await tx.notification.findUnique({
      where: { id: request.notificationId },
      select: {
        kind: true,
        title: true,
        body: true,
        data: true,
        workspace: { select: { entitlements: true } },
        member: { select: { user: { select: { email: true } } } },
        deliveries: {
          where: { status: { in: ["queued", "deferred"] }, digest: null },
          select: { id: true, channel: true, dueAt: true, attempts: true },
        },
      },
    });
    const subscriptions = notification?.deliveries.some((d) => d.channel === "web_push")
      ? await tx.pushSubscription.findMany({
          where: recipient,
          select: { id: true, endpoint: true, p256dh: true, auth: true },
        })
      : [];
    return notification && { notification, subscriptions };
  });
  if (!loaded) return { sent: 0, failed: 0, nextDueAt: null };
  const { notification, subscriptions } = loaded;
  const category = notification.kind as NotificationCategory;
  const snapshot = notification.workspace.entitlements as unknown as EntitlementSnapshot;
  const url = urlOf(deps.config, notification.data);
  const outcome = { sent: 0, failed: 0 };
  const due = notification.deliveries.filter((d) => d.dueAt <= now);

  for (const delivery of due) {
    const route = planRoute(snapshot, category, delivery.channel);
    if (route !== "instant") {
      await degrade(db, delivery.id, delivery.channel, snapshot);
      continue;
    }
    try {
      let status: "sent" | "skipped" = "sent";
      let reason: string | null = null;
      if (delivery.channel === "email") {
        const isCritical = categorySpec(category).isCritical;
        const unsubscribe = isCritical ? null : unsubscribeUrl(deps.config, recipient, category);
        const item: EmailItem = { title: notification.title, body: notification.body, url };
        const element = createElement(NotificationEmail, {
          item,
          unsubscribeUrl: unsubscribe,
          what: targetLabel(category),
        });
        await deps.email.send({
          to: notification.member.user.email,
          subject: notification.title,
          html: await render(element),
          text: await render(element, { plainText: true }),
          messageId: `<${delivery.id}@atlas.notifications>`,
          unsubscribeUrl: unsubscribe,
          workspaceId: recipient.workspaceId,
        });
      } else if (delivery.channel === "web_push") {
        const reached = await pushToAll(deps, db, subscriptions, {
          title: notification.title,
          body: notification.body,
          url,
          tag: category,
        });
        if (!reached) [status, reason] = ["skipped", "no push subscription"];
      }
      await db.notificationDelivery.update({
        where: { id: delivery.id },
        data: {
          status,
          sentAt: status === "sent" ? deps.clock.now() : null,
          attempts: { increment: 1 },
          lastError: reason,
        },
      });
      if (status === "sent") outcome.sent++;
    } catch (error) {
      outcome.failed++;
      const attempts = delivery.attempts + 1;
      await db.notificationDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts,
          status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
          lastError: error instanceof Error ? error.message.slice(0, 500) : "send failed",
        },
      });
    }
  }
  const later = notification.deliveries.filter((d) => d.dueAt > now).map((d) => d.dueAt.getTime());
  return { ...outcome, nextDueAt: later.length > 0 ? new Date(Math.min(...later)) : null };
}

/** Pushes to every subscription; deletes the gone ones. Whether any device was reached. */
async function pushToAll(
  deps: DeliverDeps,
  db: ReturnType<typeof createTenantDb>,
  subscriptions: { id: string; endpoint: string; p256dh: string; auth: string }[],
  message: Parameters<PushSender["send"]>[1],
): Promise<boolean> {
  if (!deps.push) return false;
  let reached = false;
  for (const subscription of subscriptions) {
    const result = await deps.push.send(subscription, message);
    if (result === "gone") await db.pushSubscription.delete({ where: { id: subscription.id } });
    else reached = true;
  }
  return reached;
}

/**
 * The plan no longer carries this delivery on its own channel (a downgrade): e-mail falls back to
 * the daily digest when the plan has it; push is marked degraded and its notification joins the
 * digest. The in-app row is on every plan, so nothing is lost either way.
 */
async function degrade(
  db: ReturnType<typeof createTenantDb>,
  deliveryId: string,
  channel: "in_app" | "email" | "web_push",
  snapshot: EntitlementSnapshot,
): Promise<void> {
  const hasDigest = isEntitled(snapshot, "email_digest");
  await db.$transaction(async (tx) => {
    const delivery = await tx.notificationDelivery.update({
      where: { id: deliveryId },
      data:
        channel === "email" && hasDigest
          ? { digest: "daily", status: "queued", lastError: "plan: moved to the digest" }
          : { status: "degraded", lastError: "plan: channel no longer included" },
    });
    if (channel === "web_push" && hasDigest) {
      await tx.notificationDelivery.createMany({
        data: [
          {
            workspaceId: delivery.workspaceId,
            userId: delivery.userId,
            notificationId: delivery.notificationId,
            channel: "email",
            digest: "daily",
            dueAt: delivery.dueAt,
            lastError: "plan: push moved to the digest",
          },
        ],
        skipDuplicates: true,
      });
    }
  });
}

/**
 * A downgrade (billing): every waiting delivery of the workspace on a channel the new plan no
 * longer includes is degraded now, so the settings and the queue agree (docs/domain.md
 * "Notifications": none lost). `bypassDb` is billing's audited client. Returns how many moved.
 */
export async function degradeQueuedDeliveries(
  bypassDb: Pick<Db, "notificationDelivery" | "$transaction">,
  workspaceId: string,
  snapshot: EntitlementSnapshot,
): Promise<number> {
  const hasDigest = isEntitled(snapshot, "email_digest");
  const waiting = { workspaceId, status: { in: ["queued" as const, "deferred" as const] } };
  let moved = 0;
  if (!isEntitled(snapshot, "web_push")) {
    const pushes = await bypassDb.notificationDelivery.findMany({
      where: { ...waiting, channel: "web_push" },
      select: { userId: true, notificationId: true, dueAt: true },
    });
    await bypassDb.$transaction([
      bypassDb.notificationDelivery.updateMany({
        where: { ...waiting, channel: "web_push" },
        data: { status: "degraded", lastError: "plan: channel no longer included" },
      }),
      ...(hasDigest && pushes.length > 0
        ? [
            bypassDb.notificationDelivery.createMany({
              data: pushes.map((p) => ({
                workspaceId,
                userId: p.userId,
                notificationId: p.notificationId,
                channel: "email" as const,
                digest: "daily" as const,
                dueAt: p.dueAt,
                lastError: "plan: push moved to the digest",
              })),
              skipDuplicates: true,
            }),
          ]
        : []),
    ]);
    moved += pushes.length;
  }
  if (!isEntitled(snapshot, "email_instant")) {
    // Critical notices and the summaries keep the e-mail the plan still routes on its own.
    const result = await bypassDb.notificationDelivery.updateMany({
      where: {
        ...waiting,
        channel: "email",
        digest: null,
        notification: {
          kind: {
            notIn: NOTIFICATION_CATEGORIES.filter(
              (c) => planRoute(snapshot, c, "email") === "instant",
            ),
          },
        },
      },
      data: hasDigest
        ? { digest: "daily", status: "queued", lastError: "plan: moved to the digest" }
        : { status: "degraded", lastError: "plan: channel no longer included" },
    });
    moved += result.count;
  }
  return moved;
}

/** Most items one digest e-mail lists; the rest go in the next. */
export const DIGEST_LIMIT = 50;

/**
 * One digest e-mail of a person's batched non-urgent notifications of `frequency` that are due
 * (docs/domain.md "Notifications": digests). In quiet hours it waits for their end. Items are
 * read oldest first, at most DIGEST_LIMIT per e-mail.
 */
export async function sendDigest(
  deps: DeliverDeps,
  recipient: Recipient,
  frequency: Exclude<DigestFrequency, "off">,
): Promise<{ sent: number; deferredUntil: Date | null }> {
  const now = deps.clock.now();
  const db = createTenantDb(deps.db, recipient);
  const loaded = await db.$transaction(async (tx) => {
    const [member, settings, timeZone, deliveries] = await Promise.all([
      tx.membership.findUnique({
        where: { workspaceId_userId: recipient },
        select: {
          leftAt: true,
          user: { select: { email: true } },
          workspace: { select: { name: true } },
        },
      }),
      tx.notificationSettings.findUnique({ where: { workspaceId_userId: recipient } }),
      recipientTimeZone(tx, recipient.userId, now),
      tx.notificationDelivery.findMany({
        where: {
          ...recipient,
          channel: "email",
          status: "queued",
          digest: frequency,
          dueAt: { lte: now },
        },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: DIGEST_LIMIT,
        select: { id: true, notification: { select: { title: true, body: true, data: true } } },
      }),
    ]);
    return { member, settings, timeZone, deliveries };
  });
  const { member, settings, deliveries } = loaded;
  if (!member || member.leftAt || deliveries.length === 0) return { sent: 0, deferredUntil: null };
  const quietEnd =
    settings?.quietHoursStartMinutes != null && settings.quietHoursEndMinutes != null
      ? quietHoursEnd(now, loaded.timeZone, {
          startMinutes: settings.quietHoursStartMinutes,
          endMinutes: settings.quietHoursEndMinutes,
        })
      : null;
  if (quietEnd) return { sent: 0, deferredUntil: quietEnd };

  const unsubscribe = unsubscribeUrl(deps.config, recipient, "digest");
  const element = createElement(DigestEmail, {
    heading: `Your ${frequency} digest from ${member.workspace.name}`,
    items: deliveries.map(({ notification: n }) => ({
      title: n.title,
      body: n.body,
      url: urlOf(deps.config, n.data),
    })),
    unsubscribeUrl: unsubscribe,
  });
  await deps.email.send({
    to: member.user.email,
    subject: `Atlas: ${deliveries.length} update${deliveries.length === 1 ? "" : "s"} (${frequency} digest)`,
    html: await render(element),
    text: await render(element, { plainText: true }),
    messageId: `<digest-${deliveries[0]!.id}@atlas.notifications>`,
    unsubscribeUrl: unsubscribe,
    workspaceId: recipient.workspaceId,
  });
  const sentAt = deps.clock.now();
  await db.notificationDelivery.updateMany({
    where: { id: { in: deliveries.map((d) => d.id) }, status: "queued" },
    data: { status: "sent", sentAt, attempts: { increment: 1 } },
  });
  return { sent: deliveries.length, deferredUntil: null };
}
