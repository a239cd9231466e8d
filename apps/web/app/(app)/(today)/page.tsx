import { getLocale } from "@atlas/next-app/server";
import { AtRiskCard, LoadCard, ScoreCard, buttonVariants } from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FirstRun } from "~/components/first-run/first-run.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { HabitRow } from "~/components/today/habit-row.tsx";
import { habitNotes, taskNotes } from "~/components/today/row-notes.ts";
import { RescheduleOverdue } from "~/components/today/reschedule-overdue.tsx";
import { TaskRow } from "~/components/today/task-row.tsx";
import { TodayKeys } from "~/components/today/today-keys.tsx";
import { AskSuggestion } from "~/components/suggestions/ask-suggestion.tsx";
import { SuggestionPanel } from "~/components/suggestions/suggestion-panel.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { habitHref } from "~/lib/habits.ts";
import { formatDate } from "@atlas/ui/dates";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Today" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Everything due in the member's local today, with one-click check-ins. */
export default async function TodayPage() {
  const locale = await getLocale();
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Today" />;

  const api = await getApi();
  // The open recovery and deferral suggestions (docs/domain.md "AI suggestions"), to decide here.
  const [today, recovery, deferral, firstRun] = await Promise.all([
    api.today.get(),
    api.ai.list({ type: "recovery", status: ["proposed"], limit: 1 }),
    api.ai.list({ type: "deferral", status: ["proposed"], limit: 1 }),
    api.firstRun.get(),
  ]);
  // A member with nothing planned yet gets the guide instead (docs/domain.md "First run").
  if (firstRun.step !== null) return <FirstRun step={firstRun.step} today={today} />;
  const suggestions = [...recovery.items, ...deferral.items];
  const { habits, tasks, overdue, score } = today;
  const isEmpty = habits.length === 0 && tasks.length === 0 && overdue.length === 0;

  return (
    <div className="flex flex-col gap-6">
      <TodayKeys />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Today</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {formatDate(today.localDate, "long", locale)} · {today.timeZone.replaceAll("_", " ")}
        </p>
      </div>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
        <ScoreCard
          percent={score.percent}
          detail={
            score.dueCount === 0
              ? "Nothing scored yet today."
              : `${score.doneCount} of ${score.dueCount} done`
          }
        />
        <LoadCard load={today.load} />
        <AtRiskCard
          locale={locale}
          atRisk={today.atRisk}
          today={today.localDate}
          habitHref={habitHref}
          className="col-span-2 sm:col-span-1"
        />
      </div>

      {isEmpty ? (
        <section
          aria-labelledby="empty-title"
          className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-border bg-surface p-6"
        >
          <h2 id="empty-title" className="text-lg font-semibold">
            Nothing due today
          </h2>
          <p className="text-sm text-muted-foreground">
            No habit or task is planned for today. Plan something to see it here.
          </p>
          <div className="flex flex-wrap gap-2">
            <Link href="/habits#new-habit" className={buttonVariants({ size: "sm" })}>
              Create a habit
            </Link>
            <Link
              href="/tasks#new-task"
              className={buttonVariants({ size: "sm", variant: "outline" })}
            >
              Create a task
            </Link>
          </div>
        </section>
      ) : null}

      {suggestions.length > 0 ? (
        <Section id="suggestions-title" title="Suggestions">
          {suggestions.map((s) => (
            <SuggestionPanel key={s.id} id={`suggestion-${s.id}`} suggestion={s} />
          ))}
        </Section>
      ) : null}

      {habits.length > 0 ? (
        <Section id="habits-title" title="Habits">
          <ul className="flex flex-col gap-3">
            {habits.map((habit) => (
              <HabitRow
                key={habit.id}
                habit={habit}
                notes={habitNotes(
                  habit,
                  today.atRisk.find((r) => r.habitId === habit.id),
                  today.localDate,
                  locale,
                )}
              />
            ))}
          </ul>
        </Section>
      ) : null}

      {tasks.length > 0 ? (
        <Section id="tasks-title" title="Tasks">
          <ul className="flex flex-col gap-3">
            {tasks.map((task) => (
              <TaskRow
                key={task.id}
                task={task}
                notes={taskNotes(task, today.localDate, locale)}
              />
            ))}
          </ul>
        </Section>
      ) : null}

      {overdue.length > 0 ? (
        <Section id="overdue-title" title="Overdue">
          <ul className="flex flex-col gap-3">
            {overdue.map((task) => (
              <TaskRow
                key={task.id}
                task={task}
                notes={taskNotes(task, today.localDate, locale)}
              />
            ))}
          </ul>
          {today.overdueCount > 0 ? (
            <RescheduleOverdue count={today.overdueCount} shown={overdue.length} />
          ) : null}
          {today.overdueCount > 0 && deferral.items.length === 0 ? (
            <AskSuggestion
              request={{ type: "deferral" }}
              label="Suggest new days that fit"
              variant="outline"
            />
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
