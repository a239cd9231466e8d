import type { requestSuggestion } from "@atlas/core/services/ai/request";
import { ZPlannerJob } from "@atlas/core/planner/types";
import { z } from "zod";
import { ZDateInput, ZId, ZIdempotencyKey, type ServiceOutput } from "../../../schemas.ts";
import { ZSuggestionView } from "./ai.schema.ts";

/**
 * What to plan: `decompose_goal` names one of the caller's goals; `weekly_plan` may name the
 * week's Monday (default: today when it is a Monday, else the next Monday); `recovery` and
 * `deferral` take nothing more.
 */
export const ZRequestSuggestionInput = z
  .object({
    /** A retry with the same key answers with the first suggestion. */
    idempotencyKey: ZIdempotencyKey,
    type: ZPlannerJob,
    goalId: ZId.optional(),
    weekStart: ZDateInput.optional(),
  })
  .refine((v) => (v.type === "decompose_goal") === (v.goalId !== undefined), {
    error: "Pick the goal to break into steps (only for breaking a goal into steps)",
    path: ["goalId"],
  })
  .refine((v) => v.type === "weekly_plan" || v.weekStart === undefined, {
    error: "A week start goes only with a weekly plan",
    path: ["weekStart"],
  });

export const ZRequestSuggestionOutput = ZSuggestionView satisfies z.ZodType<
  ServiceOutput<typeof requestSuggestion>
>;
