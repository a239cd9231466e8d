import { openSupportGrant } from "@atlas/core/services/platform/support-access";
import { platformProcedure } from "../../../../trpc.ts";
import { ZOpenSupportGrantInput, ZOpenSupportGrantOutput } from "./open-support-grant.schema.ts";

/** Staff ask the workspace's owner for access; nothing opens until the owner approves. */
export const requestSupportAccess = platformProcedure
  .input(ZOpenSupportGrantInput)
  .output(ZOpenSupportGrantOutput)
  .mutation(({ ctx, input }) =>
    openSupportGrant(
      ctx.baseDb,
      { userId: ctx.session.userId, source: ctx.source },
      { ...input, breakGlass: false },
      { db: ctx.bypassDb },
    ),
  );
