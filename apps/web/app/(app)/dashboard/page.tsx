import { getLocale } from "@atlas/next-app/server";
import {
  AtRiskCard,
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ScoreCard,
  StrengthList,
} from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { LoadChart } from "~/components/charts/load-chart.tsx";
import { ScoreTrendChart } from "~/components/charts/score-trend-chart.tsx";
import { ReliefAction } from "~/components/dashboard/relief-action.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { CoachNotes } from "~/components/coach-notes.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { habitHref } from "~/lib/habits.ts";
import { formatDate } from "@atlas/ui/dates";
import { LOAD_LEVEL, LOAD_TONE } from "@atlas/ui/labels";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Dashboard" };

/** How the member is doing: score and its trend, consistency, habits, and the coming load. */
export default async function DashboardPage() {
  const locale = await getLocale();
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Dashboard" />;

  const api = await getApi();
  const [dashboard, notes] = await Promise.all([api.dashboard.get(), api.coachNote.listMine()]);
  const { overload } = dashboard;
  const consistency =
    dashboard.consistency === null ? null : Math.round(dashboard.consistency * 100);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {formatDate(dashboard.localDate, "long", locale)}
        </p>
      </div>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
        <ScoreCard
          percent={dashboard.score.percent}
          detail={dashboard.score.percent === null ? "Nothing scored yet today." : "So far today"}
        />
        <Card aria-labelledby="consistency-title" className="sm:min-h-48">
          <CardHeader>
            <CardTitle id="consistency-title" className="text-base">
              Consistency
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            <p className="text-3xl font-semibold tabular-nums">
              {consistency === null ? (
                <>
                  <span aria-hidden>—</span>
                  <span className="sr-only">Not yet measured</span>
                </>
              ) : (
                `${consistency}%`
              )}
            </p>
            <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
              <span>Your execution, smoothed over the past weeks.</span>
              {dashboard.recovering ? <Badge tone="success">Recovering</Badge> : null}
            </p>
          </CardContent>
        </Card>
        <AtRiskCard
          locale={locale}
          atRisk={dashboard.atRisk}
          today={dashboard.localDate}
          habitHref={habitHref}
          className="col-span-2 sm:col-span-1"
        />
      </div>

      <Card aria-labelledby="trend-title">
        <CardHeader>
          <CardTitle id="trend-title">Score, last {dashboard.trend.length} days</CardTitle>
          <CardDescription>
            One bar a day; a dash marks a day with nothing scored.
            {dashboard.historyLimit ? ` ${dashboard.historyLimit.message}` : ""}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ScoreTrendChart points={dashboard.trend} locale={locale} />
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="strength-title">
          <CardHeader>
            <CardTitle id="strength-title">Habits by strength</CardTitle>
            <CardDescription>
              Strength grows with every check-in and fades slowly with misses.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <StrengthList
              habits={dashboard.habits}
              habitHref={habitHref}
              emptyAction={
                <Link href="/habits#new-habit" className="font-medium text-primary hover:underline">
                  Create a habit
                </Link>
              }
            />
          </CardContent>
        </Card>

        <Card aria-labelledby="load7-title">
          <CardHeader>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CardTitle id="load7-title">Load, next 7 days</CardTitle>
              <Badge tone={LOAD_TONE[overload.level]}>
                <span className="sr-only">Overload level: </span>
                {LOAD_LEVEL[overload.level]}
              </Badge>
            </div>
            <CardDescription>Bars: planned minutes. Lines: your capacity.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <LoadChart days={overload.days} locale={locale} />
            {overload.trend ? (
              <p className="rounded-md bg-warning/15 px-3 py-2 text-sm">
                Your completion is falling while the coming load rises.
              </p>
            ) : null}
            <section aria-labelledby="relief-title" className="flex flex-col gap-2">
              <h3 id="relief-title" className="font-semibold">
                Relief
              </h3>
              {overload.relief.kind === "relief" ? (
                <ReliefAction moves={overload.relief.moves} />
              ) : overload.relief.kind === "no_relief" ? (
                <p className="text-sm text-muted-foreground">
                  Habits alone fill more than your capacity on some days, so moving tasks would not
                  help. Consider lighter habits or more capacity in Settings.
                </p>
              ) : overload.level === "over" || overload.level === "critical" ? (
                <p className="text-sm text-muted-foreground">
                  Nothing to move: the busy days have no capacity set, so there is no ratio to bring
                  down. Set your capacity in Settings.
                </p>
              ) : (
                <p className="text-sm text-muted-foreground">No day is over capacity.</p>
              )}
            </section>
          </CardContent>
        </Card>
      </div>
      <CoachNotes notes={notes} locale={locale} />
    </div>
  );
}
