import { setSupportAccess as writeSwitch } from "@atlas/core/services/platform/support-access";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZSetSupportAccessInput, ZSetSupportAccessOutput } from "./set-support-access.schema.ts";

/** The owner turns support access on or off (off also ends every open grant and request). */
export const setSupportAccess = workspaceProcedure
  .use(allowedTo("supportAccess"))
  .use(rateLimited("settings"))
  .input(ZSetSupportAccessInput)
  .output(ZSetSupportAccessOutput)
  .mutation(({ ctx, input }) =>
    writeSwitch(ctx.db, { ...ctx.membership, source: ctx.source }, input.enabled),
  );
