import { createBillingFunctions } from "./billing.ts";
import { createAiSuggestionFunctions } from "./ai-suggestions.ts";
import { createDayCloseFunctions } from "./day-close.ts";
import { createNotificationFunctions } from "./notifications.ts";
import { createWeekSummaryFunctions } from "./week-summary.ts";

const dayClose = createDayCloseFunctions();
const weekSummary = createWeekSummaryFunctions();
const billing = createBillingFunctions();
const ai = createAiSuggestionFunctions();
const notifications = createNotificationFunctions();

/** Every Inngest function Atlas serves. */
export const functions = [
  dayClose.dayCloseCron,
  dayClose.dayCloseWorkspace,
  weekSummary.weekSummaryCron,
  weekSummary.weekSummaryWorkspace,
  billing.billingCustomerSync,
  billing.billingSeatsSync,
  billing.billingReconcileCron,
  billing.billingReconcileWorkspace,
  ai.aiWeeklyPlanCron,
  ai.aiWeeklyPlansWorkspace,
  ai.aiSuggestion,
  notifications.notifyDeliverFn,
  notifications.notifyEveningCron,
  notifications.notifyEveningWorkspace,
  notifications.notifyDigestCron,
  notifications.notifyDigestsWorkspace,
];
