import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import type { RouterOutputs } from "@atlas/api";

type CoachNote = RouterOutputs["coachNote"]["listMine"][number];

/**
 * "Notes from your coach": what coaches shared with the member in this workspace, newest first,
 * each with its author and date (docs/domain.md "Coach notes"). Private notes never reach here.
 */
export function CoachNotes({ notes, locale }: { notes: CoachNote[]; locale: string }) {
  return (
    <Card aria-labelledby="coach-notes-title">
      <CardHeader>
        <CardTitle id="coach-notes-title">Notes from your coach</CardTitle>
        <CardDescription>What your coach shared with you in this workspace.</CardDescription>
      </CardHeader>
      <CardContent>
        {notes.length === 0 ? (
          <p className="text-sm text-muted-foreground">No notes yet.</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {notes.map((note) => (
              <li key={note.id} className="flex flex-col gap-1">
                <p className="text-sm whitespace-pre-line">{note.body}</p>
                <p className="text-xs text-muted-foreground">
                  {note.author.name} ·{" "}
                  <time dateTime={note.createdAt}>
                    {formatDate(note.createdAt.slice(0, 10), "medium", locale)}
                  </time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
