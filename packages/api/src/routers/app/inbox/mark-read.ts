import { markAllRead as markAll, markRead as mark } from "@atlas/core/services/notifications/inbox";
import { rateLimited, workspaceProcedure } from "../../../trpc.ts";
import { ZMarkReadInput, ZMarkReadOutput } from "./inbox.schema.ts";

/** Marks the caller's notifications read; repeating it changes nothing. */
export const markRead = workspaceProcedure
  .use(rateLimited("inbox"))
  .input(ZMarkReadInput)
  .output(ZMarkReadOutput)
  .mutation(({ ctx, input }) => mark(ctx.db, ctx.membership, input.ids, ctx.clock.now()));

/** Marks every unread notification of the caller in this workspace read. */
export const markAllRead = workspaceProcedure
  .use(rateLimited("inbox"))
  .output(ZMarkReadOutput)
  .mutation(({ ctx }) => markAll(ctx.db, ctx.membership, ctx.clock.now()));
