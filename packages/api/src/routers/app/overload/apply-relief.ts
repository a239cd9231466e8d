import { actorOf } from "@atlas/core/services/access/access";
import { applyRelief as apply } from "@atlas/core/services/plans/relief";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZApplyReliefInput, ZApplyReliefOutput } from "./apply-relief.schema.ts";

/**
 * Applies the relief dashboard.get proposed: each deferred task's planned date moves (a new task
 * version from today). CONFLICT when the relief recomputed now differs. Idempotent on the key.
 */
export const applyRelief = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZApplyReliefInput)
  .output(ZApplyReliefOutput)
  .mutation(({ ctx, input }) =>
    apply(ctx.db, actorOf(ctx), ctx.clock.now(), {
      idempotencyKey: input.idempotencyKey,
      moves: input.moves,
    }),
  );
