"use client";

import { Button } from "@atlas/ui";
import { lazyComponent } from "@atlas/next-app/lazy";
import { useRouter } from "next/navigation";
import { createContext, useContext, useId, useState, useTransition, type ReactNode } from "react";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";

type Decision = "accept" | "reject";
/** A field an item's edit may change (which ones, per kind: `editFields` in suggestion-panel.tsx). */
export type EditField =
  "title" | "estimateMinutes" | "priority" | "durationMinutes" | "targetValue" | "localDate";
/** An item's edit as typed: empty fields change nothing. */
export type EditForm = Partial<Record<EditField, string>>;
interface Choice {
  decision: Decision;
  edit: EditForm;
}

// The edit fields load when "Edit before accepting" first opens (ADR 0013).
const SuggestionEditFields = lazyComponent(() =>
  import("./suggestion-edit-fields.tsx").then((m) => m.SuggestionEditFields),
);

/** The edit the API takes: typed values of the fields filled in. */
function editOf(form: EditForm) {
  const edit: Record<string, string | number> = {};
  for (const [field, raw] of Object.entries(form) as [EditField, string][]) {
    const value = raw.trim();
    if (value === "") continue;
    edit[field] =
      field === "title" || field === "priority" || field === "localDate" ? value : Number(value);
  }
  return Object.keys(edit).length === 0 ? undefined : edit;
}

const ReviewContext = createContext<{
  formId: string;
  choiceOf: (key: string) => Choice;
  setChoice: (key: string, change: Partial<Choice>) => void;
} | null>(null);

/**
 * A suggestion to decide (ai.decide): the preview, rendered on the server, comes in as `children`
 * with an `ItemDecision` per item, which reads and sets its choice here; then the buttons that
 * decide every item as chosen, or everything at once. Nothing changes until a button is pressed;
 * then the kept items are applied once (a second press answers the same), and what was left alone
 * says why. `items` are the preview's items in order, each with its action in words.
 */
export function SuggestionReview({
  suggestionId,
  items,
  children,
}: {
  suggestionId: string;
  items: { key: string; actionText: string }[];
  children: ReactNode;
}) {
  const router = useRouter();
  const formId = useId();
  const [, startRefresh] = useTransition();
  const decide = useAction((api) => api.ai.decide.mutate);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [message, setMessage] = useState<{ tone: "done" | "error"; text: string } | null>(null);
  const choiceOf = (key: string): Choice => choices[key] ?? { decision: "accept", edit: {} };
  const setChoice = (key: string, change: Partial<Choice>) =>
    setChoices((all) => ({ ...all, [key]: { ...choiceOf(key), ...change } }));

  async function send(input: { all: Decision } | "items") {
    setMessage(null);
    try {
      const out = await decide.send({
        id: suggestionId,
        ...(input === "items"
          ? {
              items: items.map(({ key }) => {
                const choice = choiceOf(key);
                const edit = choice.decision === "accept" ? editOf(choice.edit) : undefined;
                return { key, decision: choice.decision, ...(edit && { edit }) };
              }),
            }
          : input),
      });
      const stale = out.stale.map(
        (s) => `${items.find((i) => i.key === s.key)?.actionText ?? s.key}: ${s.reason}`,
      );
      setMessage({
        tone: "done",
        text:
          out.suggestion.status === "rejected"
            ? "Rejected: nothing changed."
            : `Applied ${out.applied} ${out.applied === 1 ? "change" : "changes"}.${stale.length > 0 ? ` Left alone: ${stale.join("; ")}.` : ""}`,
      });
      startRefresh(() => router.refresh());
    } catch (error) {
      const { form, fields } = describeError(error as Parameters<typeof describeError>[0]);
      setMessage({
        tone: "error",
        text: form ?? Object.values(fields)[0]?.[0] ?? "Could not decide this suggestion.",
      });
    }
  }

  const busy = decide.isPending;
  return (
    <ReviewContext value={{ formId, choiceOf, setChoice }}>
      <div className="flex flex-col gap-4">
        {children}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" aria-disabled={busy} onClick={() => send("items")}>
            {busy ? "Applying…" : "Apply my choices"}
          </Button>
          <Button
            type="button"
            variant="outline"
            aria-disabled={busy}
            onClick={() => send({ all: "accept" })}
          >
            Accept all
          </Button>
          <Button
            type="button"
            variant="ghost"
            aria-disabled={busy}
            onClick={() => send({ all: "reject" })}
          >
            Reject all
          </Button>
        </div>
        {message ? (
          <p
            role={message.tone === "error" ? "alert" : "status"}
            className={message.tone === "error" ? "text-sm text-danger" : "text-sm text-success"}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </ReviewContext>
  );
}

/** One item's accept or reject, with the edit its kind allows (`fields`), inside a `SuggestionReview`. */
export function ItemDecision({
  itemKey,
  actionText,
  fields,
}: {
  itemKey: string;
  actionText: string;
  fields: EditField[];
}) {
  const review = useContext(ReviewContext);
  if (review === null) throw new Error("ItemDecision renders inside a SuggestionReview.");
  const [editing, setEditing] = useState(false);
  const choice = review.choiceOf(itemKey);
  const name = `${review.formId}-${itemKey}`;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">Decision on {actionText}</legend>
      <div className="flex gap-4 text-sm">
        {(["accept", "reject"] as const).map((decision) => (
          <label key={decision} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={name}
              value={decision}
              checked={choice.decision === decision}
              onChange={() => review.setChoice(itemKey, { decision })}
            />
            {decision === "accept" ? "Accept" : "Reject"}
          </label>
        ))}
      </div>
      {choice.decision === "accept" ? (
        <details onToggle={(event) => setEditing(event.currentTarget.open)}>
          <summary className="cursor-pointer text-sm text-primary">Edit before accepting</summary>
          {editing ? (
            <SuggestionEditFields
              name={name}
              fields={fields}
              edit={choice.edit}
              onChange={(edit) => review.setChoice(itemKey, { edit })}
            />
          ) : null}
        </details>
      ) : null}
    </fieldset>
  );
}
