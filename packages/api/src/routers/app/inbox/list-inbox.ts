import { listInbox as list } from "@atlas/core/services/notifications/inbox";
import { withoutWorkspace } from "../../../schemas.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListInboxInput, ZListInboxOutput } from "./inbox.schema.ts";

/** The caller's notifications in this workspace, newest first, a page at a time. */
export const listInbox = workspaceProcedure
  .input(ZListInboxInput)
  .output(ZListInboxOutput)
  .query(({ ctx, input }) => list(ctx.db, ctx.membership, withoutWorkspace(input)));
