/**
 * The scheduled AI suggestions in Inngest (docs/domain.md "AI suggestions" → "Scheduled
 * suggestions"): an hourly cron fans out one event per workspace; the per-workspace function
 * lists the members whose Monday morning has come and sends one suggestion event each; the
 * suggestion function (one run at a time per member) prepares, plans and stores, each a step,
 * idempotent on the event's dedupe key. The day close sends the recovery and deferral checks
 * (functions/day-close.ts).
 */
import { inngest } from "../client.ts";
import {
  listWeeklyPlans,
  planScheduled,
  prepareScheduled,
  readyNoticeOf,
  storeScheduled,
} from "../ai-suggestions.ts";
import { listWorkspaceIds } from "../day-close.ts";
import { defaultDeps, type JobDeps } from "../deps.ts";
import {
  AI_WEEKLY_PLAN_CRON,
  aiSuggestionRequested,
  aiWeeklyPlansRequested,
  notifyDeliver,
} from "../events.ts";

/** Inngest accepts a bounded batch per send: fan out in chunks. */
const FAN_OUT_CHUNK = 500;

export const AI_WEEKLY_LISTING = {
  actor: "job:ai-weekly-plan",
  reason: "list workspaces for the Monday weekly plans",
};

export function createAiSuggestionFunctions(deps: JobDeps = defaultDeps) {
  const aiWeeklyPlanCron = inngest.createFunction(
    { id: "ai-weekly-plan-cron", triggers: [{ cron: AI_WEEKLY_PLAN_CRON }] },
    async ({ step }) => {
      const workspaceIds = await step.run("list-workspaces", () =>
        listWorkspaceIds(deps, AI_WEEKLY_LISTING),
      );
      for (let i = 0; i < workspaceIds.length; i += FAN_OUT_CHUNK) {
        await step.sendEvent(
          `fan-out-${i / FAN_OUT_CHUNK}`,
          workspaceIds
            .slice(i, i + FAN_OUT_CHUNK)
            .map((workspaceId) => aiWeeklyPlansRequested.create({ workspaceId })),
        );
      }
      return { workspaces: workspaceIds.length };
    },
  );

  const aiWeeklyPlansWorkspace = inngest.createFunction(
    {
      id: "ai-weekly-plans-workspace",
      triggers: [aiWeeklyPlansRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => {
      const due = await step.run("list-members", () =>
        listWeeklyPlans(deps, event.data.workspaceId),
      );
      if (due.length > 0) {
        await step.sendEvent(
          "suggest",
          due.map((data) => aiSuggestionRequested.create(data)),
        );
      }
      return { members: due.length };
    },
  );

  const aiSuggestion = inngest.createFunction(
    {
      id: "ai-suggestion",
      triggers: [aiSuggestionRequested],
      concurrency: { key: "event.data.memberId", limit: 1 },
    },
    async ({ event, step }) => {
      const preparation = await step.run("prepare", () => prepareScheduled(deps, event.data));
      if ("nothing" in preparation) return { nothing: preparation.nothing };
      if ("existingId" in preparation) return { id: preparation.existingId };
      const { prepared } = preparation;
      const answer = await step.run("plan", () => planScheduled(deps, prepared));
      const id = await step.run("store", () => storeScheduled(deps, prepared, answer));
      // Proposed to the member: they hear it is ready, once per suggestion.
      const { deliveries } = await step.run("notify-ready", () =>
        readyNoticeOf(deps, prepared, id),
      );
      if (deliveries.length > 0) {
        await step.sendEvent(
          "deliver",
          deliveries.map((d) => notifyDeliver.create(d)),
        );
      }
      return { id };
    },
  );

  return { aiWeeklyPlanCron, aiWeeklyPlansWorkspace, aiSuggestion };
}
