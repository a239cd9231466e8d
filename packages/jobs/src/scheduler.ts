/**
 * The embedded scheduler (embedded mode only): the same cron expressions as the Inngest crons, the
 * same fan-out (one event per workspace), the same plain functions, in-process.
 */
import { Cron } from "croner";
import { listReconcileWorkspaces } from "./billing.ts";
import { listWorkspaceIds } from "./day-close.ts";
import { defaultDeps, type JobDeps } from "./deps.ts";
import { AI_WEEKLY_LISTING } from "./functions/ai-suggestions.ts";
import { NOTIFY_DIGEST_LISTING, NOTIFY_EVENING_LISTING } from "./functions/notifications.ts";
import {
  BILLING_RECONCILE_CRON,
  AI_WEEKLY_PLAN_CRON,
  DAY_CLOSE_CRON,
  NOTIFY_DIGEST_CRON,
  NOTIFY_EVENING_CRON,
  WEEK_SUMMARY_CRON,
  type AtlasEventData,
  type AtlasEventName,
} from "./events.ts";
import { createLocalRunner, type JobLog, type LocalRunner } from "./local-runner.ts";
import { listDueWeekSummaries } from "./week-summary.ts";

export interface EmbeddedSchedulerOptions {
  log: JobLog;
  deps?: JobDeps;
  /** Also run once right away, so work missed while the app was down runs now (default true). */
  catchUpOnStart?: boolean;
  runner?: LocalRunner;
}

export interface EmbeddedScheduler {
  (): Promise<void>;
  /** Resolves once the current ticks and every run they fanned out have finished (tests). */
  idle(): Promise<void>;
}

interface Schedule<N extends AtlasEventName> {
  /** The Inngest cron function's id, for the log. */
  id: string;
  cron: string;
  event: N;
  fanOut(deps: JobDeps): Promise<AtlasEventData<N>[]>;
  /** Whether a start runs it at once too (work missed while down); default true. */
  catchUp?: boolean;
}

/** What the Inngest crons do, one entry each (packages/jobs/src/functions). */
const SCHEDULES = [
  {
    id: "day-close-cron",
    cron: DAY_CLOSE_CRON,
    event: "atlas/day-close.requested",
    fanOut: async (deps) => (await listWorkspaceIds(deps)).map((workspaceId) => ({ workspaceId })),
  } satisfies Schedule<"atlas/day-close.requested">,
  {
    id: "week-summary-cron",
    cron: WEEK_SUMMARY_CRON,
    event: "atlas/week-summary.requested",
    fanOut: listDueWeekSummaries,
  } satisfies Schedule<"atlas/week-summary.requested">,
  {
    id: "billing-reconcile-cron",
    cron: BILLING_RECONCILE_CRON,
    event: "atlas/billing.reconcile.requested",
    fanOut: async (deps) =>
      (await listReconcileWorkspaces(deps)).map((workspaceId) => ({ workspaceId })),
    // Nightly and against Stripe: a restart does not run it again.
    catchUp: false,
  } satisfies Schedule<"atlas/billing.reconcile.requested">,
  {
    id: "ai-weekly-plan-cron",
    cron: AI_WEEKLY_PLAN_CRON,
    event: "atlas/ai.weekly-plans.requested",
    fanOut: async (deps) =>
      (await listWorkspaceIds(deps, AI_WEEKLY_LISTING)).map((workspaceId) => ({ workspaceId })),
  } satisfies Schedule<"atlas/ai.weekly-plans.requested">,
  {
    id: "notify-evening-cron",
    cron: NOTIFY_EVENING_CRON,
    event: "atlas/notify.evening.requested",
    fanOut: async (deps) =>
      (await listWorkspaceIds(deps, NOTIFY_EVENING_LISTING)).map((workspaceId) => ({
        workspaceId,
      })),
  } satisfies Schedule<"atlas/notify.evening.requested">,
  {
    id: "notify-digest-cron",
    cron: NOTIFY_DIGEST_CRON,
    event: "atlas/notify.digests.requested",
    fanOut: async (deps) =>
      (await listWorkspaceIds(deps, NOTIFY_DIGEST_LISTING)).map((workspaceId) => ({
        workspaceId,
      })),
  } satisfies Schedule<"atlas/notify.digests.requested">,
];

/** Starts the crons; returns a function that stops them and waits for runs in flight. */
export function startEmbeddedScheduler(options: EmbeddedSchedulerOptions): EmbeddedScheduler {
  const { log } = options;
  const deps = options.deps ?? defaultDeps;
  const runner = options.runner ?? createLocalRunner(deps, log);
  const ticking = new Map<string, Promise<void>>();

  const jobs = SCHEDULES.map(<N extends AtlasEventName>(schedule: Schedule<N>) => {
    const tick = () => {
      const run = (async () => {
        try {
          const events = await schedule.fanOut(deps);
          for (const data of events) runner.dispatch(schedule.event, data);
          log.info(`${schedule.id} fanned out`, { workspaces: events.length });
        } catch (error) {
          log.error(`${schedule.id} failed`, { error });
        }
      })();
      ticking.set(schedule.id, run);
      return run;
    };
    // protect: a tick still running when the next one is due is skipped, not doubled.
    const job = new Cron(schedule.cron, { timezone: "UTC", protect: true }, tick);
    if ((options.catchUpOnStart ?? true) && (schedule.catchUp ?? true)) void tick();
    return job;
  });

  const idle = async () => {
    await Promise.all(ticking.values());
    await runner.idle();
  };
  const stop = async () => {
    for (const job of jobs) job.stop();
    await idle();
  };
  return Object.assign(stop, { idle });
}
