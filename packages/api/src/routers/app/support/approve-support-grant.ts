import { approveSupportGrant as approve } from "@atlas/core/services/platform/support-access";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import {
  ZDecideSupportGrantInput,
  ZDecideSupportGrantOutput,
} from "./decide-support-grant.schema.ts";

/** The owner approves a pending request; the window starts now (the database's clock). */
export const approveSupportGrant = workspaceProcedure
  .use(allowedTo("supportAccess"))
  .use(rateLimited("settings"))
  .input(ZDecideSupportGrantInput)
  .output(ZDecideSupportGrantOutput)
  .mutation(({ ctx, input }) =>
    approve(ctx.db, { ...ctx.membership, source: ctx.source }, input.grantId),
  );
