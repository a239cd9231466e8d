import { actorOf } from "@atlas/core/services/access/access";
import { rescheduleOverdue as reschedule } from "@atlas/core/services/plans/overdue";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZRescheduleOverdueInput, ZRescheduleOverdueOutput } from "./reschedule-overdue.schema.ts";

/**
 * Plans every open overdue task of the caller for today (a passed deadline moves with it): a new
 * task version from today each. Idempotent on the key.
 */
export const rescheduleOverdue = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("plans"))
  .input(ZRescheduleOverdueInput)
  .output(ZRescheduleOverdueOutput)
  .mutation(({ ctx, input }) =>
    reschedule(ctx.db, actorOf(ctx), ctx.clock.now(), { idempotencyKey: input.idempotencyKey }),
  );
