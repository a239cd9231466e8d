import type { getSuggestion } from "@atlas/core/services/ai/read";
import type { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZSuggestionIdInput, ZSuggestionView } from "./ai.schema.ts";

export const ZGetSuggestionInput = ZSuggestionIdInput;

export const ZGetSuggestionOutput = ZSuggestionView satisfies z.ZodType<
  ServiceOutput<typeof getSuggestion>
>;
