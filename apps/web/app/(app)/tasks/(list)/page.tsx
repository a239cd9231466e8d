import { isTRPCError, getLocale } from "@atlas/next-app/server";
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { z, ZodError } from "zod";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { ListHeader } from "~/components/page-header.tsx";
import { TaskFilters, type TaskFilterValues } from "~/components/tasks/task-filters.tsx";
import { LazyTaskForm } from "~/components/tasks/lazy.tsx";
import { OpenToLoad } from "@atlas/ui/open-to-load";
import { TaskInlineEdit } from "~/components/tasks/task-inline-edit.tsx";
import { getActiveWorkspace } from "~/lib/data.ts";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from "@atlas/ui/labels";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Tasks" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
const all = (value: string | string[] | undefined) =>
  (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== "");

/** The URL's filters as task.list's input; the API validates them (its messages show per filter). */
function listInput(params: SearchParams) {
  const status = all(params.status);
  const priority = all(params.priority);
  const goal = first(params.goal);
  return {
    status: status.length > 0 ? (status as (keyof typeof TASK_STATUS_LABEL)[]) : undefined,
    priority: priority.length > 0 ? (priority as (keyof typeof PRIORITY_LABEL)[]) : undefined,
    goalId: goal === "" ? undefined : goal === "none" ? null : goal,
    dateFrom: first(params.from) || undefined,
    dateTo: first(params.to) || undefined,
    cursor: first(params.cursor) || undefined,
    limit: 50,
  };
}

const FILTER_OF_FIELD: Record<string, keyof TaskFilterValues> = {
  status: "status",
  priority: "priority",
  goalId: "goal",
  dateFrom: "from",
  dateTo: "to",
};

/** The member's tasks, filtered by the URL (status, priority, goal, dates), and a new-task form. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const locale = await getLocale();
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Tasks" />;

  const params = await searchParams;
  const values: TaskFilterValues = {
    status: first(params.status),
    priority: first(params.priority),
    goal: first(params.goal),
    from: first(params.from),
    to: first(params.to),
  };
  const api = await getApi();
  const goals = (await api.goal.list({ limit: 100 })).items;
  const goalTitle = new Map(goals.map((g) => [g.id, g.title]));

  let page: Awaited<ReturnType<typeof api.task.list>> = { items: [], nextCursor: null };
  const errors: Partial<Record<keyof TaskFilterValues, string>> = {};
  try {
    page = await api.task.list(listInput(params));
  } catch (error) {
    if (!isTRPCError(error, "BAD_REQUEST")) throw error;
    const cause =
      error.cause instanceof ZodError
        ? z.flattenError(error.cause as ZodError<Record<string, unknown>>)
        : null;
    for (const [field, messages] of Object.entries(cause?.fieldErrors ?? {})) {
      const filter = FILTER_OF_FIELD[field];
      if (filter && messages?.[0]) errors[filter] = messages[0];
    }
    if (Object.keys(errors).length === 0) errors.status = error.message;
  }

  const isFiltered = Object.values(values).some((v) => v !== "");
  const nextHref = page.nextCursor
    ? `/tasks?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")), cursor: page.nextCursor }).toString()}`
    : null;

  return (
    <div className="flex flex-col gap-6">
      <ListHeader title="Tasks" href="#new-task" link="New task" />

      <TaskFilters
        values={values}
        goals={goals.map(({ id, title }) => ({ id, title }))}
        errors={errors}
      />

      <Card aria-labelledby="task-list-title">
        <CardHeader>
          <CardTitle id="task-list-title">Your tasks</CardTitle>
          <CardDescription aria-live="polite">
            {page.items.length === 0
              ? isFiltered
                ? "No task matches these filters."
                : "No task yet: create one below."
              : `${page.items.length} ${page.items.length === 1 ? "task" : "tasks"}${isFiltered ? " matching the filters" : ""}${page.nextCursor ? " on this page" : ""}`}
          </CardDescription>
        </CardHeader>
        {page.items.length > 0 ? (
          <CardContent className="flex flex-col gap-3">
            <ul className="divide-y divide-border">
              {page.items.map((task) => {
                const goal = task.goalId ? goalTitle.get(task.goalId) : undefined;
                return (
                  <li key={task.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <TaskInlineEdit task={task}>
                        <Link
                          href={`/tasks/${task.id}`}
                          className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                        >
                          {task.title}
                        </Link>
                      </TaskInlineEdit>
                      <Badge
                        tone={
                          task.status === "done"
                            ? "success"
                            : task.status === "cancelled"
                              ? "neutral"
                              : "info"
                        }
                      >
                        {TASK_STATUS_LABEL[task.status]}
                      </Badge>
                      <Badge tone={task.priority === "high" ? "danger" : "neutral"}>
                        {PRIORITY_LABEL[task.priority]} priority
                      </Badge>
                    </div>
                    <p className="text-sm text-muted-foreground">
                      {[
                        task.plannedDate
                          ? `Planned ${formatDate(task.plannedDate, "short", locale)}`
                          : null,
                        task.dueDate ? `Due ${formatDate(task.dueDate, "short", locale)}` : null,
                        task.estimateMinutes > 0 ? formatMinutes(task.estimateMinutes) : null,
                        goal ? `Goal: ${goal}` : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "No date"}
                    </p>
                  </li>
                );
              })}
            </ul>
            {nextHref ? (
              <Link
                href={nextHref as `/tasks?${string}`}
                className="self-start text-sm font-medium text-primary hover:underline"
              >
                Next page
              </Link>
            ) : null}
          </CardContent>
        ) : null}
      </Card>

      <OpenToLoad id="new-task" summary="New task">
        <LazyTaskForm goals={goals.map(({ id, title }) => ({ id, title }))} />
      </OpenToLoad>
    </div>
  );
}
