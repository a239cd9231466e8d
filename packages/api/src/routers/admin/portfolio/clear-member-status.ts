import { clearMemberStatus as clearMemberStatusService } from "@atlas/core/services/workspaces/portfolio";
import { consoleProcedure } from "../../../console-access.ts";
import { rateLimited } from "../../../trpc.ts";
import { ZClearMemberStatusInput, ZClearMemberStatusOutput } from "./clear-member-status.schema.ts";

/** Clears a member's status, so their flags show again; audited; clearing none changes nothing. */
export const clearMemberStatus = consoleProcedure
  .use(rateLimited("settings"))
  .input(ZClearMemberStatusInput)
  .output(ZClearMemberStatusOutput)
  .mutation(({ ctx, input }) =>
    clearMemberStatusService(
      ctx.baseDb,
      { userId: ctx.session.userId, source: ctx.source },
      input,
      ctx.clock.now(),
    ),
  );
