"use client";

import { DateField, Field, Input, NativeSelect, Textarea, fieldControlProps } from "@atlas/ui";
import { SettingsCard } from "~/components/settings-card.tsx";
import { firstError } from "~/lib/errors.ts";
import { nullable } from "~/lib/form.ts";
import { usePlanForm } from "~/lib/use-plan-form.tsx";
import type { Goal } from "~/lib/views.ts";

type EditableStatus = "draft" | "active" | "completed";

interface Draft {
  title: string;
  description: string;
  status: EditableStatus;
  targetDate: string;
  lifeArea: string;
  milestones: string;
}

const EMPTY: Draft = {
  title: "",
  description: "",
  status: "active",
  targetDate: "",
  lifeArea: "",
  milestones: "",
};

const STATUS_OPTIONS = [
  { value: "draft", label: "Draft" },
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
];

function draftOf(goal: Goal): Draft {
  return {
    title: goal.title,
    description: goal.description,
    status: goal.status === "archived" ? "completed" : goal.status,
    targetDate: goal.targetDate ?? "",
    lifeArea: goal.lifeArea ?? "",
    milestones: "",
  };
}

/**
 * A goal: "New goal" (goal.create, milestones one per line) or, with `goal`, "Edit goal"
 * (goal.update with what changed). API messages show next to their fields.
 */
export function GoalForm({ goal }: { goal?: Goal }) {
  const { id, draft, set, fields, card } = usePlanForm({
    empty: EMPTY,
    initial: goal ? draftOf(goal) : EMPTY,
    schemas: { create: "goal.create", update: "goal.update" },
    procedures: {
      create: (api) => api.goal.create.mutate,
      update: (api) => api.goal.update.mutate,
    },
    create: (draft) => ({
      title: draft.title,
      description: draft.description,
      status: draft.status === "completed" ? ("active" as const) : draft.status,
      targetDate: nullable(draft.targetDate),
      lifeArea: nullable(draft.lifeArea),
      milestones: draft.milestones
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .map((title) => ({ title })),
    }),
    update:
      goal &&
      ((draft) => {
        const before = draftOf(goal);
        return {
          goalId: goal.id,
          title: draft.title !== before.title ? draft.title : undefined,
          description: draft.description !== before.description ? draft.description : undefined,
          status: draft.status !== before.status ? draft.status : undefined,
          targetDate:
            draft.targetDate !== before.targetDate ? nullable(draft.targetDate) : undefined,
          lifeArea: draft.lifeArea !== before.lifeArea ? nullable(draft.lifeArea) : undefined,
        };
      }),
    href: (created) => `/goals/${created.id}`,
  });

  const errors = {
    title: firstError(fields, "title"),
    description: firstError(fields, "description"),
    status: firstError(fields, "status"),
    targetDate: firstError(fields, "targetDate"),
    lifeArea: firstError(fields, "lifeArea"),
    milestones: firstError(fields, "milestones"),
  };
  const milestonesHint = "One per line, in order.";

  return (
    <SettingsCard
      {...card}
      title={goal ? "Edit goal" : "New goal"}
      description={
        goal
          ? "Change what the goal is and when it is due."
          : "What you are working toward, and its steps."
      }
      submitLabel={goal ? "Save goal" : "Create goal"}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-field-title`} label="Title" error={errors.title}>
          <Input
            {...fieldControlProps(`${id}-field-title`, { error: errors.title })}
            value={draft.title}
            maxLength={200}
            onChange={(event) => set("title", event.target.value)}
          />
        </Field>
        <Field id={`${id}-status`} label="Status" error={errors.status}>
          <NativeSelect
            {...fieldControlProps(`${id}-status`, { error: errors.status })}
            value={draft.status}
            onChange={(event) => set("status", event.target.value as EditableStatus)}
            options={goal ? STATUS_OPTIONS : STATUS_OPTIONS.slice(0, 2)}
          />
        </Field>
        <Field id={`${id}-target`} label="Target date" error={errors.targetDate}>
          <DateField
            {...fieldControlProps(`${id}-target`, { error: errors.targetDate })}
            value={draft.targetDate}
            onChange={(date) => set("targetDate", date)}
          />
        </Field>
        <Field
          id={`${id}-area`}
          label="Life area"
          hint="e.g. Health, Career"
          error={errors.lifeArea}
        >
          <Input
            {...fieldControlProps(`${id}-area`, {
              error: errors.lifeArea,
              hint: "e.g. Health, Career",
            })}
            value={draft.lifeArea}
            maxLength={50}
            onChange={(event) => set("lifeArea", event.target.value)}
          />
        </Field>
      </div>
      <Field id={`${id}-description`} label="Description" error={errors.description}>
        <Textarea
          {...fieldControlProps(`${id}-description`, { error: errors.description })}
          value={draft.description}
          onChange={(event) => set("description", event.target.value)}
        />
      </Field>
      {goal ? null : (
        <Field
          id={`${id}-milestones`}
          label="Milestones"
          hint={milestonesHint}
          error={errors.milestones}
        >
          <Textarea
            {...fieldControlProps(`${id}-milestones`, {
              error: errors.milestones,
              hint: milestonesHint,
            })}
            value={draft.milestones}
            onChange={(event) => set("milestones", event.target.value)}
          />
        </Field>
      )}
    </SettingsCard>
  );
}
