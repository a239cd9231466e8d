import { reviewSuggestions as review } from "@atlas/core/services/ai/review";
import { consoleCoachProcedure } from "../../../console.ts";
import { ZReviewSuggestionsInput, ZReviewSuggestionsOutput } from "./review-suggestions.schema.ts";

/**
 * Approves (the member then sees it as proposed) or rejects AI suggestions waiting in one
 * workspace's queue, in bulk, with a note; approving one may first remove or edit its items.
 */
export const reviewSuggestions = consoleCoachProcedure
  .input(ZReviewSuggestionsInput)
  .output(ZReviewSuggestionsOutput)
  .mutation(({ ctx, input }) =>
    review(ctx.db, ctx.actor, ctx.entitlements, ctx.clock.now(), {
      ids: input.ids,
      decision: input.decision,
      note: input.note,
      items: input.items,
    }),
  );
