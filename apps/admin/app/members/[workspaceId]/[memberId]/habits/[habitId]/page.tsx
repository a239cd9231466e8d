import { requireSession, getLocale } from "@atlas/next-app/server";
import { Card, CardContent, CardHeader, CardTitle, Heatmap } from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import { streakText } from "@atlas/ui/labels";
import type { Metadata } from "next";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";
import { memberPath, orRefused } from "~/lib/member.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Habit" };

/** One of the member's habits as their habit page reads it: streaks, strength, the year's heatmap. */
export default async function MemberHabitPage({
  params,
}: {
  params: Promise<{ workspaceId: string; memberId: string; habitId: string }>;
}) {
  const locale = await getLocale();
  const session = await requireSession();
  const { habitId, ...drill } = await params;
  const history = await orRefused((await getApi()).member.habitHistory({ ...drill, habitId }));
  const { habit } = history;

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-8">
        <div>
          <a
            href={memberPath(drill.workspaceId, drill.memberId)}
            className="text-sm text-muted-foreground hover:underline"
          >
            ← {habit.memberName}
          </a>
          <h1 className="text-2xl font-semibold tracking-tight">{habit.name}</h1>
        </div>
        <dl className="grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-muted-foreground">Current streak</dt>
            <dd className="text-xl font-semibold">
              {streakText(history.currentStreak, habit.schedule)}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Best streak</dt>
            <dd className="text-xl font-semibold">
              {streakText(history.bestStreak, habit.schedule)}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Strength</dt>
            <dd className="text-xl font-semibold">{Math.round(history.strength * 100)}%</dd>
          </div>
        </dl>
        <Card aria-labelledby="heatmap-title">
          <CardHeader>
            <CardTitle id="heatmap-title">Heatmap</CardTitle>
          </CardHeader>
          <CardContent>
            <Heatmap
              locale={locale}
              name={habit.name}
              days={history.days}
              from={history.from}
              to={history.to}
              unit={habit.target?.unit ?? null}
            />
          </CardContent>
        </Card>
        <Card aria-labelledby="versions-title">
          <CardHeader>
            <CardTitle id="versions-title">Versions</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-1 text-sm">
              {history.versions.map((v) => (
                <li key={v.effectiveFrom}>
                  From {formatDate(v.effectiveFrom, "medium", locale)}:{" "}
                  {v.schedule.replaceAll("_", " ")}, {v.durationMinutes} min
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
