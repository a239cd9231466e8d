"use client";

import { Button, Field, Textarea, fieldControlProps } from "@atlas/ui";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import { useAction } from "~/lib/api.ts";

/** What the queue's controls need of one waiting suggestion. */
interface Entry {
  id: string;
  workspaceId: string;
  /** Its preview's item keys, in order. */
  itemKeys: string[];
}

const QueueContext = createContext<{
  busy: boolean;
  selected: Set<string>;
  toggle: (id: string) => void;
  /** The items the coach took out of a suggestion. */
  takenOf: (id: string) => Set<string>;
  toggleItem: (id: string, key: string) => void;
  approveWithout: (id: string) => void;
} | null>(null);

function useQueue() {
  const queue = useContext(QueueContext);
  if (queue === null) throw new Error("Renders inside an ApprovalQueue.");
  return queue;
}

/**
 * The approval queue (docs/domain.md "AI suggestions" → "The approval queue"): each waiting
 * suggestion as the diff it would apply; select several and approve or reject them with one note,
 * or take items out of one before approving it. Approved, it goes to the member to decide. The
 * cards, rendered on the server (approval-card.tsx), come in as `children`; their controls below
 * read and change the queue's state here.
 */
export function ApprovalQueue({ entries, children }: { entries: Entry[]; children: ReactNode }) {
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
        byWorkspace.set(entry.workspaceId, [...(byWorkspace.get(entry.workspaceId) ?? []), id]);
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
            items: items.itemKeys.map((key) => ({
              key,
              decision: removed[items.id]?.has(key) ? ("reject" as const) : ("accept" as const),
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
  const approveWithout = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    if (entry && !busy) void decide([id], "approve", entry);
  };

  return (
    <QueueContext
      value={{
        busy,
        selected,
        toggle,
        takenOf: (id) => removed[id] ?? new Set(),
        toggleItem,
        approveWithout,
      }}
    >
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
                className={
                  message.tone === "error" ? "text-sm text-danger" : "text-sm text-success"
                }
              >
                {message.text}
              </p>
            ) : null}
          </div>
        </div>
        {children}
      </div>
    </QueueContext>
  );
}

/** The checkbox that selects a suggestion for the bulk buttons; `label` names it. */
export function SelectSuggestion({ suggestionId, label }: { suggestionId: string; label: string }) {
  const queue = useQueue();
  return (
    <input
      type="checkbox"
      checked={queue.selected.has(suggestionId)}
      onChange={() => queue.toggle(suggestionId)}
      aria-label={label}
    />
  );
}

/** Keep or take out one item of a suggestion; `actionText` says what the item does. */
export function KeepItem({
  suggestionId,
  itemKey,
  actionText,
}: {
  suggestionId: string;
  itemKey: string;
  actionText: string;
}) {
  const queue = useQueue();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={!queue.takenOf(suggestionId).has(itemKey)}
        onChange={() => queue.toggleItem(suggestionId, itemKey)}
        aria-label={`Keep: ${actionText}`}
      />
      Keep
    </label>
  );
}

/** Once items are taken out of a suggestion: approve it without them. */
export function ApproveWithout({ suggestionId }: { suggestionId: string }) {
  const queue = useQueue();
  const taken = queue.takenOf(suggestionId);
  if (taken.size === 0) return null;
  return (
    <Button
      type="button"
      variant="outline"
      className="self-start"
      aria-disabled={queue.busy}
      onClick={() => queue.approveWithout(suggestionId)}
    >
      Approve without {taken.size} {taken.size === 1 ? "item" : "items"}
    </Button>
  );
}
