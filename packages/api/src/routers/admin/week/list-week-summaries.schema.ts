import type { listWeekSummaries } from "@atlas/core/services/workspaces/weekly-summary";
import { ZWorkspaceWeekSummary } from "@atlas/core/weekly-summary";
import { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";

/** The stored summary's own schema (core), so the page reads exactly what a mail would. */
export const ZListWeekSummariesOutput = z.array(ZWorkspaceWeekSummary) satisfies z.ZodType<
  ServiceOutput<typeof listWeekSummaries>
>;
