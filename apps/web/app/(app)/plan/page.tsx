import { getLocale } from "@atlas/next-app/server";
import type { Metadata } from "next";
import Link from "next/link";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { AskSuggestion } from "~/components/suggestions/ask-suggestion.tsx";
import { SuggestionPanel } from "~/components/suggestions/suggestion-panel.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";
import { formatDate } from "@atlas/ui/dates";

export const metadata: Metadata = { title: "Plan my week" };

/**
 * "Plan my week" (docs/domain.md "AI suggestions"): the open weekly plan, the Monday one
 * included, to review item by item; or the button that asks for one.
 */
export default async function PlanPage() {
  const locale = await getLocale();
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Plan my week" />;

  const { items } = await (
    await getApi()
  ).ai.list({
    type: "weekly_plan",
    status: ["proposed", "pending_coach"],
    limit: 1,
  });
  const open = items[0];
  const weekStart = open?.preview?.days?.[0]?.localDate;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Plan my week</h1>
          <p className="mt-1 max-w-prose text-sm text-muted-foreground">
            Your open tasks and flexible habits placed on the coming week&apos;s days, never past a
            day&apos;s capacity, each with the reason it landed there. Nothing moves until you
            accept it.
          </p>
        </div>
        <Link href="/suggestions" className="text-sm font-medium text-primary hover:underline">
          History of suggestions
        </Link>
      </div>
      {open ? (
        <SuggestionPanel
          id="week-plan-title"
          title={
            weekStart ? `The week of ${formatDate(weekStart, "dayMonth", locale)}` : "Your week"
          }
          suggestion={open}
        >
          <AskSuggestion request={{ type: "weekly_plan" }} label="Plan again" variant="outline" />
        </SuggestionPanel>
      ) : (
        <AskSuggestion request={{ type: "weekly_plan" }} label="Plan my week" />
      )}
    </div>
  );
}
