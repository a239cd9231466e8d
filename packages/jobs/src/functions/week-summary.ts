/**
 * The weekly summary in Inngest: an hourly cron fans out one event per workspace whose Monday
 * morning has come and whose last week is not stored; a per-workspace function (one run at a
 * time per workspace) closes its due days, then summarises and upserts, each an idempotent step.
 */
import { inngest } from "../client.ts";
import { defaultDeps, type JobDeps } from "../deps.ts";
import { closeWorkspaceDays } from "../day-close.ts";
import { WEEK_SUMMARY_CRON, weekSummaryRequested } from "../events.ts";
import { listDueWeekSummaries, summariseWorkspaceWeekJob } from "../week-summary.ts";

/** Inngest accepts a bounded batch per send: fan out in chunks. */
const FAN_OUT_CHUNK = 500;

export function createWeekSummaryFunctions(deps: JobDeps = defaultDeps) {
  const weekSummaryCron = inngest.createFunction(
    { id: "week-summary-cron", triggers: [{ cron: WEEK_SUMMARY_CRON }] },
    async ({ step }) => {
      const due = await step.run("list-due-workspaces", () => listDueWeekSummaries(deps));
      for (let i = 0; i < due.length; i += FAN_OUT_CHUNK) {
        await step.sendEvent(
          `fan-out-${i / FAN_OUT_CHUNK}`,
          due.slice(i, i + FAN_OUT_CHUNK).map((request) => weekSummaryRequested.create(request)),
        );
      }
      return { workspaces: due.length };
    },
  );

  const weekSummaryWorkspace = inngest.createFunction(
    {
      id: "week-summary-workspace",
      triggers: [weekSummaryRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => {
      const { workspaceId, weekStart } = event.data;
      await step.run("close-due-days", () => closeWorkspaceDays(deps, workspaceId));
      return step.run("summarise-week", () =>
        summariseWorkspaceWeekJob(deps, { workspaceId, weekStart }),
      );
    },
  );

  return { weekSummaryCron, weekSummaryWorkspace };
}
