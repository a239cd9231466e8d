import { requestSuggestion as request } from "@atlas/core/services/ai/request";
import type { SuggestionRequest } from "@atlas/core/services/ai/snapshot";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZRequestSuggestionInput, ZRequestSuggestionOutput } from "./request-suggestion.schema.ts";

/**
 * Asks the planner for a suggestion for the caller (docs/domain.md "AI suggestions"): nothing in
 * the plans changes until the caller decides it. Refused with PAYMENT_REQUIRED once the
 * workspace's month of suggestions is used or a payment has failed for 7 days (docs/domain.md
 * "Dunning"); a member whose acceptance is low gets it after their
 * coach's review (status pending_coach). Idempotent on the key.
 */
export const requestSuggestion = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("ai"))
  .input(ZRequestSuggestionInput)
  .output(ZRequestSuggestionOutput)
  .mutation(({ ctx, input }) => {
    const job: SuggestionRequest =
      input.type === "decompose_goal"
        ? { type: input.type, goalId: input.goalId! }
        : input.type === "weekly_plan"
          ? { type: input.type, weekStart: input.weekStart }
          : { type: input.type };
    const memberId = ctx.membership.userId;
    return request(
      ctx.db,
      { workspaceId: ctx.workspace.id, memberId },
      ctx.clock.now(),
      ctx.planner,
      job,
      `request:${memberId}:${input.idempotencyKey}`,
    );
  });
