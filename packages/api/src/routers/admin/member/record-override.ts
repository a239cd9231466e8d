import { recordOverride as record } from "@atlas/core/services/log/log";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZRecordOverrideInput, ZRecordOverrideOutput } from "./record-override.schema.ts";

/**
 * A late-entry override: a check-in or skip of one of the member's items for a day past the
 * workspace's window, recorded with the coach as actor, marked and audited. Idempotent on its key.
 */
export const recordOverride = memberDrillProcedure
  .use(allowedTo("lateEntryOverride"))
  .use(rateLimited("log"))
  .input(ZRecordOverrideInput)
  .output(ZRecordOverrideOutput)
  .mutation(({ ctx, input }) => {
    const { action, habitId, taskId, value, ...rest } = withoutDrill(input);
    const write =
      action === "skip"
        ? { action, habitId: habitId!, ...rest }
        : { action, habitId, taskId, value, ...rest };
    return record(ctx.db, ctx.actor, ctx.clock.now(), {
      ...write,
      memberId: ctx.drill.memberId,
    });
  });
