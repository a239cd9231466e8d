/**
 * Coach notes (docs/domain.md "Coach notes"): a coach, admin or owner writes a note about a member,
 * private (the author alone reads it) or shared (the member reads it in the web app, with the
 * author's name and date; the workspace's coaches read it too). Only the author edits or deletes
 * a note. Every change is audited. Row-level security holds the same rules (migration
 * 20261205130000_coach_drill_down); the queries also filter by workspace and member explicitly.
 */
import { AppError } from "@atlas/core";
import type { CoachNoteVisibility, TenantDb, TenantTx as Tx } from "@atlas/db";
import { loadMember, may, forbidden, type Actor } from "../access/access.ts";
import { withIdempotency } from "../shared/idempotency.ts";
import type { DrillScope } from "./member-drill.ts";

export type CoachNoteOut = {
  id: string;
  memberId: string;
  author: { id: string; name: string };
  visibility: CoachNoteVisibility;
  body: string;
  createdAt: string;
  updatedAt: string;
};

/** Notes listed per member, newest first: a bounded list, never a whole history. */
export const NOTES_SHOWN = 100;

const NOTE_SELECT = {
  id: true,
  memberId: true,
  authorId: true,
  visibility: true,
  body: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { user: { select: { name: true } } } },
} as const;

type NoteRow = {
  id: string;
  memberId: string;
  authorId: string;
  visibility: CoachNoteVisibility;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: { user: { name: string } };
};

function noteOut(row: NoteRow): CoachNoteOut {
  return {
    id: row.id,
    memberId: row.memberId,
    author: { id: row.authorId, name: row.author.user.name },
    visibility: row.visibility,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function notesAbout(
  tx: Tx,
  workspaceId: string,
  memberId: string,
  only?: { visibility: CoachNoteVisibility },
): Promise<CoachNoteOut[]> {
  const rows = (await tx.coachNote.findMany({
    where: { workspaceId, memberId, ...only },
    select: NOTE_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTES_SHOWN,
  })) as NoteRow[];
  return rows.map(noteOut);
}

/** The notes about a member the reader may see (on the console's client: shared and their own). */
export async function listMemberNotes(db: TenantDb, scope: DrillScope): Promise<CoachNoteOut[]> {
  return db.$transaction((tx) => notesAbout(tx, scope.workspaceId, scope.memberId));
}

/** What the member reads in the web app: the shared notes about themself, newest first. */
export async function listMySharedNotes(db: TenantDb, actor: Actor): Promise<CoachNoteOut[]> {
  return db.$transaction((tx) =>
    notesAbout(tx, actor.workspaceId, actor.userId, { visibility: "shared" }),
  );
}

function audit(
  tx: Tx,
  actor: Actor,
  now: Date,
  action: string,
  note: Pick<NoteRow, "id" | "memberId" | "visibility">,
) {
  return tx.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action,
      targetType: "CoachNote",
      targetId: note.id,
      // The body stays out of the audit: a private note is its author's alone.
      metadata: { memberId: note.memberId, visibility: note.visibility, source: actor.source },
      createdAt: now,
    },
  });
}

export interface CreateNoteInput {
  idempotencyKey: string;
  memberId: string;
  visibility: CoachNoteVisibility;
  body: string;
}

export async function createNote(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: CreateNoteInput,
): Promise<CoachNoteOut> {
  if (!may(actor, "coachNotes")) throw forbidden(actor, "coachNotes");
  const { idempotencyKey, ...body } = input;
  return withIdempotency(
    db,
    {
      workspaceId: actor.workspaceId,
      key: idempotencyKey,
      scope: "coachNote.create",
      actorId: actor.userId,
      body,
    },
    async (tx) => {
      await loadMember(tx, actor.workspaceId, input.memberId);
      const row = (await tx.coachNote.create({
        data: {
          workspaceId: actor.workspaceId,
          authorId: actor.userId,
          memberId: input.memberId,
          visibility: input.visibility,
          body: input.body,
          createdAt: now,
          updatedAt: now,
        },
        select: NOTE_SELECT,
      })) as NoteRow;
      await audit(tx, actor, now, "coach_note.create", row);
      return noteOut(row);
    },
  );
}

/** The caller's own note about the member, else NOT_FOUND (another's note is not theirs to see). */
async function ownNote(tx: Tx, actor: Actor, scope: DrillScope, noteId: string) {
  const row = await tx.coachNote.findFirst({
    where: {
      id: noteId,
      workspaceId: actor.workspaceId,
      memberId: scope.memberId,
      authorId: actor.userId,
    },
    select: { id: true, memberId: true, visibility: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "There is no such note of yours about this member.");
  return row;
}

export interface UpdateNoteInput {
  noteId: string;
  body?: string;
  visibility?: CoachNoteVisibility;
}

/** The author changes the text or who sees it; the same change again changes nothing more. */
export async function updateNote(
  db: TenantDb,
  actor: Actor,
  now: Date,
  scope: DrillScope,
  input: UpdateNoteInput,
): Promise<CoachNoteOut> {
  if (!may(actor, "coachNotes")) throw forbidden(actor, "coachNotes");
  return db.$transaction(async (tx) => {
    await ownNote(tx, actor, scope, input.noteId);
    const row = (await tx.coachNote.update({
      where: { id: input.noteId },
      data: { body: input.body, visibility: input.visibility, updatedAt: now },
      select: NOTE_SELECT,
    })) as NoteRow;
    await audit(tx, actor, now, "coach_note.update", row);
    return noteOut(row);
  });
}

/**
 * The author deletes their note. Idempotent: a note already gone (or never the caller's) answers
 * `deleted: false` and writes nothing, so a retry is harmless and nothing can be probed.
 */
export async function deleteNote(
  db: TenantDb,
  actor: Actor,
  now: Date,
  scope: DrillScope,
  noteId: string,
): Promise<{ id: string; deleted: boolean }> {
  if (!may(actor, "coachNotes")) throw forbidden(actor, "coachNotes");
  return db.$transaction(async (tx) => {
    const row = await tx.coachNote.findFirst({
      where: {
        id: noteId,
        workspaceId: actor.workspaceId,
        memberId: scope.memberId,
        authorId: actor.userId,
      },
      select: { id: true, memberId: true, visibility: true },
    });
    if (!row) return { id: noteId, deleted: false };
    await tx.coachNote.delete({ where: { id: row.id } });
    await audit(tx, actor, now, "coach_note.delete", row);
    return { id: noteId, deleted: true };
  });
}
