import { getLocale } from "@atlas/next-app/server";
import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  SUGGESTION_STATUS_LABEL,
  SUGGESTION_TYPE_LABEL,
  suggestionActionText,
} from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { plannerLine } from "~/components/suggestions/suggestion-panel.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";
import type { Suggestion } from "~/lib/views.ts";
import { formatInstant } from "@atlas/ui/dates";

export const metadata: Metadata = { title: "Suggestions" };

const OUTCOME = { accepted: "accepted", edited: "accepted with your edit", rejected: "rejected" };

function decidedLine(s: Suggestion, key: string): string {
  const d = s.decisions?.find((x) => x.key === key);
  if (!d) return "";
  if ("stale" in d.outcome) return `left alone: ${d.outcome.stale}`;
  return OUTCOME[d.decision];
}

function countsLine(s: Suggestion): string {
  const { items, accepted, edited, rejected, stale } = s.counts;
  if (s.decisions === null) return `${items} ${items === 1 ? "change" : "changes"} proposed`;
  return [
    `${accepted} accepted`,
    edited > 0 ? `${edited} edited` : null,
    `${rejected} rejected`,
    stale > 0 ? `${stale} left alone` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Every suggestion the member was made and what became of it, newest first, 20 a page. */
export default async function SuggestionsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const locale = await getLocale();
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Suggestions" />;
  const { cursor } = await searchParams;
  const page = await (await getApi()).ai.list({ cursor: cursor || undefined, limit: 20 });

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Suggestions</h1>
      {page.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No suggestion yet.{" "}
          <Link href="/plan" className="text-primary underline">
            Plan your week
          </Link>{" "}
          or plan a goal from its page.
        </p>
      ) : (
        <ol className="flex flex-col gap-4">
          {page.items.map((s) => (
            <li key={s.id}>
              <Card aria-labelledby={`s-${s.id}`}>
                <CardHeader>
                  <div className="flex flex-wrap items-center gap-2">
                    <CardTitle id={`s-${s.id}`}>{SUGGESTION_TYPE_LABEL[s.type]}</CardTitle>
                    <Badge>{SUGGESTION_STATUS_LABEL[s.status]}</Badge>
                  </div>
                  <CardDescription>
                    <time dateTime={s.createdAt}>
                      {formatInstant(s.createdAt, "dateTime", locale, "UTC")} UTC
                    </time>{" "}
                    · {countsLine(s)} · {plannerLine(s)}
                  </CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-3">
                  {s.review ? (
                    <p className="text-sm">
                      Reviewed by {s.review.reviewerName ?? "your coach"}
                      {s.review.note ? `: ${s.review.note}` : "."}
                    </p>
                  ) : null}
                  {s.preview && s.preview.items.length > 0 ? (
                    <details>
                      <summary className="cursor-pointer text-sm text-primary">The items</summary>
                      <ul className="mt-2 flex flex-col gap-1 text-sm">
                        {s.preview.items.map((item) => (
                          <li key={item.key}>
                            {suggestionActionText(item.action, locale)}
                            {s.decisions ? (
                              <span className="text-muted-foreground">
                                {" "}
                                — {decidedLine(s, item.key)}
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {s.status === "proposed" ? (
                    <Link
                      href={
                        s.type === "weekly_plan" ? "/plan" : s.goalId ? `/goals/${s.goalId}` : "/"
                      }
                      className="text-sm font-medium text-primary hover:underline"
                    >
                      Review it
                    </Link>
                  ) : null}
                </CardContent>
              </Card>
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <Link
          href={`/suggestions?cursor=${encodeURIComponent(page.nextCursor)}`}
          className="self-start text-sm font-medium text-primary hover:underline"
        >
          Older suggestions
        </Link>
      ) : null}
    </div>
  );
}
