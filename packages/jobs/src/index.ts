export { inngest } from "./client.ts";
export { send } from "./send.ts";
export { inngestHandler } from "./serve.ts";
export { functions } from "./functions/index.ts";
export { createDayCloseFunctions } from "./functions/day-close.ts";
export { createWeekSummaryFunctions } from "./functions/week-summary.ts";
export { createBillingFunctions } from "./functions/billing.ts";
export { createAiSuggestionFunctions } from "./functions/ai-suggestions.ts";
export { startEmbeddedScheduler, type EmbeddedSchedulerOptions } from "./scheduler.ts";
export { closeWorkspaceDays, listWorkspaceIds } from "./day-close.ts";
export {
  closeAndSummariseWeek,
  listDueWeekSummaries,
  summariseWorkspaceWeekJob,
} from "./week-summary.ts";
export { billingOf, defaultDeps, type JobDeps } from "./deps.ts";
export { listDailyChecks, listWeeklyPlans, runScheduledSuggestion } from "./ai-suggestions.ts";
export { listReconcileWorkspaces, runCustomerSync, runReconcile, runSeatsSync } from "./billing.ts";
export {
  BILLING_RECONCILE_CRON,
  billingCustomerSync,
  billingReconcileRequested,
  billingSeatsSync,
  AI_WEEKLY_PLAN_CRON,
  aiSuggestionRequested,
  aiWeeklyPlansRequested,
  DAY_CLOSE_CRON,
  dayCloseRequested,
  WEEK_SUMMARY_CRON,
  weekSummaryRequested,
  type AtlasEventName,
} from "./events.ts";
export type { JobLog } from "./local-runner.ts";
