"use client";

import type { AdminRouterOutputs } from "@atlas/api";
import { Badge, Button, Field, NativeSelect, Textarea, fieldControlProps } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import { useIdempotencyKey } from "@atlas/ui/use-idempotency-key";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc/react.tsx";
import { useLocale } from "@atlas/ui/locale";

type Note = AdminRouterOutputs["notes"]["list"][number];
type Visibility = Note["visibility"];

const VISIBILITY = [
  { value: "shared", label: "Shared with the member" },
  { value: "private", label: "Private (only you)" },
] as const;

/**
 * Notes about the member: shared ones (the member reads them in Atlas with your name and date)
 * and your private ones. You change or delete only your own.
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const drill = { workspaceId, memberId };
  const notes = useQuery(trpc.notes.list.queryOptions(drill, { initialData: initial })).data;
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("shared");
  const keys = useIdempotencyKey();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.notes.list.queryKey(drill) });
  const create = useMutation(
    trpc.notes.create.mutationOptions({
      onSuccess: () => {
        keys.reset();
        setBody("");
        return refresh();
      },
    }),
  );
  const remove = useMutation(trpc.notes.delete.mutationOptions({ onSuccess: refresh }));
  const share = useMutation(trpc.notes.update.mutationOptions({ onSuccess: refresh }));

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const request = { ...drill, visibility, body };
          create.mutate({ ...request, idempotencyKey: keys.keyFor(request) });
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
                        share.mutate({
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
                      onClick={() => remove.mutate({ ...drill, noteId: note.id })}
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
