import { getLocale } from "@atlas/next-app/server";
import { Badge, Card, CardContent, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata } from "next";
import { ArchiveAction } from "~/components/archive-action.tsx";
import { PlanHeader } from "~/components/page-header.tsx";
import { LazyTaskForm } from "~/components/tasks/lazy.tsx";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from "@atlas/ui/labels";
import { getTask, mayEdit } from "~/lib/plans.ts";
import { getApi } from "~/lib/trpc/server.ts";

type Props = { params: Promise<{ taskId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTask((await params).taskId)).title };
}

/** One task: its plan as it stands today, edit and archive. */
export default async function TaskPage({ params }: Props) {
  const locale = await getLocale();
  const task = await getTask((await params).taskId);
  const editable = !task.isArchived && (await mayEdit(task.memberId));
  const goals = (await (await getApi()).goal.list({ memberId: task.memberId, limit: 100 })).items;
  const goal = task.goalId ? goals.find((g) => g.id === task.goalId) : undefined;

  const facts: [string, string][] = [
    ["Status", TASK_STATUS_LABEL[task.status]],
    ["Priority", PRIORITY_LABEL[task.priority]],
    ["Planned", task.plannedDate ? formatDate(task.plannedDate, "medium", locale) : "Not planned"],
    ["Due", task.dueDate ? formatDate(task.dueDate, "medium", locale) : "No deadline"],
    ["Estimate", task.estimateMinutes > 0 ? formatMinutes(task.estimateMinutes) : "None"],
    ["Goal", goal?.title ?? "None"],
  ];

  return (
    <div className="flex flex-col gap-6">
      <PlanHeader
        back="/tasks"
        list="Tasks"
        title={task.title}
        badges={
          <>
            {task.isArchived ? <Badge>Archived</Badge> : null}
            {task.doneOn ? (
              <Badge tone="success">Done {formatDate(task.doneOn, "dayMonth", locale)}</Badge>
            ) : null}
          </>
        }
      >
        {task.notes ? (
          <p className="max-w-prose text-sm whitespace-pre-line">{task.notes}</p>
        ) : null}
      </PlanHeader>

      <Card aria-labelledby="task-facts-title">
        <CardHeader>
          <CardTitle id="task-facts-title">Plan</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-muted-foreground">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      {editable ? (
        <>
          <OpenToLoad summary="Edit task">
            <LazyTaskForm
              key={task.updatedAt}
              task={task}
              goals={goals.map(({ id, title }) => ({ id, title }))}
            />
          </OpenToLoad>
          <ArchiveAction kind="task" id={task.id} title={task.title} after="/tasks" />
        </>
      ) : null}
    </div>
  );
}
