"use client";

import {
  Button,
  Field,
  Input,
  NativeSelect,
  SuggestionPreviewBody,
  fieldControlProps,
  suggestionActionText,
  type SuggestionPreviewItem,
} from "@atlas/ui";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useAction } from "~/lib/api.ts";
import { describeError } from "~/lib/errors.ts";
import type { Suggestion } from "~/lib/views.ts";
import { useLocale } from "@atlas/ui/locale";

type Decision = "accept" | "reject";
/** An item's edit as typed: empty fields change nothing. */
type EditForm = Partial<
  Record<
    "title" | "estimateMinutes" | "priority" | "durationMinutes" | "targetValue" | "localDate",
    string
  >
>;
interface Choice {
  decision: Decision;
  edit: EditForm;
}

/** The fields each kind of item lets the member change (the API's rule, as a form). */
function editFields(item: SuggestionPreviewItem): (keyof EditForm)[] {
  switch (item.action.kind) {
    case "add_milestone":
      return ["title"];
    case "add_task":
      return ["title", "estimateMinutes", "priority"];
    case "add_habit":
      return ["title", "durationMinutes"];
    case "move_task":
      return ["localDate"];
    case "smaller_step":
      return item.action.targetTo === null
        ? ["durationMinutes"]
        : ["durationMinutes", "targetValue"];
  }
}

const LABEL: Record<keyof EditForm, string> = {
  title: "Title",
  estimateMinutes: "Estimate (minutes)",
  priority: "Priority",
  durationMinutes: "Minutes",
  targetValue: "Target",
  localDate: "Day",
};

/** The edit the API takes: typed values of the fields filled in. */
function editOf(form: EditForm) {
  const edit: Record<string, string | number> = {};
  for (const [field, raw] of Object.entries(form) as [keyof EditForm, string][]) {
    const value = raw.trim();
    if (value === "") continue;
    edit[field] =
      field === "title" || field === "priority" || field === "localDate" ? value : Number(value);
  }
  return Object.keys(edit).length === 0 ? undefined : edit;
}

/**
 * A suggestion to decide (ai.decide): the preview, and per item accept or reject with an optional
 * edit; or everything at once. Nothing changes until a button is pressed; then the kept items are
 * applied once (a second press answers the same), and what was left alone says why.
 */
export function SuggestionReview({ suggestion }: { suggestion: Suggestion }) {
  const locale = useLocale();
  const router = useRouter();
  const formId = useId();
  const [, startRefresh] = useTransition();
  const decide = useAction((api) => api.ai.decide.mutate);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [message, setMessage] = useState<{ tone: "done" | "error"; text: string } | null>(null);
  const preview = suggestion.preview;
  if (preview === null) return null;
  const choiceOf = (key: string): Choice => choices[key] ?? { decision: "accept", edit: {} };
  const setChoice = (key: string, change: Partial<Choice>) =>
    setChoices((all) => ({ ...all, [key]: { ...choiceOf(key), ...change } }));

  async function send(input: { all: Decision } | "items") {
    setMessage(null);
    try {
      const out = await decide.send({
        id: suggestion.id,
        ...(input === "items"
          ? {
              items: preview!.items.map((item) => {
                const choice = choiceOf(item.key);
                const edit = choice.decision === "accept" ? editOf(choice.edit) : undefined;
                return { key: item.key, decision: choice.decision, ...(edit && { edit }) };
              }),
            }
          : input),
      });
      const stale = out.stale.map((s) => {
        const item = preview!.items.find((i) => i.key === s.key);
        return `${item ? suggestionActionText(item.action, locale) : s.key}: ${s.reason}`;
      });
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
  const controls = (item: SuggestionPreviewItem) => {
    const choice = choiceOf(item.key);
    const name = `${formId}-${item.key}`;
    return (
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Decision on {suggestionActionText(item.action, locale)}</legend>
        <div className="flex gap-4 text-sm">
          {(["accept", "reject"] as const).map((decision) => (
            <label key={decision} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={name}
                value={decision}
                checked={choice.decision === decision}
                onChange={() => setChoice(item.key, { decision })}
              />
              {decision === "accept" ? "Accept" : "Reject"}
            </label>
          ))}
        </div>
        {choice.decision === "accept" ? (
          <details>
            <summary className="cursor-pointer text-sm text-primary">Edit before accepting</summary>
            <div className="mt-2 grid gap-3 sm:grid-cols-3">
              {editFields(item).map((field) => {
                const id = `${name}-${field}`;
                const value = choice.edit[field] ?? "";
                const onChange = (v: string) =>
                  setChoice(item.key, { edit: { ...choice.edit, [field]: v } });
                return (
                  <Field key={field} id={id} label={LABEL[field]}>
                    {field === "priority" ? (
                      <NativeSelect
                        {...fieldControlProps(id, {})}
                        value={value}
                        onChange={(e) => onChange(e.target.value)}
                        options={[
                          { value: "", label: "As proposed" },
                          { value: "low", label: "Low" },
                          { value: "medium", label: "Medium" },
                          { value: "high", label: "High" },
                        ]}
                      />
                    ) : (
                      <Input
                        {...fieldControlProps(id, {})}
                        type={
                          field === "localDate" ? "date" : field === "title" ? "text" : "number"
                        }
                        min={field === "title" || field === "localDate" ? undefined : 0}
                        value={value}
                        onChange={(e) => onChange(e.target.value)}
                      />
                    )}
                  </Field>
                );
              })}
            </div>
          </details>
        ) : null}
      </fieldset>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <SuggestionPreviewBody preview={preview} controls={controls} locale={locale} />
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
  );
}
