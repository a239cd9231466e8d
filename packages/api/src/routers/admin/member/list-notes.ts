import { listMemberNotes } from "@atlas/core/services/coaching/coach-notes";
import { memberDrillProcedure } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import { ZListNotesOutput } from "./notes.schema.ts";

/** The notes about the member the caller may read: shared ones and their own private ones. */
export const listNotes = memberDrillProcedure
  .use(allowedTo("coachNotes"))
  .output(ZListNotesOutput)
  .query(({ ctx }) => listMemberNotes(ctx.consoleDb, ctx.drill));
