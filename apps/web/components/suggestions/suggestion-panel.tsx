import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  SUGGESTION_STATUS_LABEL,
  SUGGESTION_TYPE_LABEL,
  SuggestionPreviewBody,
  suggestionActionText,
  type SuggestionPreviewItem,
} from "@atlas/ui";
import { getLocale } from "@atlas/next-app/server";
import type { ReactNode } from "react";
import { ItemDecision, SuggestionReview } from "./lazy.tsx";
import type { EditField } from "./suggestion-review.tsx";
import type { Suggestion } from "~/lib/views.ts";

/** Who answered, in the member's words (the local planner after a model's failure says so). */
export function plannerLine(s: Pick<Suggestion, "provider" | "model" | "fallbackReason">): string {
  if (s.provider === "local") {
    return s.fallbackReason === null
      ? "Planned by Atlas's planner."
      : `Planned by Atlas's planner (the model was not used: ${s.fallbackReason.replaceAll("_", " ")}).`;
  }
  return `Proposed by ${s.model}; days placed by Atlas to fit your capacity.`;
}

/** The fields each kind of item lets the member change (the API's rule, as a form). */
function editFields(item: SuggestionPreviewItem): EditField[] {
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

/**
 * A suggestion in a card: waiting for the coach, or to review and decide; the coach's note when
 * there is one. `title` names the card (its id labels it). The preview's text is rendered here,
 * on the server; only the decision controls (suggestion-review.tsx, loaded with a suggestion to
 * decide: lazy.tsx) are client code.
 */
export async function SuggestionPanel({
  id,
  suggestion,
  title,
  children,
}: {
  id: string;
  suggestion: Suggestion;
  title?: string;
  children?: ReactNode;
}) {
  const locale = await getLocale();
  const preview = suggestion.preview;
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={id}>{title ?? SUGGESTION_TYPE_LABEL[suggestion.type]}</CardTitle>
          <Badge tone={suggestion.status === "pending_coach" ? "warning" : "info"}>
            {SUGGESTION_STATUS_LABEL[suggestion.status]}
          </Badge>
        </div>
        <CardDescription>{plannerLine(suggestion)}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {suggestion.review?.note ? (
          <p className="rounded-md border border-border bg-muted p-3 text-sm">
            <span className="font-medium">{suggestion.review.reviewerName ?? "Your coach"}:</span>{" "}
            {suggestion.review.note}
          </p>
        ) : null}
        {suggestion.status === "pending_coach" ? (
          <p className="text-sm text-muted-foreground">
            Your coach reviews this suggestion first; it shows here once they approve it.
          </p>
        ) : preview !== null ? (
          <SuggestionReview
            key={suggestion.id}
            suggestionId={suggestion.id}
            items={preview.items.map((item) => ({
              key: item.key,
              actionText: suggestionActionText(item.action, locale),
            }))}
          >
            <SuggestionPreviewBody
              preview={preview}
              locale={locale}
              controls={(item) => (
                <ItemDecision
                  itemKey={item.key}
                  actionText={suggestionActionText(item.action, locale)}
                  fields={editFields(item)}
                />
              )}
            />
          </SuggestionReview>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
}
