import { Badge, Card, CardContent, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { ArchiveAction } from "~/components/archive-action.tsx";
import { LazyGoalForm } from "~/components/goals/lazy.tsx";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { GoalProgress } from "~/components/goals/goal-progress.tsx";
import { MilestoneList } from "~/components/goals/milestone-list.tsx";
import { PlanHeader } from "~/components/page-header.tsx";
import { PlanGoal } from "~/components/suggestions/plan-goal.tsx";
import { formatDate } from "@atlas/ui/dates";
import { describeSchedule } from "~/lib/habits.ts";
import { GOAL_STATUS_LABEL, TASK_STATUS_LABEL } from "@atlas/ui/labels";
import { getGoal, mayEdit } from "~/lib/plans.ts";
import { getApi } from "~/lib/trpc/server.ts";
import { requireSession, getLocale } from "@atlas/next-app/server";

type Props = { params: Promise<{ goalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getGoal((await params).goalId)).title };
}

/** One goal: progress, milestones, the habits and tasks that serve it, edit and archive. */
export default async function GoalPage({ params }: Props) {
  const locale = await getLocale();
  const { goalId } = await params;
  const api = await getApi();
  const goal = await getGoal(goalId);
  const [habits, tasks, canEdit, session] = await Promise.all([
    api.habit.list({ memberId: goal.memberId, goalId, limit: 100 }),
    api.task.list({ memberId: goal.memberId, goalId, limit: 100 }),
    mayEdit(goal.memberId),
    requireSession(),
  ]);
  const editable = canEdit && goal.status !== "archived";
  // Suggestions are the member's own: a coach looking at the goal plans nothing for them here.
  const canPlan = editable && goal.memberId === session.userId;

  return (
    <div className="flex flex-col gap-6">
      <PlanHeader
        back="/goals"
        list="Goals"
        title={goal.title}
        badges={<Badge>{GOAL_STATUS_LABEL[goal.status]}</Badge>}
      >
        <p className="text-sm text-muted-foreground">
          {[
            goal.lifeArea,
            goal.targetDate ? `by ${formatDate(goal.targetDate, "medium", locale)}` : null,
          ]
            .filter(Boolean)
            .join(" · ") || "No target date"}
        </p>
        {goal.description ? (
          <p className="max-w-prose text-sm whitespace-pre-line">{goal.description}</p>
        ) : null}
      </PlanHeader>

      <Card aria-labelledby="milestones-title">
        <CardHeader>
          <CardTitle id="milestones-title">Milestones</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <GoalProgress goal={goal} />
          <MilestoneList
            key={goal.updatedAt}
            goalId={goal.id}
            milestones={goal.milestones}
            canEdit={editable}
          />
        </CardContent>
      </Card>

      {canPlan ? <PlanGoal goalId={goal.id} /> : null}

      <div className="grid gap-6 sm:grid-cols-2">
        <ServingCard
          id="goal-habits-title"
          title="Habits"
          empty="No habit serves this goal yet."
          items={habits.items.map((habit) => ({
            id: habit.id,
            href: `/habits/${habit.id}`,
            title: habit.title,
            detail: describeSchedule(habit.current.schedule),
          }))}
        />
        <ServingCard
          id="goal-tasks-title"
          title="Tasks"
          empty="No task serves this goal yet."
          items={tasks.items.map((task) => ({
            id: task.id,
            href: `/tasks/${task.id}`,
            title: task.title,
            detail: TASK_STATUS_LABEL[task.status],
          }))}
        />
      </div>

      {editable ? (
        <>
          <OpenToLoad summary="Edit goal">
            <LazyGoalForm key={goal.updatedAt} goal={goal} />
          </OpenToLoad>
          <ArchiveAction kind="goal" id={goal.id} title={goal.title} after="/goals" />
        </>
      ) : null}
    </div>
  );
}

/** The habits or the tasks that serve the goal: each a link to its page, and a word on it. */
function ServingCard({
  id,
  title,
  empty,
  items,
}: {
  /** The title's id, which names the card. */
  id: string;
  title: string;
  /** What the card says when nothing serves the goal. */
  empty: string;
  items: {
    id: string;
    href: Route<`/${"habits" | "tasks"}/${string}`>;
    title: string;
    detail: string;
  }[];
}) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {items.map((item) => (
              <li key={item.id}>
                <Link href={item.href} className="font-medium hover:underline">
                  {item.title}
                </Link>{" "}
                <span className="text-muted-foreground">· {item.detail}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
