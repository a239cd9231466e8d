import { actorOf } from "@atlas/core/services/access/access";
import { listSuggestions as list } from "@atlas/core/services/ai/read";
import { withoutWorkspace } from "../../../schemas.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListSuggestionsInput, ZListSuggestionsOutput } from "./list-suggestions.schema.ts";

/** The caller's suggestions and their decisions, newest first, a page at a time. */
export const listSuggestions = workspaceProcedure
  .input(ZListSuggestionsInput)
  .output(ZListSuggestionsOutput)
  .query(({ ctx, input }) => list(ctx.db, actorOf(ctx), withoutWorkspace(input)));
