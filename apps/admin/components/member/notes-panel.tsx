"use client";

import type { AdminRouterOutputs } from "@atlas/api";
import { Badge, Button, Field, NativeSelect, Textarea, fieldControlProps } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import { useState } from "react";
import { useAction } from "~/lib/api.ts";
import { useLocale } from "@atlas/ui/locale";

type Note = AdminRouterOutputs["notes"]["list"][number];
type Visibility = Note["visibility"];

const VISIBILITY = [
  { value: "shared", label: "Shared with the member" },
  { value: "private", label: "Private (only you)" },
] as const;

/**
 * Notes about the member: shared ones (the member reads them in Atlas with your name and date)
 * and your private ones. You change or delete only your own. The page reads them; each answer
 * updates the list here.
 */
export function NotesPanel({
  workspaceId,
  memberId,
  viewerId,
  initial,
}: {
  workspaceId: string;
  memberId: string;
  viewerId: string;
  initial: Note[];
}) {
  const locale = useLocale();
  const drill = { workspaceId, memberId };
  const [notes, setNotes] = useState(initial);
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("shared");
  const keys = useIdempotencyKey();
  const create = useAction((api) => api.notes.create.mutate, {
    onSuccess: (created) => {
      keys.reset();
      setBody("");
      // Newest first; a replayed create answers the note already shown.
      setNotes((shown) => [created, ...shown.filter((n) => n.id !== created.id)]);
    },
  });
  const remove = useAction((api) => api.notes.delete.mutate, {
    onSuccess: ({ id }) => setNotes((shown) => shown.filter((n) => n.id !== id)),
  });
  const share = useAction((api) => api.notes.update.mutate, {
    onSuccess: (updated) =>
      setNotes((shown) => shown.map((n) => (n.id === updated.id ? updated : n))),
  });

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const request = { ...drill, visibility, body };
          create.fire({ ...request, idempotencyKey: keys.keyFor(request) });
        }}
      >
        <Field id="note-body" label="New note" error={create.error?.message}>
          <Textarea
            {...fieldControlProps("note-body", { error: create.error?.message })}
            required
            maxLength={5000}
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </Field>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="note-visibility" label="Who sees it">
            <NativeSelect
              id="note-visibility"
              value={visibility}
              options={VISIBILITY.map((o) => ({ ...o }))}
              onChange={(e) => setVisibility(e.target.value as Visibility)}
            />
          </Field>
          <Button type="submit" disabled={create.isPending || body.trim() === ""}>
            {create.isPending ? "Saving…" : "Add note"}
          </Button>
        </div>
      </form>
      {notes.length === 0 ? (
        <p className="text-sm text-muted-foreground">No notes about this member yet.</p>
      ) : (
        <ul aria-label="Notes" className="flex flex-col gap-3">
          {notes.map((note) => (
            <li key={note.id} className="flex flex-col gap-1 rounded-md border border-border p-3">
              <p className="text-sm whitespace-pre-line">{note.body}</p>
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <span>
                  {note.author.name} · {formatDate(note.createdAt.slice(0, 10), "medium", locale)}
                </span>
                <Badge tone={note.visibility === "shared" ? "success" : "neutral"}>
                  {note.visibility === "shared" ? "Shared" : "Private"}
                </Badge>
                {note.author.id === viewerId ? (
                  <>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() =>
                        share.fire({
                          ...drill,
                          noteId: note.id,
                          visibility: note.visibility === "shared" ? "private" : "shared",
                        })
                      }
                    >
                      {note.visibility === "shared" ? "Make private" : "Share"}
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => remove.fire({ ...drill, noteId: note.id })}
                    >
                      Delete
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
