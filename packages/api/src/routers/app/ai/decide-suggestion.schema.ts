import type { decideSuggestion } from "@atlas/core/services/ai/decide";
import { z } from "zod";
import { ZId, type ServiceOutput } from "../../../schemas.ts";
import { ZItemDecision, ZSuggestionView } from "./ai.schema.ts";

/** Every item at once (`all`), or each item named once (`items`), never both. */
export const ZDecideSuggestionInput = z
  .object({
    id: ZId,
    all: z.enum(["accept", "reject"]).optional(),
    items: z.array(ZItemDecision).min(1).max(500).optional(),
  })
  .refine((v) => (v.all === undefined) !== (v.items === undefined), {
    error: "Decide on the whole suggestion or item by item, not both",
    path: ["all"],
  });

export const ZDecideSuggestionOutput = z.object({
  suggestion: ZSuggestionView,
  applied: z.number().int(),
  stale: z.array(z.object({ key: z.string(), reason: z.string() })),
}) satisfies z.ZodType<ServiceOutput<typeof decideSuggestion>>;
