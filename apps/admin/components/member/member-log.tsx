"use client";

import type { AdminRouterOutputs } from "@atlas/api";
import { Badge, Button } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";
import { usePages } from "~/lib/api.ts";

type LogPage = AdminRouterOutputs["member"]["log"];

const KIND = { done: "Done", partial: "Partial", skip: "Skipped", undo: "Undo" } as const;

/**
 * The member's log, newest day first, a page at a time; late entries and overrides marked. The
 * page renders the first page; older ones load on "Show older entries".
 */
export function MemberLog({
  workspaceId,
  memberId,
  initial,
}: {
  workspaceId: string;
  memberId: string;
  initial: LogPage;
}) {
  const locale = useLocale();
  const log = usePages(initial, (api, cursor) =>
    api.member.log.query({ workspaceId, memberId, cursor }),
  );
  const entries = log.items;

  if (entries.length === 0)
    return <p className="text-sm text-muted-foreground">Nothing logged yet.</p>;
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col divide-y divide-border text-sm">
        {entries.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <span className="w-24 shrink-0 tabular-nums">
              {formatDate(e.localDate, "medium", locale)}
            </span>
            <span className={e.isReverted ? "line-through" : "font-medium"}>{e.item.title}</span>
            <span>
              {KIND[e.kind]}
              {e.value === null ? "" : ` · ${e.value}`}
            </span>
            {e.isOverride ? <Badge tone="danger">Override by {e.recordedBy.name}</Badge> : null}
            {!e.isOverride && e.recordedBy.id !== memberId ? (
              <Badge>By {e.recordedBy.name}</Badge>
            ) : null}
            {e.daysLate > 0 ? (
              <Badge tone="warning">
                {e.daysLate === 1 ? "1 day late" : `${e.daysLate} days late`}
              </Badge>
            ) : null}
            {e.note ? <span className="text-muted-foreground">“{e.note}”</span> : null}
          </li>
        ))}
      </ol>
      {log.error ? (
        <p role="alert" className="text-sm text-danger">
          {log.error.message}
        </p>
      ) : null}
      {log.hasMore ? (
        <Button
          variant="outline"
          size="sm"
          className="self-start"
          disabled={log.isLoading}
          onClick={() => void log.more()}
        >
          {log.isLoading ? "Loading…" : "Show older entries"}
        </Button>
      ) : null}
    </div>
  );
}
