/**
 * The notification jobs' plain steps (docs/architecture.md "Jobs" → "Notifications"; docs/domain.md
 * "Notifications"): the Inngest functions and the local runner only order them.
 *
 * - `deliverOnce`: one notification's due e-mail and push deliveries (deliverNotification).
 * - `notifyDayClose` / `notifyEvening`: the notices core selects after a day close and in the
 *   member's evening, each handed to notify() with its dedupe key, so a rerun sends nothing twice.
 * - `sendDueDigests`: the digest e-mails of one workspace's members whose local time says so.
 *
 * A notice's deliveries are not sent here: notify() asks for them (`schedule`), and the caller
 * turns each request into an `atlas/notify.deliver` event (Inngest) or a local run.
 */
import { atlasMode, repoRoot } from "@atlas/config";
import { digestPeriodsDue, isCoachDigestTime } from "@atlas/core/notice-rules";
import { isEntitled } from "@atlas/core/billing/plan-catalog";
import { addDays, dayKey, isoWeekStart } from "@atlas/time";
import {
  dayCloseNotices,
  eveningStreakNotices,
  type JobNotice,
} from "@atlas/core/services/notifications/job-notices";
import type { OwnerNotice } from "@atlas/core/services/billing/notify-owners";
import { createTenantDb } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import type { EntitlementSnapshot } from "@atlas/core/billing/plan-catalog";
import {
  channelsFor,
  degradeQueuedDeliveries,
  deliverNotification,
  notify,
  notifyConfig,
  sendDigest,
  type DeliverDeps,
  type DeliveryRequest,
  type NotificationCategory,
  type NotifyDeps,
  type NotifyPayload,
  type Recipient,
} from "@atlas/notify";
import { createInboxBus } from "@atlas/notify/inbox-bus";
import { recipientTimeZone } from "@atlas/notify/time-zone";
import type { JobDeps, NotifyChannels } from "./deps.ts";

let channels: NotifyChannels | undefined;

/** The deps' senders, else the environment's (SMTP or the outbox, VAPID push, the inbox bus). */
export function notifyChannelsOf(deps: JobDeps): NotifyChannels {
  if (deps.notify) return deps.notify();
  if (!channels) {
    const config = notifyConfig();
    channels = {
      config,
      ...channelsFor(config, atlasMode(), { bypassDb: deps.bypassDb(), root: repoRoot() }),
      inboxBus: createInboxBus({ redisUrl: process.env.REDIS_URL || undefined }),
    };
  }
  return channels;
}

function deliverDepsOf(deps: JobDeps): DeliverDeps {
  const { config, email, push } = notifyChannelsOf(deps);
  return { db: deps.appDb(), clock: deps.clock, config, email, push };
}

/** The delivery event's data: who, which notification (JSON, so no Date). */
export interface DeliveryEventData extends Recipient {
  notificationId: string;
  /** ISO instant the delivery is due; absent = now. */
  dueAt?: string;
}

export function deliveryEventOf(request: DeliveryRequest): DeliveryEventData {
  return {
    workspaceId: request.workspaceId,
    userId: request.userId,
    notificationId: request.notificationId,
    dueAt: request.dueAt.toISOString(),
  };
}

/** Sends one notification's due deliveries once; `nextDueAt` (ISO) when some still wait. */
export async function deliverOnce(
  deps: JobDeps,
  data: DeliveryEventData,
): Promise<{ sent: number; failed: number; nextDueAt: string | null }> {
  const result = await deliverNotification(deliverDepsOf(deps), data);
  return {
    sent: result.sent,
    failed: result.failed,
    nextDueAt: result.nextDueAt?.toISOString() ?? null,
  };
}

/** notify()'s deps for a job: its requests for delivery are collected for the caller to send. */
function notifyDepsOf(deps: JobDeps, requests: DeliveryEventData[]): NotifyDeps {
  const { inboxBus } = notifyChannelsOf(deps);
  return {
    db: deps.appDb(),
    clock: deps.clock,
    schedule: async (request) => {
      requests.push(deliveryEventOf(request));
    },
    publish: (event) => inboxBus.publish(event),
  };
}

