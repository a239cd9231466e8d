import { setMemberStatus as setMemberStatusService } from "@atlas/core/services/workspaces/portfolio";
import { consoleProcedure } from "../../../console-access.ts";
import { rateLimited } from "../../../trpc.ts";
import { ZSetMemberStatusInput, ZSetMemberStatusOutput } from "./set-member-status.schema.ts";

/**
 * Sets a member's status ("on leave until 12 Jan"), which pauses their flags through its end
 * date. The service writes through a client bound to the workspace after checking the caller is
 * an owner, admin or coach there; audited; setting the same status again changes nothing.
 */
export const setMemberStatus = consoleProcedure
  .use(rateLimited("settings"))
  .input(ZSetMemberStatusInput)
  .output(ZSetMemberStatusOutput)
  .mutation(({ ctx, input }) =>
    setMemberStatusService(
      ctx.baseDb,
      { userId: ctx.session.userId, source: ctx.source },
      input,
      ctx.clock.now(),
    ),
  );
