import { createAiSuggestionFunctions } from "./ai-suggestions.ts";
import { createDayCloseFunctions } from "./day-close.ts";
import { createWeekSummaryFunctions } from "./week-summary.ts";

const dayClose = createDayCloseFunctions();
const weekSummary = createWeekSummaryFunctions();
const ai = createAiSuggestionFunctions();

/** Every Inngest function Atlas serves. */
export const functions = [
  dayClose.dayCloseCron,
  dayClose.dayCloseWorkspace,
  weekSummary.weekSummaryCron,
  weekSummary.weekSummaryWorkspace,
  ai.aiWeeklyPlanCron,
  ai.aiWeeklyPlansWorkspace,
  ai.aiSuggestion,
];
