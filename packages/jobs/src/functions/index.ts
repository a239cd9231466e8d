import { createDayCloseFunctions } from "./day-close.ts";
import { createWeekSummaryFunctions } from "./week-summary.ts";

const dayClose = createDayCloseFunctions();
const weekSummary = createWeekSummaryFunctions();

/** Every Inngest function Atlas serves. */
export const functions = [
  dayClose.dayCloseCron,
  dayClose.dayCloseWorkspace,
  weekSummary.weekSummaryCron,
  weekSummary.weekSummaryWorkspace,
];
