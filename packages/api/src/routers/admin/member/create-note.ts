import { createNote as create } from "@atlas/core/services/coaching/coach-notes";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZCreateNoteInput, ZCreateNoteOutput } from "./notes.schema.ts";

/** A note about the member, private or shared with them; idempotent on its key, audited. */
export const createNote = memberDrillProcedure
  .use(allowedTo("coachNotes"))
  .use(rateLimited("plans"))
  .input(ZCreateNoteInput)
  .output(ZCreateNoteOutput)
  .mutation(({ ctx, input }) =>
    create(ctx.db, ctx.actor, ctx.clock.now(), {
      ...withoutDrill(input),
      memberId: ctx.drill.memberId,
    }),
  );
