import type { listSuggestions } from "@atlas/core/services/ai/read";
import { ZPlannerJob } from "@atlas/core/planner/types";
import { z } from "zod";
import { pageOf, ZId, ZPageInput, type ServiceOutput } from "../../../schemas.ts";
import { ZSuggestionStatus, ZSuggestionView } from "./ai.schema.ts";

export const ZListSuggestionsInput = z
  .object({
    type: ZPlannerJob.optional(),
    status: z.array(ZSuggestionStatus).min(1).optional(),
    /** A goal's suggestions (decompose_goal). */
    goalId: ZId.optional(),
    ...ZPageInput,
  })
  .default({ limit: 50 });

/** Newest first. */
export const ZListSuggestionsOutput = pageOf(ZSuggestionView) satisfies z.ZodType<
  ServiceOutput<typeof listSuggestions>
>;
