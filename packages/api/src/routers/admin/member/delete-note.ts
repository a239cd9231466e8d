import { deleteNote as remove } from "@atlas/core/services/coaching/coach-notes";
import { memberDrillProcedure } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZDeleteNoteInput, ZDeleteNoteOutput } from "./notes.schema.ts";

/** The author deletes their note (idempotent: a note already gone answers deleted: false); audited. */
export const deleteNote = memberDrillProcedure
  .use(allowedTo("coachNotes"))
  .use(rateLimited("plans"))
  .input(ZDeleteNoteInput)
  .output(ZDeleteNoteOutput)
  .mutation(({ ctx, input }) =>
    remove(ctx.db, ctx.actor, ctx.clock.now(), ctx.drill, input.noteId),
  );
