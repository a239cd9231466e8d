/**
 * The notification jobs in Inngest (docs/architecture.md "Jobs" → "Notifications"):
 * - `notify-deliver` (trigger `atlas/notify.deliver`, one run at a time per notification) sends a
 *   notification's due deliveries, sleeping until a deferred one is due (quiet hours);
 * - `notify-evening-cron` / `notify-evening-workspace`: the evening streak reminders;
 * - `notify-digest-cron` / `notify-digests-workspace`: the digest e-mails.
 * The day close's notices run in `day-close-workspace` (functions/day-close.ts).
 */
import { inngest } from "../client.ts";
import { listWorkspaceIds, type ListingUse } from "../day-close.ts";
import { defaultDeps, type JobDeps } from "../deps.ts";
import {
  NOTIFY_DIGEST_CRON,
  NOTIFY_EVENING_CRON,
  notifyDeliver,
  notifyDigestsRequested,
  notifyEveningRequested,
} from "../events.ts";
import {
  deliverOnce,
  notifyCoachDigests,
  notifyEvening,
  sendDueDigests,
} from "../notifications.ts";

/** Inngest accepts a bounded batch per send: fan out in chunks. */
const FAN_OUT_CHUNK = 500;

/** A deferred delivery waits at most this many times (quiet hours end once a day). */
const MAX_WAITS = 3;

export const NOTIFY_EVENING_LISTING: ListingUse = {
  actor: "job:notify-evening",
  reason: "list workspaces for the evening streak reminders",
};

export const NOTIFY_DIGEST_LISTING: ListingUse = {
  actor: "job:notify-digest",
  reason: "list workspaces for the digest e-mails",
};

export function createNotificationFunctions(deps: JobDeps = defaultDeps) {
  const notifyDeliverFn = inngest.createFunction(
    {
      id: "notify-deliver",
      triggers: [notifyDeliver],
      concurrency: { key: "event.data.notificationId", limit: 1 },
    },
    async ({ event, step }) => {
      const { dueAt, ...request } = event.data;
      if (dueAt !== undefined && new Date(dueAt) > deps.clock.now()) {
        await step.sleepUntil("wait-due", dueAt);
      }
      let result = await step.run("deliver-0", () => deliverOnce(deps, request));
      for (let i = 1; result.nextDueAt !== null && i <= MAX_WAITS; i++) {
        await step.sleepUntil(`wait-${i}`, result.nextDueAt);
        result = await step.run(`deliver-${i}`, () => deliverOnce(deps, request));
      }
      return result;
    },
  );

  const notifyEveningCron = inngest.createFunction(
    { id: "notify-evening-cron", triggers: [{ cron: NOTIFY_EVENING_CRON }] },
    async ({ step }) => {
      const ids = await step.run("list-workspaces", () =>
        listWorkspaceIds(deps, NOTIFY_EVENING_LISTING),
      );
      for (let i = 0; i < ids.length; i += FAN_OUT_CHUNK) {
        await step.sendEvent(
          `fan-out-${i / FAN_OUT_CHUNK}`,
          ids
            .slice(i, i + FAN_OUT_CHUNK)
            .map((workspaceId) => notifyEveningRequested.create({ workspaceId })),
        );
      }
      return { workspaces: ids.length };
    },
  );

  const notifyEveningWorkspace = inngest.createFunction(
    {
      id: "notify-evening-workspace",
      triggers: [notifyEveningRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => {
      const { notified, deliveries } = await step.run("notify-streaks-at-risk", () =>
        notifyEvening(deps, event.data.workspaceId),
      );
      if (deliveries.length > 0) {
        await step.sendEvent(
          "deliver",
          deliveries.map((d) => notifyDeliver.create(d)),
        );
      }
      return { notified };
    },
  );

  const notifyDigestCron = inngest.createFunction(
    { id: "notify-digest-cron", triggers: [{ cron: NOTIFY_DIGEST_CRON }] },
    async ({ step }) => {
      const ids = await step.run("list-workspaces", () =>
        listWorkspaceIds(deps, NOTIFY_DIGEST_LISTING),
      );
      for (let i = 0; i < ids.length; i += FAN_OUT_CHUNK) {
        await step.sendEvent(
          `fan-out-${i / FAN_OUT_CHUNK}`,
          ids
            .slice(i, i + FAN_OUT_CHUNK)
            .map((workspaceId) => notifyDigestsRequested.create({ workspaceId })),
        );
      }
      return { workspaces: ids.length };
    },
  );

  const notifyDigestsWorkspace = inngest.createFunction(
    {
      id: "notify-digests-workspace",
      triggers: [notifyDigestsRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => {
      const { workspaceId } = event.data;
      const digests = await step.run("send-digests", () => sendDueDigests(deps, workspaceId));
      const coach = await step.run("notify-coach-digests", () =>
        notifyCoachDigests(deps, workspaceId),
      );
      if (coach.deliveries.length > 0) {
        await step.sendEvent(
          "deliver",
          coach.deliveries.map((d) => notifyDeliver.create(d)),
        );
      }
      return { ...digests, coachDigests: coach.notified };
    },
  );

  return {
    notifyDeliverFn,
    notifyEveningCron,
    notifyEveningWorkspace,
    notifyDigestCron,
    notifyDigestsWorkspace,
  };
}
