import type { reviewSuggestions } from "@atlas/core/services/ai/review";
import { z } from "zod";
import { ZId, ZText, type ServiceOutput } from "../../../schemas.ts";
import { ZItemDecision } from "../../app/ai/ai.schema.ts";

export const ZReviewSuggestionsInput = z.object({
  /** Suggestions of the workspace named by `workspaceId`, decided alike. */
  ids: z
    .array(ZId)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { error: "Each suggestion at most once" }),
  decision: z.enum(["approve", "reject"]),
  /** For the member (1 … 2,000 characters), or none. */
  note: ZText(2000, "The note")
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .default(null),
  /** One suggestion only: remove or edit items before approving it. */
  items: z.array(ZItemDecision).min(1).max(500).optional(),
});

export const ZReviewSuggestionsOutput = z.object({
  reviewed: z.array(z.object({ id: z.string(), status: z.enum(["proposed", "rejected"]) })),
}) satisfies z.ZodType<ServiceOutput<typeof reviewSuggestions>>;
