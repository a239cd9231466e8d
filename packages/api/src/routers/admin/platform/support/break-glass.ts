import { openSupportGrant } from "@atlas/core/services/platform/support-access";
import { platformProcedure } from "../../../../trpc.ts";
import { ZOpenSupportGrantInput, ZOpenSupportGrantOutput } from "./open-support-grant.schema.ts";

/**
 * Break-glass: staff state why and the grant opens at once; the owner sees it on the workspace
 * page and can revoke it. Still refused when the owner turned support access off.
 */
export const breakGlass = platformProcedure
  .input(ZOpenSupportGrantInput)
  .output(ZOpenSupportGrantOutput)
  .mutation(({ ctx, input }) =>
    openSupportGrant(
      ctx.baseDb,
      { userId: ctx.session.userId, source: ctx.source },
      { ...input, breakGlass: true },
      { db: ctx.bypassDb },
    ),
  );
