"use client";

import type { AdminRouterOutputs } from "@atlas/api";
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  SUGGESTION_TYPE_LABEL,
  SuggestionPreviewBody,
  Textarea,
  fieldControlProps,
  suggestionActionText,
  type SuggestionPreviewItem,
} from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useAction } from "~/lib/api.ts";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";

type Entry = AdminRouterOutputs["approvals"]["list"]["items"][number];

/**
 * The approval queue (docs/domain.md "AI suggestions" → "The approval queue"): each waiting
 * suggestion as the diff it would apply; select several and approve or reject them with one note,
 * or take items out of one before approving it. Approved, it goes to the member to decide.
 */
export function ApprovalQueue({ entries }: { entries: Entry[] }) {
  const locale = useLocale();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const review = useAction((api) => api.approvals.review.mutate);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  /** Per suggestion, the items the coach took out. */
  const [removed, setRemoved] = useState<Record<string, Set<string>>>({});
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ tone: "done" | "error"; text: string } | null>(null);
  const busy = review.isPending;

  async function decide(ids: string[], decision: "approve" | "reject", items?: Entry) {
    setMessage(null);
    const byWorkspace = new Map<string, string[]>();
    for (const id of ids) {
      const entry = entries.find((e) => e.id === id);
      if (entry)
        byWorkspace.set(entry.workspace.id, [...(byWorkspace.get(entry.workspace.id) ?? []), id]);
    }
    try {
      let count = 0;
      for (const [workspaceId, group] of byWorkspace) {
        const out = await review.send({
          workspaceId,
          ids: group,
          decision,
          note: note.trim() === "" ? null : note.trim(),
          ...(items && {
            items: items.preview.items.map((item) => ({
              key: item.key,
              decision: removed[items.id]?.has(item.key)
                ? ("reject" as const)
                : ("accept" as const),
            })),
          }),
        });
        count += out.reviewed.length;
      }
      setMessage({
        tone: "done",
        text: `${decision === "approve" ? "Approved" : "Rejected"} ${count} ${count === 1 ? "suggestion" : "suggestions"}.`,
      });
      setSelected(new Set());
      setNote("");
      startRefresh(() => router.refresh());
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    }
  }

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleItem = (id: string, key: string) =>
    setRemoved((all) => {
      const next = new Set(all[id] ?? []);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return { ...all, [id]: next };
    });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4">
        <Field id="review-note" label="Note for the member (optional)">
          <Textarea
            {...fieldControlProps("review-note", {})}
            maxLength={2000}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="button"
            aria-disabled={busy || selected.size === 0}
            onClick={() => selected.size > 0 && !busy && decide([...selected], "approve")}
          >
            Approve selected ({selected.size})
          </Button>
          <Button
            type="button"
            variant="outline"
            aria-disabled={busy || selected.size === 0}
            onClick={() => selected.size > 0 && !busy && decide([...selected], "reject")}
          >
            Reject selected
          </Button>
          {message ? (
            <p
              role={message.tone === "error" ? "alert" : "status"}
              className={message.tone === "error" ? "text-sm text-danger" : "text-sm text-success"}
            >
              {message.text}
            </p>
          ) : null}
        </div>
      </div>
      <ul className="flex flex-col gap-4">
        {entries.map((entry) => {
          const titleId = `approval-${entry.id}`;
          const taken = removed[entry.id] ?? new Set<string>();
          const controls = (item: SuggestionPreviewItem) => (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={!taken.has(item.key)}
                onChange={() => toggleItem(entry.id, item.key)}
                aria-label={`Keep: ${suggestionActionText(item.action, locale)}`}
              />
              Keep
            </label>
          );
          return (
            <li key={entry.id}>
              <Card aria-labelledby={titleId}>
                <CardHeader>
                  <div className="flex flex-wrap items-center gap-3">
                    <input
                      type="checkbox"
                      checked={selected.has(entry.id)}
                      onChange={() => toggle(entry.id)}
                      aria-label={`Select ${SUGGESTION_TYPE_LABEL[entry.type]} for ${entry.member.name}`}
                    />
                    <CardTitle id={titleId}>
                      {SUGGESTION_TYPE_LABEL[entry.type]} for {entry.member.name}
                    </CardTitle>
                  </div>
                  <CardDescription>
                    {entry.workspace.name} · asked{" "}
                    {formatInstant(entry.createdAt, "dateTime", locale, "UTC")} UTC ·{" "}
                    {entry.provider === "local" ? "Atlas's planner" : entry.model}
                  </CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-3">
                  <SuggestionPreviewBody
                    locale={locale}
                    preview={entry.preview}
                    controls={controls}
                    headingLevel={3}
                  />
                  {taken.size > 0 ? (
                    <Button
                      type="button"
                      variant="outline"
                      className="self-start"
                      aria-disabled={busy}
                      onClick={() => !busy && decide([entry.id], "approve", entry)}
                    >
                      Approve without {taken.size} {taken.size === 1 ? "item" : "items"}
                    </Button>
                  ) : null}
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
