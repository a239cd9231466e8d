/**
 * The embedded scheduler (embedded mode only): the same cron expression as the Inngest cron, the
 * same fan-out (one event per workspace), the same plain functions, in-process.
 */
import { Cron } from "croner";
import { listWorkspaceIds } from "./day-close.ts";
import { defaultDeps, type JobDeps } from "./deps.ts";
import { DAY_CLOSE_CRON } from "./events.ts";
import { createLocalRunner, type JobLog, type LocalRunner } from "./local-runner.ts";

export interface EmbeddedSchedulerOptions {
  log: JobLog;
  deps?: JobDeps;
  /** Also run once right away, so days missed while the app was down close now (default true). */
  catchUpOnStart?: boolean;
  runner?: LocalRunner;
}

export interface EmbeddedScheduler {
  (): Promise<void>;
  /** Resolves once the current tick and every run it fanned out have finished (tests). */
  idle(): Promise<void>;
}

/** Starts the crons; returns a function that stops them and waits for runs in flight. */
export function startEmbeddedScheduler(options: EmbeddedSchedulerOptions): EmbeddedScheduler {
  const { log } = options;
  const deps = options.deps ?? defaultDeps;
  const runner = options.runner ?? createLocalRunner(deps, log);
  let ticking: Promise<void> = Promise.resolve();

  const tick = () => {
    ticking = (async () => {
      try {
        const workspaceIds = await listWorkspaceIds(deps);
        for (const workspaceId of workspaceIds) {
          runner.dispatch("atlas/day-close.requested", { workspaceId });
        }
        log.info("day-close-cron fanned out", { workspaces: workspaceIds.length });
      } catch (error) {
        log.error("day-close-cron failed", { error });
      }
    })();
    return ticking;
  };

  // protect: a tick still running when the next one is due is skipped, not doubled.
  const job = new Cron(DAY_CLOSE_CRON, { timezone: "UTC", protect: true }, tick);
  if (options.catchUpOnStart ?? true) void tick();

  const idle = async () => {
    await ticking;
    await runner.idle();
  };
  const stop = async () => {
    job.stop();
    await idle();
  };
  return Object.assign(stop, { idle });
}
