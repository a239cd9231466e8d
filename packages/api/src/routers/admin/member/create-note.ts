import { createNote as create } from "@atlas/core/services/coaching/coach-notes";
import { notify } from "@atlas/notify";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo, rateLimited } from "../../../trpc.ts";
import { ZCreateNoteInput, ZCreateNoteOutput } from "./notes.schema.ts";

/** A notice's preview of a note: its first line, cut at this length. */
const PREVIEW_CHARS = 140;

/**
 * A note about the member, private or shared with them; idempotent on its key, audited. A shared
 * note tells the member (coach_note_shared, docs/architecture.md "Live inbox"): the note's id is
 * the dedupe key, so a retried create notifies once.
 */
export const createNote = memberDrillProcedure
  .use(allowedTo("coachNotes"))
  .use(rateLimited("plans"))
  .input(ZCreateNoteInput)
  .output(ZCreateNoteOutput)
  .mutation(async ({ ctx, input }) => {
    const note = await create(ctx.db, ctx.actor, ctx.clock.now(), {
      ...withoutDrill(input),
      memberId: ctx.drill.memberId,
    });
    if (note.visibility === "shared") {
      const firstLine = note.body.split("\n", 1)[0]!;
      await notify(
        {
          db: ctx.baseDb,
          clock: ctx.clock,
          schedule: ctx.scheduleDelivery,
          publish: (event) => ctx.inboxBus.publish(event),
        },
        { workspaceId: ctx.drill.workspaceId, userId: ctx.drill.memberId },
        "coach_note_shared",
        {
          title: `${note.author.name} shared a note with you`,
          body:
            firstLine.length > PREVIEW_CHARS ? `${firstLine.slice(0, PREVIEW_CHARS)}…` : firstLine,
          data: { noteId: note.id },
        },
        `coach_note_shared:${note.id}`,
      );
    }
    return note;
  });
