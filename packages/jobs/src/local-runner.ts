/**
 * In-process delivery of Atlas events (embedded and test mode, where no Inngest server runs): the
 * same plain functions the Inngest functions call, with the same per-key concurrency (one run at a
 * time per workspace). Runs are fire-and-forget for the sender; `idle()` waits for all of them.
 */
import { runCustomerSync, runReconcile, runSeatsSync } from "./billing.ts";
import { listDailyChecks, listWeeklyPlans, runScheduledSuggestion } from "./ai-suggestions.ts";
import { closeWorkspaceDays } from "./day-close.ts";
import type { JobDeps } from "./deps.ts";
import {
  deliverOnce,
  notifyCoachDigests,
  notifyDayClose,
  notifyEvening,
  sendDueDigests,
  type DeliveryEventData,
} from "./notifications.ts";
import { closeAndSummariseWeek } from "./week-summary.ts";
import type { AtlasEventData, AtlasEventName } from "./events.ts";

export interface JobLog {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type Handlers = {
  [N in AtlasEventName]: {
    /** Runs with the same key never overlap (Inngest's `concurrency.key`). */
    key(data: AtlasEventData<N>): string;
    run(deps: JobDeps, data: AtlasEventData<N>): Promise<unknown>;
  };
};

/** Runs each listed suggestion in turn, in process (a failed one is logged by the caller). */
async function runEach(deps: JobDeps, events: Awaited<ReturnType<typeof listWeeklyPlans>>) {
  const results = [];
  for (const event of events) results.push(await runScheduledSuggestion(deps, event));
  return results;
}

/**
 * In process, a delivery deferred by quiet hours is retried by a timer (unref'd: it never holds
 * the process open); after a restart the row stays deferred until notify() or a digest reaches it
 * again (docs/architecture.md "Jobs" → "Notifications").
 */
async function deliverAndRetry(deps: JobDeps, data: DeliveryEventData) {
  const { dueAt, ...request } = data;
  const wait = dueAt === undefined ? 0 : new Date(dueAt).getTime() - deps.clock.now().getTime();
  if (wait > 0) {
    setTimeout(() => void deliverAndRetry(deps, request).catch(() => undefined), wait).unref();
    return { waitingUntil: dueAt };
  }
  const result = await deliverOnce(deps, request);
  if (result.nextDueAt !== null) {
    const later = { ...request, dueAt: result.nextDueAt };
    setTimeout(
      () => void deliverAndRetry(deps, later).catch(() => undefined),
      Math.max(0, new Date(result.nextDueAt).getTime() - deps.clock.now().getTime()),
    ).unref();
  }
  return result;
}

/** Runs a job's notices' deliveries in turn, in process. */
async function deliverEach(deps: JobDeps, deliveries: readonly DeliveryEventData[]) {
  for (const delivery of deliveries) await deliverAndRetry(deps, delivery);
}

export const defaultHandlers: Handlers = {
  "atlas/day-close.requested": {
    key: (data) => data.workspaceId,
    // Then the AI checks of the members whose day began (docs/domain.md "AI suggestions").
    run: async (deps, data) => {
      const closed = await closeWorkspaceDays(deps, data.workspaceId);
      await runEach(deps, await listDailyChecks(deps, data.workspaceId));
      // Then its notices (docs/domain.md "Overload notices", "Streak monitoring").
      const notices = await notifyDayClose(deps, data.workspaceId);
      await deliverEach(deps, notices.deliveries);
      return { ...closed, notified: notices.notified };
    },
  },
  "atlas/week-summary.requested": {
    key: (data) => data.workspaceId,
    run: (deps, data) => closeAndSummariseWeek(deps, data),
  },
  "atlas/billing.customer-sync": {
    key: (data) => data.customerId,
    run: runCustomerSync,
  },
  "atlas/billing.seats-sync": {
    key: (data) => data.workspaceId,
    run: runSeatsSync,
  },
  "atlas/billing.reconcile.requested": {
    key: (data) => data.workspaceId,
    run: runReconcile,
  },
  "atlas/ai.weekly-plans.requested": {
    key: (data) => data.workspaceId,
    run: async (deps, data) => runEach(deps, await listWeeklyPlans(deps, data.workspaceId)),
  },
  "atlas/ai.suggestion-requested": {
    key: (data) => data.memberId,
    run: (deps, data) => runScheduledSuggestion(deps, data),
  },
  "atlas/notify.deliver": {
    key: (data) => data.notificationId,
    run: deliverAndRetry,
  },
  "atlas/notify.evening.requested": {
    key: (data) => data.workspaceId,
    run: async (deps, data) => {
      const { notified, deliveries } = await notifyEvening(deps, data.workspaceId);
      await deliverEach(deps, deliveries);
      return { notified };
    },
  },
  "atlas/notify.digests.requested": {
    key: (data) => data.workspaceId,
    run: async (deps, data) => {
      const digests = await sendDueDigests(deps, data.workspaceId);
      const coach = await notifyCoachDigests(deps, data.workspaceId);
      await deliverEach(deps, coach.deliveries);
      return { ...digests, coachDigests: coach.notified };
    },
  },
};

export interface LocalRunner {
  dispatch<N extends AtlasEventName>(name: N, data: AtlasEventData<N>): void;
  /** Resolves once every dispatched run has finished (successfully or not). */
  idle(): Promise<void>;
}

export function createLocalRunner(
  deps: JobDeps,
  log: JobLog,
  handlers: Handlers = defaultHandlers,
): LocalRunner {
  /** The tail of each key's queue. */
  const tails = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();

  return {
    dispatch(name, data) {
      const handler = handlers[name];
      const key = `${name}:${handler.key(data)}`;
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(async () => {
        const started = Date.now();
        try {
          const result = await handler.run(deps, data);
          log.info(`${name} done`, { data, result, ms: Date.now() - started });
        } catch (error) {
          log.error(`${name} failed`, { data, error });
        }
      });
      tails.set(key, run);
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        if (tails.get(key) === run) tails.delete(key);
      });
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
