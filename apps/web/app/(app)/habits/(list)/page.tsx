import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { LazyHabitForm } from "~/components/habits/lazy.tsx";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { ListHeader } from "~/components/page-header.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { describeSchedule, describeTarget } from "~/lib/habits.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Habits" };

/** The member's habits, and the form for a new one. */
export default async function HabitsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Habits" />;

  const showArchived = (await searchParams).archived === "1";
  const api = await getApi();
  const [habits, goals] = await Promise.all([
    api.habit.list({ includeArchived: showArchived, limit: 100 }),
    api.goal.list({ limit: 100 }),
  ]);
  const goalTitle = new Map(goals.items.map((g) => [g.id, g.title]));

  return (
    <div className="flex flex-col gap-6">
      <ListHeader
        title="Habits"
        href={showArchived ? "/habits" : "/habits?archived=1"}
        link={showArchived ? "Hide archived habits" : "Show archived habits"}
      />

      <Card aria-labelledby="habit-list-title">
        <CardHeader>
          <CardTitle id="habit-list-title">Your habits</CardTitle>
          <CardDescription>
            {habits.items.length === 0
              ? "No habit yet: create your first one below."
              : `${habits.items.length} ${habits.items.length === 1 ? "habit" : "habits"}`}
          </CardDescription>
        </CardHeader>
        {habits.items.length > 0 ? (
          <CardContent>
            <ul className="divide-y divide-border">
              {habits.items.map((habit) => {
                const { schedule, target, durationMinutes } = habit.current;
                const goal = habit.goalId ? goalTitle.get(habit.goalId) : undefined;
                return (
                  <li key={habit.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                    <Link
                      href={`/habits/${habit.id}`}
                      className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                    >
                      {habit.title}
                    </Link>
                    {habit.isArchived ? <Badge>Archived</Badge> : null}
                    <span className="w-full text-sm text-muted-foreground sm:w-auto sm:flex-1">
                      {[
                        describeSchedule(schedule),
                        target ? describeTarget(target) : null,
                        durationMinutes > 0 ? `${durationMinutes} min` : null,
                        goal ? `Goal: ${goal}` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </li>
                );
              })}
            </ul>
          </CardContent>
        ) : null}
      </Card>

      <OpenToLoad id="new-habit" summary="New habit">
        <LazyHabitForm goals={goals.items.map(({ id, title }) => ({ id, title }))} />
      </OpenToLoad>
    </div>
  );
}
