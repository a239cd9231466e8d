import { actorOf } from "@atlas/core/services/access/access";
import { decideSuggestion as decide } from "@atlas/core/services/ai/decide";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZDecideSuggestionInput, ZDecideSuggestionOutput } from "./decide-suggestion.schema.ts";

/**
 * Accepts, edits or rejects the items of one of the caller's suggestions; the kept ones change
 * the plans through the plan services. Final and idempotent: the same decision again answers as
 * the first, another is CONFLICT.
 */
export const decideSuggestion = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZDecideSuggestionInput)
  .output(ZDecideSuggestionOutput)
  .mutation(({ ctx, input }) =>
    decide(ctx.db, actorOf(ctx), ctx.clock.now(), {
      id: input.id,
      decision: input.all !== undefined ? { all: input.all } : { items: input.items! },
    }),
  );
