import type { AdminRouterOutputs } from "@atlas/api";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  SUGGESTION_TYPE_LABEL,
  SuggestionPreviewBody,
  suggestionActionText,
} from "@atlas/ui";
import { formatInstant } from "@atlas/ui/dates";
import { ApproveWithout, KeepItem, SelectSuggestion } from "./approval-queue.tsx";

type Entry = AdminRouterOutputs["approvals"]["list"]["items"][number];

/**
 * One waiting suggestion of the approval queue as the diff it would apply, rendered on the
 * server; its select, keep and approve controls are the queue's (approval-queue.tsx).
 */
export function ApprovalCard({ entry, locale }: { entry: Entry; locale: string }) {
  const titleId = `approval-${entry.id}`;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-3">
          <SelectSuggestion
            suggestionId={entry.id}
            label={`Select ${SUGGESTION_TYPE_LABEL[entry.type]} for ${entry.member.name}`}
          />
          <CardTitle id={titleId}>
            {SUGGESTION_TYPE_LABEL[entry.type]} for {entry.member.name}
          </CardTitle>
        </div>
        <CardDescription>
          {entry.workspace.name} · asked {formatInstant(entry.createdAt, "dateTime", locale, "UTC")}{" "}
          UTC · {entry.provider === "local" ? "Atlas's planner" : entry.model}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <SuggestionPreviewBody
          locale={locale}
          preview={entry.preview}
          controls={(item) => (
            <KeepItem
              suggestionId={entry.id}
              itemKey={item.key}
              actionText={suggestionActionText(item.action, locale)}
            />
          )}
          headingLevel={3}
        />
        <ApproveWithout suggestionId={entry.id} />
      </CardContent>
    </Card>
  );
}
