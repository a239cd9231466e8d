/** Zod pieces of the coach-note procedures. */
import type {
  createNote,
  deleteNote,
  listMemberNotes,
  updateNote,
} from "@atlas/core/services/coaching/coach-notes";
import { z } from "zod";
import { ZId, ZIdempotencyKey, ZInstantOutput, type ServiceOutput } from "../../../schemas.ts";

export const ZNoteVisibility = z.enum(["private", "shared"]);

export const ZNoteBody = z
  .string()
  .trim()
  .min(1, { error: "The note must not be empty" })
  .max(5000, { error: "The note must be at most 5,000 characters" });

export const ZCoachNote = z.object({
  id: z.string(),
  memberId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  visibility: ZNoteVisibility,
  body: z.string(),
  createdAt: ZInstantOutput,
  updatedAt: ZInstantOutput,
});

export const ZListNotesOutput = z.array(ZCoachNote) satisfies z.ZodType<
  ServiceOutput<typeof listMemberNotes>
>;

export const ZCreateNoteInput = z.object({
  idempotencyKey: ZIdempotencyKey,
  visibility: ZNoteVisibility,
  body: ZNoteBody,
});
export const ZCreateNoteOutput = ZCoachNote satisfies z.ZodType<ServiceOutput<typeof createNote>>;

export const ZUpdateNoteInput = z
  .object({ noteId: ZId, body: ZNoteBody.optional(), visibility: ZNoteVisibility.optional() })
  .refine((v) => v.body !== undefined || v.visibility !== undefined, {
    error: "Nothing to update: change the note or who sees it.",
  });
export const ZUpdateNoteOutput = ZCoachNote satisfies z.ZodType<ServiceOutput<typeof updateNote>>;

export const ZDeleteNoteInput = z.object({ noteId: ZId });
export const ZDeleteNoteOutput = z.object({
  id: z.string(),
  /** false: there was no such note of the caller's (already deleted, or never theirs). */
  deleted: z.boolean(),
}) satisfies z.ZodType<ServiceOutput<typeof deleteNote>>;