/** Hands notices to notify() one by one; returns the deliveries to schedule. */
export async function notifyAll(
  deps: JobDeps,
  workspaceId: string,
  notices: readonly {
    userId: string;
    category: NotificationCategory;
    dedupeKey: string;
    payload: NotifyPayload<NotificationCategory>;
  }[],
): Promise<{ notified: number; deliveries: DeliveryEventData[] }> {
  const deliveries: DeliveryEventData[] = [];
  if (notices.length === 0) return { notified: 0, deliveries };
  const notifyDeps = notifyDepsOf(deps, deliveries);
  let notified = 0;
  for (const notice of notices) {
    const result = await notify(
      notifyDeps,
      { workspaceId, userId: notice.userId },
      notice.category,
      notice.payload,
      notice.dedupeKey,
    );
    if (result.isNew) notified += 1;
  }
  return { notified, deliveries };
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** The words and link data of one job notice (docs/domain.md "Overload notices", "Streak monitoring"). */
export function noticeMessage(notice: JobNotice): NotifyPayload<NotificationCategory> {
  const p = notice.payload as Record<string, unknown>;
  switch (notice.category) {
    case "overload": {
      const days = Number(p.overloadedDays ?? 0);
      return {
        title: "Your plan is running over your capacity",
        body: `${days} of your last days went over capacity (level: ${String(p.level)}). Consider moving or dropping something.`,
        data: { localDate: String(p.localDate) },
      };
    }
    case "coach_flag":
      return {
        title: `${String(p.memberName ?? "A member")} is overloaded`,
        body: `Their load has been over capacity on ${Number(p.overloadedDays ?? 0)} recent days.`,
        data: { memberId: String(p.memberId) },
      };
    case "streak_broken":
      return {
        title: `Streak ended: ${String(p.title)}`,
        body: `Your ${Number(p.streak)}-day streak ended on ${String(p.localDate)}. Start again today.`,
        data: { habitId: String(p.habitId) },
      };
    case "streak_repaired":
      return {
        title: `Streak repaired: ${String(p.title)}`,
        body: `Your streak is back at ${Number(p.streak)} ${plural(Number(p.streak), "day", "days")}.`,
        data: { habitId: String(p.habitId) },
      };
    case "streak_at_risk": {
      const habits = (p.habits ?? []) as { habitId: string; title: string; streak: number }[];
      const names = habits.map((h) => `${h.title} (${h.streak})`).join(", ");
      return {
        title: `${habits.length} ${plural(habits.length, "streak", "streaks")} at risk tonight`,
        body: `Still open today: ${names}.`,
        data: { habitId: habits[0]!.habitId },
      };
    }
  }
}

function withMessages(notices: readonly JobNotice[]) {
  return notices.map((n) => ({
    userId: n.userId,
    category: n.category,
    dedupeKey: n.dedupeKey,
    payload: noticeMessage(n),
  }));
}

/** After the day close: overload, coach flags, streaks broken and repaired (dedupe keys from core). */
export async function notifyDayClose(deps: JobDeps, workspaceId: string) {
  const db = createTenantDb(deps.appDb(), { workspaceId, userId: null });
  const notices = await dayCloseNotices(db, { workspaceId, now: deps.clock.now() });
  return notifyAll(deps, workspaceId, withMessages(notices));
}

/** The evening reminder: streaks at risk of members in their 19:00 hour. */
export async function notifyEvening(deps: JobDeps, workspaceId: string) {
  const db = createTenantDb(deps.appDb(), { workspaceId, userId: null });
  const notices = await eveningStreakNotices(db, { workspaceId, now: deps.clock.now() });
  return notifyAll(deps, workspaceId, withMessages(notices));
}

/**
 * The digests due now in one workspace (docs/domain.md "Digest timing"): the recipients with
 * batched e-mail waiting (one query), hourly ones at every tick, daily and weekly ones when
 * their local time says so (digestPeriodsDue). A digest sends only what is queued and due, so a
 * rerun of a tick sends nothing twice.
 */
export async function sendDueDigests(
  deps: JobDeps,
  workspaceId: string,
): Promise<{ digests: number; items: number }> {
  const now = deps.clock.now();
  const db = createTenantDb(deps.appDb(), { workspaceId, userId: null });
  const waiting = await db.notificationDelivery.findMany({
    where: {
      workspaceId,
      channel: "email",
      status: "queued",
      digest: { not: null },
      dueAt: { lte: now },
    },
    distinct: ["userId", "digest"],
    select: { userId: true, digest: true },
    orderBy: [{ userId: "asc" }, { digest: "asc" }],
  });
  const deliverDeps = deliverDepsOf(deps);
  let digests = 0;
  let items = 0;
  const zones = new Map<string, string>();
  for (const { userId, digest } of waiting) {
    if (digest === null || digest === "off") continue;
    if (digest !== "hourly") {
      let zone = zones.get(userId);
      if (zone === undefined) {
        zone = await createTenantDb(deps.appDb(), { workspaceId, userId }).$transaction((tx) =>
          recipientTimeZone(tx, userId, now),
        );
        zones.set(userId, zone);
      }
      if (!digestPeriodsDue(now, zone).includes(digest)) continue;
    }
    const sent = await sendDigest(deliverDeps, { workspaceId, userId }, digest);
    if (sent.sent > 0) digests += 1;
    items += sent.sent;
  }
  return { digests, items };
}

/** Billing's notice kinds (docs/domain.md "Billing events") and their categories. */
const BILLING_CATEGORY = {
  "billing.payment_failed": "billing_payment_failed",
  "billing.trial_will_end": "billing_trial_ending",
} as const satisfies Record<string, NotificationCategory>;

/**
 * One owner's billing notice through notify() (critical: past quiet hours and "off"), delivered
 * at once; billing's dedupe key keeps a redelivered event from notifying twice. True when new.
 */
export async function notifyOwnerOfBilling(
  deps: JobDeps,
  recipient: Recipient,
  notice: OwnerNotice,
): Promise<boolean> {
  const category = BILLING_CATEGORY[notice.kind as keyof typeof BILLING_CATEGORY];
  if (category === undefined) throw new Error(`Unknown billing notice ${notice.kind}`);
  const { notified, deliveries } = await notifyAll(deps, recipient.workspaceId, [
    {
      userId: recipient.userId,
      category,
      dedupeKey: notice.dedupeKey,
      payload: { title: notice.title, body: notice.body, data: { ...notice.data } },
    },
  ]);
  for (const delivery of deliveries) await deliverOnce(deps, delivery);
  return notified > 0;
}

/**
 * After a billing sync: the workspace's waiting deliveries on channels its plan no longer
 * includes are degraded (docs/domain.md "Notifications": a downgrade loses none). A no-op unless
 * the plan lost a channel, so it runs after every applied sync.
 */
export async function degradeAfterPlanChange(deps: JobDeps, workspaceId: string): Promise<number> {
  return withBypass(
    {
      actor: "job:billing-notify",
      reason: "degrade deliveries the plan no longer includes",
      workspaceId,
    },
    async (db) => {
      const workspace = await db.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { entitlements: true },
      });
      return degradeQueuedDeliveries(
        db,
        workspaceId,
        workspace.entitlements as unknown as EntitlementSnapshot,
      );
    },
    deps.bypassDb(),
  );
}

