import type { AdminRouterOutputs } from "@atlas/api";
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import type { Route } from "next";
import Link from "next/link";
import { getLocale } from "@atlas/next-app/server";
import { formatDate } from "@atlas/ui/dates";

type WeekSummary = AdminRouterOutputs["week"]["list"][number];
type MemberWeek = WeekSummary["members"][number];

const FLAG_LABEL: Record<MemberWeek["flags"][number], string> = {
  slipping: "Slipping",
  overloaded: "Overloaded",
  inactive: "Inactive",
  streak_broken: "Streak broken",
  recovering: "Recovering",
};

function minutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function scoreChange(now: number | null, before: number | null): string {
  if (now === null) return "No scored days";
  if (before === null) return "no score the week before";
  const delta = Math.round((now - before) * 10) / 10;
  if (delta === 0) return "same as the week before";
  return `${delta > 0 ? "+" : "−"}${Math.abs(delta)} on the week before (${before})`;
}

// The drill-down route (/members/[workspaceId]/[memberId]) belongs to the member pages.
const memberHref = (workspaceId: string, memberId: string) =>
  `/members/${encodeURIComponent(workspaceId)}/${encodeURIComponent(memberId)}` as Route;

/** The week's average score by day: bars on a fixed 0–100 scale, with the numbers in a table. */
async function ScoreByDay({
  days,
  label,
}: {
  days: WeekSummary["progress"]["scoreByDay"];
  label: string;
}) {
  const locale = await getLocale();
  const width = 168;
  const height = 48;
  const bar = width / days.length;
  const scored = days.filter((d) => d.averageScore !== null);
  const summary =
    scored.length === 0
      ? `${label}: no scored days`
      : `${label}: ${scored.map((d) => `${formatDate(d.localDate, "weekdayShort", locale)} ${d.averageScore}`).join(", ")}`;
  return (
    <figure className="mt-2">
      <svg
        viewBox={`0 0 ${width} ${height + 12}`}
        className="h-16 w-full max-w-56"
        role="img"
        aria-label={summary}
      >
        {days.map((d, i) => {
          const h = d.averageScore === null ? 0 : (d.averageScore / 100) * height;
          return (
            <g key={d.localDate}>
              <rect x={i * bar + 3} y={0} width={bar - 6} height={height} className="fill-muted" />
              <rect
                x={i * bar + 3}
                y={height - h}
                width={bar - 6}
                height={h}
                className="fill-primary"
              />
              <text
                x={i * bar + bar / 2}
                y={height + 10}
                textAnchor="middle"
                className="fill-muted-foreground text-[8px]"
              >
                {formatDate(d.localDate, "weekdayShort", locale).slice(0, 2)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {days.map((d) => (
            <tr key={d.localDate}>
              <th scope="row">{formatDate(d.localDate, "weekdayShort", locale)}</th>
              <td>{d.averageScore ?? "no score"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{value}</dd>
    </>
  );
}

function MemberLink({ summary, member }: { summary: WeekSummary; member: MemberWeek }) {
  return (
    <Link
      href={memberHref(summary.workspace.id, member.memberId)}
      className="font-medium underline-offset-2 hover:underline"
    >
      {member.name}
    </Link>
  );
}

function Progress({ summary }: { summary: WeekSummary }) {
  const { progress } = summary;
  return (
    <section aria-labelledby={`progress-${summary.workspace.id}`}>
      <h3 id={`progress-${summary.workspace.id}`} className="text-sm font-semibold">
        Progress
      </h3>
      <p className="mt-1 text-2xl font-semibold tabular-nums">
        {progress.averageScore ?? "—"}
        <span className="ml-1 text-sm font-normal text-muted-foreground">average score</span>
      </p>
      <p className="text-xs text-muted-foreground">
        {scoreChange(progress.averageScore, progress.previousAverageScore)}
      </p>
      <ScoreByDay days={progress.scoreByDay} label="Average score by day" />
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
        <Stat label="Habits on a streak" value={progress.habitsOnStreak} />
        <Stat
          label="Occurrences met"
          value={`${progress.occurrencesMet} of ${progress.occurrencesFinished}`}
        />
        <Stat label="Milestones done" value={progress.milestonesCompleted} />
        <Stat label="Goals completed" value={progress.goalsCompleted} />
      </dl>
    </section>
  );
}

async function Plans({ summary }: { summary: WeekSummary }) {
  const locale = await getLocale();
  const { plans } = summary;
  const loaded = summary.members.filter((m) => m.plannedMinutes > 0 || m.overloadedDays.length);
  return (
    <section aria-labelledby={`plans-${summary.workspace.id}`}>
      <h3 id={`plans-${summary.workspace.id}`} className="text-sm font-semibold">
        Plans for the week of {formatDate(summary.nextWeekStart, "dayMonth", locale)}
      </h3>
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
        <Stat label="Tasks due" value={plans.tasksDue} />
        <Stat label="Habit check-ins planned" value={plans.habitOccurrences} />
        <Stat
          label="Planned"
          value={`${minutes(plans.plannedMinutes)} of ${minutes(plans.capacityMinutes)}`}
        />
        <Stat label="Members overloaded" value={plans.overloadedMembers} />
      </dl>
      {loaded.length > 0 ? (
        <ul className="mt-3 space-y-2 text-sm">
          {loaded.map((m) => (
            <li key={m.memberId}>
              <div className="flex items-baseline justify-between gap-2">
                <MemberLink summary={summary} member={m} />
                <span className="text-xs tabular-nums text-muted-foreground">
                  {minutes(m.plannedMinutes)} of {minutes(m.capacityMinutes)}
                </span>
              </div>
              <div
                className="mt-1 h-1.5 w-full rounded bg-muted"
                aria-hidden="true"
                title={`${m.plannedMinutes} of ${m.capacityMinutes} minutes`}
              >
                <div
                  className={
                    m.overloadedDays.length > 0
                      ? "h-full rounded bg-danger"
                      : "h-full rounded bg-primary"
                  }
                  style={{
                    width: `${Math.min(100, m.capacityMinutes === 0 ? 100 : (100 * m.plannedMinutes) / m.capacityMinutes)}%`,
                  }}
                />
              </div>
              {m.overloadedDays.length > 0 ? (
                <p className="text-xs text-danger">
                  Overloaded on{" "}
                  {m.overloadedDays.map((d) => formatDate(d, "weekdayShort", locale)).join(", ")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

async function Problems({ summary }: { summary: WeekSummary }) {
  const locale = await getLocale();
  const { problems } = summary;
  const flagged = summary.members
    .filter((m) => m.flags.length > 0 || m.overdueTasks > 0 || m.brokenStreaks.length > 0)
    .sort((a, b) => b.riskScore - a.riskScore);
  return (
    <section aria-labelledby={`problems-${summary.workspace.id}`}>
      <h3 id={`problems-${summary.workspace.id}`} className="text-sm font-semibold">
        Problems
      </h3>
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
        <Stat label="Members flagged" value={problems.flaggedMembers} />
        <Stat label="Overdue tasks" value={problems.overdueTasks} />
        <Stat label="Streaks broken" value={problems.brokenStreaks} />
      </dl>
      {flagged.length > 0 ? (
        <ul className="mt-3 space-y-2 text-sm">
          {flagged.map((m) => (
            <li key={m.memberId}>
              <MemberLink summary={summary} member={m} />
              <div className="mt-1 flex flex-wrap gap-1">
                {m.flags.map((flag) => (
                  <Badge key={flag} tone={flag === "recovering" ? "success" : "danger"}>
                    {FLAG_LABEL[flag]}
                  </Badge>
                ))}
              </div>
              {m.overdueTasks > 0 ? (
                <p className="text-xs text-muted-foreground">
                  {m.overdueTasks} overdue {m.overdueTasks === 1 ? "task" : "tasks"}
                </p>
              ) : null}
              {m.brokenStreaks.map((b) => (
                <p key={b.habitId} className="text-xs text-muted-foreground">
                  {b.title}: a streak of {b.length} broke on{" "}
                  {formatDate(b.localDate, "weekdayShort", locale)}
                </p>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One card per workspace: progress, plans and problems of its last finished week. */
export async function WeekSummaryCard({ summary }: { summary: WeekSummary }) {
  const locale = await getLocale();
  const titleId = `week-${summary.workspace.id}`;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{summary.workspace.name}</CardTitle>
        <CardDescription>
          Week of {formatDate(summary.weekStart, "dayMonth", locale)} to{" "}
          {formatDate(summary.weekEnd, "dayMonth", locale)} · {summary.members.length} members ·{" "}
          {summary.workspace.timeZone}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-3">
        <Progress summary={summary} />
        <Plans summary={summary} />
        <Problems summary={summary} />
      </CardContent>
    </Card>
  );
}
