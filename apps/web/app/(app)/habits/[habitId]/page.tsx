import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Heatmap,
  ScrollRegion,
} from "@atlas/ui";
import { requireSession, getLocale } from "@atlas/next-app/server";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ArchiveAction } from "~/components/archive-action.tsx";
import { TimeSeriesChart } from "~/components/charts/time-series-chart.tsx";
import { LazyHabitForm } from "~/components/habits/lazy.tsx";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { PlanHeader } from "~/components/page-header.tsx";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { describeSchedule, describeTarget, scheduleOfVersion } from "~/lib/habits.ts";
import { streakValue } from "@atlas/ui/labels";
import { getHabit, mayEdit, orDeny } from "~/lib/plans.ts";
import { getApi } from "~/lib/trpc/server.ts";

/** Axis ticks carry the streak's unit in one letter (d: days, w: weeks); occurrences go bare. */
const STREAK_TICK_UNIT = { daily: "d", times_per_week: "w", days_of_week: "", every_n_days: "" };

type Props = { params: Promise<{ habitId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getHabit((await params).habitId)).title };
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-border bg-surface p-3 sm:p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums sm:text-2xl">{value}</dd>
    </div>
  );
}

/** One habit: its year in a heatmap, strength and streak over time, its plan's history, edits. */
export default async function HabitPage({ params }: Props) {
  const locale = await getLocale();
  const { habitId } = await params;
  const api = await getApi();
  const [habit, history] = await Promise.all([
    getHabit(habitId),
    orDeny(api.habit.history({ habitId })),
  ]);
  const session = await requireSession();
  const canEdit = !habit.isArchived && (await mayEdit(habit.memberId));
  const goals = canEdit
    ? (await api.goal.list({ memberId: habit.memberId, limit: 100 })).items
    : [];
  const goal = habit.goalId ? goals.find((g) => g.id === habit.goalId) : undefined;

  const { target } = history.habit;
  // Charts start on the habit's first day: before it there is nothing to draw.
  const shown = history.days.filter((d) => d.date >= history.habit.startDate);
  const strength = shown.map((d) => ({ date: d.date, value: Math.round(d.strength * 100) }));
  const streak = shown.map((d) => ({ date: d.date, value: d.streak }));
  const maxStreak = Math.max(4, ...streak.map((p) => p.value));
  const streakStep = Math.max(1, Math.ceil(maxStreak / 4));
  const strengthNow = Math.round(history.strength * 100);
  // The streak's unit follows the schedule in force (weeks for times_per_week).
  const streakIn = (n: number) => streakValue(n, history.habit.schedule);
  const current = history.versions[history.versions.length - 1];

  return (
    <div className="flex flex-col gap-6">
      <PlanHeader
        back="/habits"
        list="Habits"
        title={history.habit.name}
        badges={habit.isArchived ? <Badge>Archived</Badge> : null}
      >
        <p className="text-sm text-muted-foreground">
          {[
            current ? describeSchedule(scheduleOfVersion(current)) : null,
            target ? describeTarget(target) : null,
            history.habit.durationMinutes > 0 ? formatMinutes(history.habit.durationMinutes) : null,
            `since ${formatDate(history.habit.startDate, "medium", locale)}`,
            goal ? `goal: ${goal.title}` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {habit.memberId === session.userId ? null : (
          <p className="text-sm text-muted-foreground">{history.habit.memberName}&apos;s habit</p>
        )}
      </PlanHeader>

      <dl className="grid grid-cols-3 gap-3 sm:gap-4">
        <Stat label="Current streak" value={streakIn(history.currentStreak)} />
        <Stat label="Best streak" value={streakIn(history.bestStreak)} />
        <Stat label="Strength" value={`${strengthNow}%`} />
      </dl>

      <Card aria-labelledby="heatmap-title">
        <CardHeader>
          <CardTitle id="heatmap-title">Heatmap</CardTitle>
          <CardDescription>
            {history.historyLimit
              ? `${history.historyLimit.message} ${formatDate(history.from, "medium", locale)} to ${formatDate(history.to, "medium", locale)}.`
              : `The last 53 weeks, ${formatDate(history.from, "medium", locale)} to ${formatDate(history.to, "medium", locale)}.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Heatmap
            locale={locale}
            name={history.habit.name}
            days={history.days}
            from={history.from}
            to={history.to}
            unit={target?.unit ?? null}
          />
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="strength-title">
          <CardHeader>
            <CardTitle id="strength-title">Strength</CardTitle>
            <CardDescription>How ingrained the habit is, 0 to 100%.</CardDescription>
          </CardHeader>
          <CardContent>
            <TimeSeriesChart
              locale={locale}
              title="Strength"
              points={strength}
              max={100}
              ticks={[0, 50, 100]}
              tickFormat={(v) => `${v}%`}
              format={(v) => `${v}%`}
              summary={`Strength of ${history.habit.name} over time: now ${strengthNow}%, highest ${Math.max(0, ...strength.map((p) => p.value))}%.`}
            />
          </CardContent>
        </Card>
        <Card aria-labelledby="streak-title">
          <CardHeader>
            <CardTitle id="streak-title">Streak</CardTitle>
            <CardDescription>
              {history.habit.schedule === "times_per_week"
                ? "Weeks met in a row."
                : history.habit.schedule === "daily"
                  ? "Days met in a row."
                  : "Due days met in a row."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <TimeSeriesChart
              locale={locale}
              title="Streak"
              points={streak}
              max={streakStep * 4}
              ticks={[0, streakStep, streakStep * 2, streakStep * 3, streakStep * 4]}
              tickFormat={(v) => `${v}${STREAK_TICK_UNIT[history.habit.schedule]}`}
              format={streakIn}
              summary={`Streak of ${history.habit.name} over time: now ${streakIn(history.currentStreak)}, best ${streakIn(history.bestStreak)}.`}
            />
          </CardContent>
        </Card>
      </div>

      <Card aria-labelledby="versions-title">
        <CardHeader>
          <CardTitle id="versions-title">Schedule history</CardTitle>
          <CardDescription>
            Every plan this habit has had; each day is scored with the one in force.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ScrollRegion label={"Schedule history table"}>
            <table className="w-full text-left text-sm">
              <thead className="text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    From
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Schedule
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Target
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Duration
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...history.versions].reverse().map((version) => (
                  <tr key={version.effectiveFrom} className="border-b border-border last:border-0">
                    <th scope="row" className="py-2 pr-4 font-medium whitespace-nowrap">
                      {formatDate(version.effectiveFrom, "medium", locale)}
                    </th>
                    <td className="py-2 pr-4">{describeSchedule(scheduleOfVersion(version))}</td>
                    <td className="py-2 pr-4">
                      {version.target ? describeTarget(version.target) : "None"}
                    </td>
                    <td className="py-2">
                      {version.durationMinutes > 0 ? formatMinutes(version.durationMinutes) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </CardContent>
      </Card>

      {canEdit ? (
        <>
          <OpenToLoad summary="Edit habit">
            <LazyHabitForm
              key={habit.updatedAt}
              habit={habit}
              goals={goals.map(({ id, title }) => ({ id, title }))}
            />
          </OpenToLoad>
          <ArchiveAction kind="habit" id={habit.id} title={habit.title} after="/habits" />
        </>
      ) : null}
    </div>
  );
}
