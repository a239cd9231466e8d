import { refuseSupportGrant as refuse } from "@atlas/core/services/platform/support-access";
import { allowedTo, rateLimited, workspaceProcedure } from "../../../trpc.ts";
import {
  ZDecideSupportGrantOutput,
  ZRefuseSupportGrantInput,
} from "./decide-support-grant.schema.ts";

/** The owner refuses a pending request. */
export const refuseSupportGrant = workspaceProcedure
  .use(allowedTo("supportAccess"))
  .use(rateLimited("settings"))
  .input(ZRefuseSupportGrantInput)
  .output(ZDecideSupportGrantOutput)
  .mutation(({ ctx, input }) =>
    refuse(ctx.db, { ...ctx.membership, source: ctx.source }, input.grantId, input.note),
  );
