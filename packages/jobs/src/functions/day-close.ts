/**
 * The day close in Inngest: an hourly cron fans out one event per workspace; a per-workspace
 * function (one run at a time per workspace) closes its due days in one idempotent step.
 */
import { inngest } from "../client.ts";
import { listDailyChecks } from "../ai-suggestions.ts";
import { closeWorkspaceDays, listWorkspaceIds } from "../day-close.ts";
import { defaultDeps, type JobDeps } from "../deps.ts";
import {
  aiSuggestionRequested,
  DAY_CLOSE_CRON,
  dayCloseRequested,
  notifyDeliver,
} from "../events.ts";
import { notifyDayClose } from "../notifications.ts";

/** Inngest accepts a bounded batch per send: fan out in chunks. */
const FAN_OUT_CHUNK = 500;

export function createDayCloseFunctions(deps: JobDeps = defaultDeps) {
  const dayCloseCron = inngest.createFunction(
    { id: "day-close-cron", triggers: [{ cron: DAY_CLOSE_CRON }] },
    async ({ step }) => {
      const workspaceIds = await step.run("list-workspaces", () => listWorkspaceIds(deps));
      for (let i = 0; i < workspaceIds.length; i += FAN_OUT_CHUNK) {
        await step.sendEvent(
          `fan-out-${i / FAN_OUT_CHUNK}`,
          workspaceIds
            .slice(i, i + FAN_OUT_CHUNK)
            .map((workspaceId) => dayCloseRequested.create({ workspaceId })),
        );
      }
      return { workspaces: workspaceIds.length };
    },
  );

  const dayCloseWorkspace = inngest.createFunction(
    {
      id: "day-close-workspace",
      triggers: [dayCloseRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => {
      const { workspaceId } = event.data;
      const closed = await step.run("close-due-days", () => closeWorkspaceDays(deps, workspaceId));
      // Once the day is closed: the AI checks (recovery, deferral) of the members whose day began.
      const checks = await step.run("list-ai-checks", () => listDailyChecks(deps, workspaceId));
      if (checks.length > 0) {
        await step.sendEvent(
          "ai-checks",
          checks.map((data) => aiSuggestionRequested.create(data)),
        );
      }
      // Then its notices (docs/domain.md "Overload notices", "Streak monitoring"): notify()'s
      // dedupe keys make a retried step notify nobody twice.
      const { deliveries } = await step.run("notify-day-close", () =>
        notifyDayClose(deps, workspaceId),
      );
      if (deliveries.length > 0) {
        await step.sendEvent(
          "deliver",
          deliveries.map((d) => notifyDeliver.create(d)),
        );
      }
      return closed;
    },
  );

  return { dayCloseCron, dayCloseWorkspace };
}
