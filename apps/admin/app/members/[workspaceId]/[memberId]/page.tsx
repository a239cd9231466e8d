import { requireSession, getLocale } from "@atlas/next-app/server";
import { addDays } from "@atlas/time/calendar";
import {
  AtRiskCard,
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  LoadCard,
  ScoreCard,
  StrengthList,
} from "@atlas/ui";
import { formatDate } from "@atlas/ui/dates";
import { LOAD_LEVEL, LOAD_TONE, streakText } from "@atlas/ui/labels";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HabitDurationForm } from "~/components/member/habit-duration-form.tsx";
import { MemberLog } from "~/components/member/member-log.tsx";
import { NotesPanel } from "~/components/member/notes-panel.tsx";
import { OverloadHistory } from "~/components/member/overload-history.tsx";
import { OverrideForm } from "~/components/member/override-form.tsx";
import { TaskPriorityForm } from "~/components/member/task-priority-form.tsx";
import { SiteHeader } from "~/components/site-header.tsx";
import { serverEnv } from "~/env.ts";
import { memberPath, orRefused } from "~/lib/member.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Member" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * One member as their coach sees them (docs/domain.md "Coach drill-down"): their Today and
 * dashboard with the web app's own components, the log, the stored load, notes, overrides and
 * plan edits. Open to the workspace's coaches, admins and owners.
 */
export default async function MemberPage({
  params,
}: {
  params: Promise<{ workspaceId: string; memberId: string }>;
}) {
  const locale = await getLocale();
  const session = await requireSession();
  const drill = await params;
  const api = await getApi();
  const [member, today, dashboard, history, log, notes] = await orRefused(
    Promise.all([
      api.member.get(drill),
      api.member.today(drill),
      api.member.dashboard(drill),
      api.member.overloadHistory(drill),
      api.member.log(drill),
      api.notes.list(drill),
    ]),
  );
  const base = memberPath(drill.workspaceId, drill.memberId);
  const habitHref = (habitId: string) => `${base}/habits/${habitId}`;
  const consistency =
    dashboard.consistency === null ? null : Math.round(dashboard.consistency * 100);
  const overrideItems = [
    ...dashboard.habits.map((h) => ({ type: "habit" as const, id: h.id, name: h.name })),
    ...[...today.tasks, ...today.overdue].map((t) => ({
      type: "task" as const,
      id: t.id,
      name: t.title,
    })),
  ];

  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader via={session.via} webUrl={serverEnv().webUrl} />
      <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-8">
        <div>
          <p className="text-sm text-muted-foreground">{member.workspaceName}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{member.name}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {formatDate(member.localDate, "long", locale)} · {member.timeZone.replaceAll("_", " ")}{" "}
            · late entries up to {member.lateEntryWindowDays} days
          </p>
        </div>

        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 sm:gap-4">
          <ScoreCard
            percent={today.score.percent}
            detail={
              today.score.dueCount === 0
                ? "Nothing scored yet today."
                : `${today.score.doneCount} of ${today.score.dueCount} done`
            }
          />
          <LoadCard load={today.load} />
          <Card aria-labelledby="consistency-title" className="sm:min-h-48">
            <CardHeader>
              <CardTitle id="consistency-title" className="text-base">
                Consistency
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-2">
              <p className="text-3xl font-semibold tabular-nums">
                {consistency === null ? "—" : `${consistency}%`}
              </p>
              {dashboard.recovering ? <Badge tone="success">Recovering</Badge> : null}
            </CardContent>
          </Card>
          <AtRiskCard
            atRisk={today.atRisk}
            today={today.localDate}
            habitHref={habitHref}
            locale={locale}
          />
        </div>

        <Section id="today-title" title="Today">
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="habits-title" className="flex flex-col gap-2">
              <h3 id="habits-title" className="font-semibold">
                Habits
              </h3>
              {today.habits.length === 0 ? (
                <p className="text-sm text-muted-foreground">Nothing due today.</p>
              ) : (
                <ul className="flex flex-col gap-2 text-sm">
                  {today.habits.map((h) => (
                    <li key={h.id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        <a href={habitHref(h.id)} className="font-medium hover:underline">
                          {h.name}
                        </a>{" "}
                        <span className="text-muted-foreground">
                          · {h.state} · {streakText(h.streak.current, h.schedule)}
                        </span>
                      </span>
                      <HabitDurationForm
                        {...drill}
                        habitId={h.id}
                        name={h.name}
                        durationMinutes={h.durationMinutes}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="tasks-title" className="flex flex-col gap-2">
              <h3 id="tasks-title" className="font-semibold">
                Tasks, and {today.overdueCount} overdue
              </h3>
              {today.tasks.length + today.overdue.length === 0 ? (
                <p className="text-sm text-muted-foreground">No task today.</p>
              ) : (
                <ul className="flex flex-col gap-2 text-sm">
                  {[...today.tasks, ...today.overdue].map((t) => (
                    <li key={t.id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        <span className="font-medium">{t.title}</span>{" "}
                        <span className="text-muted-foreground">
                          · {t.status}
                          {t.dueDate ? ` · due ${formatDate(t.dueDate, "medium", locale)}` : ""}
                        </span>
                      </span>
                      {t.status === "done" ? null : (
                        <TaskPriorityForm
                          {...drill}
                          taskId={t.id}
                          title={t.title}
                          priority={t.priority}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </Section>

        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="strength-title" title="Habits by strength">
            <StrengthList habits={dashboard.habits} habitHref={habitHref} />
          </Section>
          <Card aria-labelledby="overload-title">
            <CardHeader>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <CardTitle id="overload-title">Load, last {history.days.length} days</CardTitle>
                <Badge tone={LOAD_TONE[dashboard.overload.level]}>
                  Next 7 days: {LOAD_LEVEL[dashboard.overload.level]}
                </Badge>
              </div>
              <CardDescription>As each day was computed, against its capacity.</CardDescription>
            </CardHeader>
            <CardContent>
              <OverloadHistory history={history} />
            </CardContent>
          </Card>
        </div>

        <Section id="notes-title" title="Notes">
          <NotesPanel {...drill} viewerId={session.userId} initial={notes} />
        </Section>

        <Section id="override-title" title="Late-entry override">
          <OverrideForm
            {...drill}
            items={overrideItems}
            latestDay={addDays(member.localDate, -member.lateEntryWindowDays - 1)}
          />
        </Section>

        <Section id="log-title" title="Log">
          <MemberLog {...drill} initial={log} />
        </Section>
      </main>
    </div>
  );
}
