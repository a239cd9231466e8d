import { updateNote as update } from "@atlas/core/services/coaching/coach-notes";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZUpdateNoteInput, ZUpdateNoteOutput } from "./notes.schema.ts";

/** The author changes their note's text or who sees it; audited. */
export const updateNote = memberDrillProcedure
  .use(allowedTo("coachNotes"))
  .use(rateLimited("plans"))
  .input(ZUpdateNoteInput)
  .output(ZUpdateNoteOutput)
  .mutation(({ ctx, input }) =>
    update(ctx.db, ctx.actor, ctx.clock.now(), ctx.drill, withoutDrill(input)),
  );
