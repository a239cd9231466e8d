import { actorOf } from "@atlas/core/services/access/access";
import { appendEvent } from "@atlas/core/services/log/log";
import { withoutWorkspace } from "../../../schemas.ts";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZUndoEventInput, ZUndoEventOutput } from "./undo-event.schema.ts";

/**
 * Reverts one entry by appending an undo on its item and day (same late-entry rules), by the
 * entry's member or a coach/admin/owner. Idempotent on `idempotencyKey`.
 */
export const undoEvent = workspaceProcedure
  .use(allowedTo("ownPlans"))
  .use(rateLimited("log"))
  .input(ZUndoEventInput)
  .output(ZUndoEventOutput)
  .mutation(({ ctx, input }) =>
    appendEvent(ctx.db, actorOf(ctx), ctx.clock.now(), {
      action: "undo",
      ...withoutWorkspace(input),
    }),
  );
