import { revokeSupportGrant as revoke } from "@atlas/core/services/platform/support-access";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import {
  ZDecideSupportGrantInput,
  ZDecideSupportGrantOutput,
} from "./decide-support-grant.schema.ts";

/** The owner ends an approved grant at once. */
export const revokeSupportGrant = workspaceProcedure
  .use(allowedTo("supportAccess"))
  .use(rateLimited("settings"))
  .input(ZDecideSupportGrantInput)
  .output(ZDecideSupportGrantOutput)
  .mutation(({ ctx, input }) =>
    revoke(ctx.db, { ...ctx.membership, source: ctx.source }, input.grantId),
  );
