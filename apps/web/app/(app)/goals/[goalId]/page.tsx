import { Badge, Card, CardContent, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveAction } from "~/components/archive-action.tsx";
import { GoalForm } from "~/components/goals/goal-form.tsx";
import { GoalProgress } from "~/components/goals/goal-progress.tsx";
import { MilestoneList } from "~/components/goals/milestone-list.tsx";
import { formatDate } from "~/lib/dates.ts";
import { describeSchedule } from "~/lib/habits.ts";
import { GOAL_STATUS_LABEL, TASK_STATUS_LABEL } from "~/lib/labels.ts";
import { getGoal, mayEdit } from "~/lib/plans.ts";
import { getApi } from "~/lib/trpc/server.ts";

type Props = { params: Promise<{ goalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getGoal((await params).goalId)).title };
}

/** One goal: progress, milestones, the habits and tasks that serve it, edit and archive. */
export default async function GoalPage({ params }: Props) {
  const { goalId } = await params;
  const api = await getApi();
  const goal = await getGoal(goalId);
  const [habits, tasks, canEdit] = await Promise.all([
    api.habit.list({ memberId: goal.memberId, goalId, limit: 100 }),
    api.task.list({ memberId: goal.memberId, goalId, limit: 100 }),
    mayEdit(goal.memberId),
  ]);
  const editable = canEdit && goal.status !== "archived";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href="/goals" className="text-sm font-medium text-primary hover:underline">
          ← Goals
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{goal.title}</h1>
          <Badge>{GOAL_STATUS_LABEL[goal.status]}</Badge>
        </div>
        <p className="text-sm text-muted-foreground">
          {[goal.lifeArea, goal.targetDate ? `by ${formatDate(goal.targetDate)}` : null]
            .filter(Boolean)
            .join(" · ") || "No target date"}
        </p>
        {goal.description ? (
          <p className="max-w-prose text-sm whitespace-pre-line">{goal.description}</p>
        ) : null}
      </div>

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

      <div className="grid gap-6 sm:grid-cols-2">
        <Card aria-labelledby="goal-habits-title">
          <CardHeader>
            <CardTitle id="goal-habits-title">Habits</CardTitle>
          </CardHeader>
          <CardContent>
            {habits.items.length === 0 ? (
              <p className="text-sm text-muted-foreground">No habit serves this goal yet.</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {habits.items.map((habit) => (
                  <li key={habit.id}>
                    <Link href={`/habits/${habit.id}`} className="font-medium hover:underline">
                      {habit.title}
                    </Link>{" "}
                    <span className="text-muted-foreground">
                      · {describeSchedule(habit.current.schedule)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card aria-labelledby="goal-tasks-title">
          <CardHeader>
            <CardTitle id="goal-tasks-title">Tasks</CardTitle>
          </CardHeader>
          <CardContent>
            {tasks.items.length === 0 ? (
              <p className="text-sm text-muted-foreground">No task serves this goal yet.</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {tasks.items.map((task) => (
                  <li key={task.id}>
                    <Link href={`/tasks/${task.id}`} className="font-medium hover:underline">
                      {task.title}
                    </Link>{" "}
                    <span className="text-muted-foreground">
                      · {TASK_STATUS_LABEL[task.status]}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>

      {editable ? (
        <>
          <GoalForm key={goal.updatedAt} goal={goal} />
          <ArchiveAction kind="goal" id={goal.id} title={goal.title} after="/goals" />
        </>
      ) : null}
    </div>
  );
}
