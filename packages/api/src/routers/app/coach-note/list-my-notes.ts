import { actorOf } from "@atlas/core/services/access/access";
import { listMySharedNotes } from "@atlas/core/services/coaching/coach-notes";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZListNotesOutput } from "../../admin/member/notes.schema.ts";

/** The notes coaches shared with the caller in this workspace, newest first, with author and date. */
export const listMyNotes = workspaceProcedure
  .output(ZListNotesOutput)
  .query(({ ctx }) => listMySharedNotes(ctx.db, actorOf(ctx)));
