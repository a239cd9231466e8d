import { getLocale } from "@atlas/next-app/server";
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { LazyGoalForm } from "~/components/goals/lazy.tsx";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { GoalProgress } from "~/components/goals/goal-progress.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { ListHeader } from "~/components/page-header.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { formatDate } from "@atlas/ui/dates";
import { GOAL_STATUS_LABEL } from "@atlas/ui/labels";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Goals" };

/** The member's goals with their progress, and the form for a new one. */
export default async function GoalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await getLocale();
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Goals" />;

  const showArchived = (await searchParams).archived === "1";
  const goals = await (
    await getApi()
  ).goal.list({
    status: showArchived ? ["draft", "active", "completed", "archived"] : undefined,
    limit: 100,
  });

  return (
    <div className="flex flex-col gap-6">
      <ListHeader
        title="Goals"
        href={showArchived ? "/goals" : "/goals?archived=1"}
        link={showArchived ? "Hide archived goals" : "Show archived goals"}
      />

      {goals.items.length === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>No goal yet</CardTitle>
            <CardDescription>
              Create your first goal below; habits and tasks can then serve it.
            </CardDescription>
          </CardHeader>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {goals.items.map((goal) => (
            <li key={goal.id}>
              <Card aria-labelledby={`goal-${goal.id}`} className="h-full">
                <CardHeader>
                  <div className="flex items-start justify-between gap-2">
                    <CardTitle id={`goal-${goal.id}`} className="text-base">
                      <Link
                        href={`/goals/${goal.id}`}
                        className="hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                      >
                        {goal.title}
                      </Link>
                    </CardTitle>
                    <Badge
                      tone={
                        goal.status === "completed"
                          ? "success"
                          : goal.status === "active"
                            ? "info"
                            : "neutral"
                      }
                    >
                      {GOAL_STATUS_LABEL[goal.status]}
                    </Badge>
                  </div>
                  <CardDescription>
                    {[
                      goal.lifeArea,
                      goal.targetDate
                        ? `by ${formatDate(goal.targetDate, "medium", locale)}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "No target date"}
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <GoalProgress goal={goal} />
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}

      <OpenToLoad id="new-goal" summary="New goal">
        <LazyGoalForm />
      </OpenToLoad>
    </div>
  );
}
