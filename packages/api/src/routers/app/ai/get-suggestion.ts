import { actorOf } from "@atlas/core/services/access/access";
import { getSuggestion as read } from "@atlas/core/services/ai/read";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetSuggestionInput, ZGetSuggestionOutput } from "./get-suggestion.schema.ts";

/** One of the caller's suggestions: the preview to decide, or the decision made. */
export const getSuggestion = workspaceProcedure
  .input(ZGetSuggestionInput)
  .output(ZGetSuggestionOutput)
  .query(({ ctx, input }) => read(ctx.db, actorOf(ctx), input.id));
