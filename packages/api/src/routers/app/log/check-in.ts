import { actorOf } from "@atlas/core/services/access/access";
import { appendEvent } from "@atlas/core/services/log/log";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZCheckInInput, ZCheckInOutput } from "./check-in.schema.ts";

/**
 * Checks a habit or task in: done, or a value for a measurable habit (the server derives done or
 * partial from the day's combined sum). Idempotent on `idempotencyKey`.
 */
export const checkIn = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("log"))
  .input(ZCheckInInput)
  .output(ZCheckInOutput)
  .mutation(({ ctx, input }) =>
    appendEvent(ctx.db, actorOf(ctx), ctx.clock.now(), {
      action: "check_in",
      ...withoutWorkspace(input),
    }),
  );
