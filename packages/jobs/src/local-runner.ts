/**
 * In-process delivery of Atlas events (embedded and test mode, where no Inngest server runs): the
 * same plain functions the Inngest functions call, with the same per-key concurrency (one run at a
 * time per workspace). Runs are fire-and-forget for the sender; `idle()` waits for all of them.
 */
import { runCustomerSync, runReconcile, runSeatsSync } from "./billing.ts";
import { listDailyChecks, listWeeklyPlans, runScheduledSuggestion } from "./ai-suggestions.ts";
import { closeWorkspaceDays } from "./day-close.ts";
import type { JobDeps } from "./deps.ts";
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

export const defaultHandlers: Handlers = {
  "atlas/day-close.requested": {
    key: (data) => data.workspaceId,
    // Then the AI checks of the members whose day began (docs/domain.md "AI suggestions").
    run: async (deps, data) => {
      const closed = await closeWorkspaceDays(deps, data.workspaceId);
      await runEach(deps, await listDailyChecks(deps, data.workspaceId));
      return closed;
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
