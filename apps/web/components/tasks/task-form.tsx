"use client";

import { DateField, Field, Input, NativeSelect, Textarea, fieldControlProps } from "@atlas/ui";
import { GoalField, type GoalOption } from "~/components/goals/goal-field.tsx";
import { SettingsCard } from "~/components/settings-card.tsx";
import { firstError } from "~/lib/errors.ts";
import { nullable, optionalNumber } from "~/lib/form.ts";
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from "@atlas/ui/labels";
import { usePlanForm } from "~/lib/use-plan-form.tsx";
import type { Task } from "~/lib/views.ts";

type Priority = keyof typeof PRIORITY_LABEL;
/** What a plan may say; done comes from checking the task in. */
type PlannedStatus = "todo" | "in_progress" | "cancelled";

interface Draft {
  title: string;
  notes: string;
  goalId: string;
  status: PlannedStatus;
  priority: Priority;
  dueDate: string;
  plannedDate: string;
  estimateMinutes: string;
}

const EMPTY: Draft = {
  title: "",
  notes: "",
  goalId: "",
  status: "todo",
  priority: "medium",
  dueDate: "",
  plannedDate: "",
  estimateMinutes: "",
};

function draftOf(task: Task): Draft {
  return {
    title: task.title,
    notes: task.notes,
    goalId: task.goalId ?? "",
    status: task.status === "done" ? "todo" : task.status,
    priority: task.priority,
    dueDate: task.dueDate ?? "",
    plannedDate: task.plannedDate ?? "",
    estimateMinutes: String(task.estimateMinutes),
  };
}

/**
 * A task: "New task" (task.create) or, with `task`, "Edit task" (task.update with what changed;
 * plan changes apply from today). API messages show next to their fields.
 */
export function TaskForm({ goals, task }: { goals: GoalOption[]; task?: Task }) {
  const { id, draft, set, fields, card } = usePlanForm({
    empty: EMPTY,
    initial: task ? draftOf(task) : EMPTY,
    schemas: { create: "task.create", update: "task.update" },
    procedures: {
      create: (api) => api.task.create.mutate,
      update: (api) => api.task.update.mutate,
    },
    create: (draft) => ({
      title: draft.title,
      notes: draft.notes,
      goalId: nullable(draft.goalId),
      status: draft.status === "cancelled" ? ("todo" as const) : draft.status,
      priority: draft.priority,
      dueDate: nullable(draft.dueDate),
      plannedDate: nullable(draft.plannedDate),
      estimateMinutes: optionalNumber(draft.estimateMinutes),
    }),
    update:
      task &&
      ((draft) => {
        const before = draftOf(task);
        const changed = <K extends keyof Draft>(key: K) => draft[key] !== before[key];
        return {
          taskId: task.id,
          title: changed("title") ? draft.title : undefined,
          notes: changed("notes") ? draft.notes : undefined,
          goalId: changed("goalId") ? nullable(draft.goalId) : undefined,
          status: changed("status") ? draft.status : undefined,
          priority: changed("priority") ? draft.priority : undefined,
          dueDate: changed("dueDate") ? nullable(draft.dueDate) : undefined,
          plannedDate: changed("plannedDate") ? nullable(draft.plannedDate) : undefined,
          estimateMinutes: changed("estimateMinutes")
            ? (optionalNumber(draft.estimateMinutes) ?? 0)
            : undefined,
        };
      }),
    href: (created) => `/tasks/${created.id}`,
  });

  const error = (name: string) => firstError(fields, name);
  const statuses: PlannedStatus[] = task
    ? ["todo", "in_progress", "cancelled"]
    : ["todo", "in_progress"];

  return (
    <SettingsCard
      {...card}
      title={task ? "Edit task" : "New task"}
      description={
        task
          ? "Plan changes apply from today; done comes from checking the task in on Today."
          : "Give it a day: a planned date puts it on that day's Today."
      }
      submitLabel={task ? "Save task" : "Create task"}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-field-title`} label="Title" error={error("title")}>
          <Input
            {...fieldControlProps(`${id}-field-title`, { error: error("title") })}
            value={draft.title}
            maxLength={200}
            onChange={(event) => set("title", event.target.value)}
          />
        </Field>
        <GoalField
          id={`${id}-goal`}
          goals={goals}
          value={draft.goalId}
          error={error("goalId")}
          onChange={(goalId) => set("goalId", goalId)}
        />
        <Field id={`${id}-status`} label="Status" error={error("status")}>
          <NativeSelect
            {...fieldControlProps(`${id}-status`, { error: error("status") })}
            value={draft.status}
            onChange={(event) => set("status", event.target.value as PlannedStatus)}
            options={statuses.map((s) => ({ value: s, label: TASK_STATUS_LABEL[s] }))}
          />
        </Field>
        <Field id={`${id}-priority`} label="Priority" error={error("priority")}>
          <NativeSelect
            {...fieldControlProps(`${id}-priority`, { error: error("priority") })}
            value={draft.priority}
            onChange={(event) => set("priority", event.target.value as Priority)}
            options={(Object.keys(PRIORITY_LABEL) as Priority[]).map((p) => ({
              value: p,
              label: PRIORITY_LABEL[p],
            }))}
          />
        </Field>
        <Field id={`${id}-planned`} label="Planned date" error={error("plannedDate")}>
          <DateField
            {...fieldControlProps(`${id}-planned`, { error: error("plannedDate") })}
            value={draft.plannedDate}
            onChange={(date) => set("plannedDate", date)}
          />
        </Field>
        <Field id={`${id}-due`} label="Due date" error={error("dueDate")}>
          <DateField
            {...fieldControlProps(`${id}-due`, { error: error("dueDate") })}
            value={draft.dueDate}
            onChange={(date) => set("dueDate", date)}
          />
        </Field>
        <Field id={`${id}-estimate`} label="Estimate (minutes)" error={error("estimateMinutes")}>
          <Input
            {...fieldControlProps(`${id}-estimate`, { error: error("estimateMinutes") })}
            type="number"
            inputMode="numeric"
            min={0}
            step={5}
            placeholder="0"
            value={draft.estimateMinutes}
            onChange={(event) => set("estimateMinutes", event.target.value)}
          />
        </Field>
      </div>
      <Field id={`${id}-notes`} label="Notes" error={error("notes")}>
        <Textarea
          {...fieldControlProps(`${id}-notes`, { error: error("notes") })}
          value={draft.notes}
          onChange={(event) => set("notes", event.target.value)}
        />
      </Field>
    </SettingsCard>
  );
}