/** What each suggestion type is called in the notice. */
const SUGGESTION_TITLE = {
  decompose_goal: "A plan for your goal is ready",
  weekly_plan: "Your week's plan is ready",
  recovery: "A recovery plan is ready",
  deferral: "Suggestions for what to move are ready",
} as const;

/**
 * A stored suggestion proposed to the member (not waiting for the coach) tells them it is ready
 * (docs/domain.md "Notifications": ai_suggestion_ready), once per suggestion.
 */
export async function notifySuggestionReady(
  deps: JobDeps,
  suggestion: {
    workspaceId: string;
    memberId: string;
    type: keyof typeof SUGGESTION_TITLE;
    status: "proposed" | "pending_coach";
    id: string;
  },
) {
  if (suggestion.status !== "proposed") return { notified: 0, deliveries: [] };
  return notifyAll(deps, suggestion.workspaceId, [
    {
      userId: suggestion.memberId,
      category: "ai_suggestion_ready",
      dedupeKey: `ai_suggestion_ready:${suggestion.id}`,
      payload: {
        title: SUGGESTION_TITLE[suggestion.type],
        body: "Open it to review, edit or dismiss it.",
        data: { suggestionId: suggestion.id },
      },
    },
  ]);
}

/**
 * The coach's weekly digest (docs/domain.md "Digest timing"): on a plan with `coach_digest`, each
 * owner, admin and coach whose wall clock has reached Monday 08:00 is told of the workspace's
 * stored summary of the week that just ended, once per week (dedupe key). The latest stored
 * summary is read (one row), never the history.
 */
export async function notifyCoachDigests(deps: JobDeps, workspaceId: string) {
  const now = deps.clock.now();
  const db = createTenantDb(deps.appDb(), { workspaceId, userId: null });
  const due = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { entitlements: true },
    });
    if (!isEntitled(workspace.entitlements as unknown as EntitlementSnapshot, "coach_digest")) {
      return [];
    }
    const latest = await tx.workspaceWeekSummary.findFirst({
      where: { workspaceId },
      orderBy: { weekStart: "desc" },
      select: { weekStart: true },
    });
    if (latest === null) return [];
    const weekStart = latest.weekStart.toISOString().slice(0, 10);
    const coaches = await tx.membership.findMany({
      where: { workspaceId, leftAt: null, role: { in: ["owner", "admin", "coach"] } },
      select: { userId: true },
      orderBy: { userId: "asc" },
    });
    const out: { userId: string; weekStart: string }[] = [];
    for (const { userId } of coaches) {
      const zone = await recipientTimeZone(tx, userId, now);
      const lastWeek = addDays(isoWeekStart(dayKey(now, zone, 0)), -7);
      if (lastWeek === weekStart && isCoachDigestTime(now, zone)) out.push({ userId, weekStart });
    }
    return out;
  });
  return notifyAll(
    deps,
    workspaceId,
    due.map(({ userId, weekStart }) => ({
      userId,
      category: "coach_weekly_digest" as const,
      dedupeKey: `coach_weekly_digest:${weekStart}`,
      payload: {
        title: `Your team's week of ${weekStart}`,
        body: "The weekly summary is ready in the coach console.",
        data: { weekStart },
      },
    })),
  );
}
