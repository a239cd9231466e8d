import { clearMemberStatus as clearMemberStatusService } from "@atlas/core/services/workspaces/portfolio";
import { adminProcedure, rateLimited } from "../../../trpc.ts";
import { ZClearMemberStatusInput, ZClearMemberStatusOutput } from "./clear-member-status.schema.ts";

/** Clears a member's status, so their flags show again; audited; clearing none changes nothing. */
export const clearMemberStatus = adminProcedure
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
