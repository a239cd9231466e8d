import {
  Button,
  DateField,
  Field,
  NativeSelect,
  buttonVariants,
  fieldControlProps,
} from "@atlas/ui";
import Link from "next/link";
import type { GoalOption } from "~/components/goals/goal-field.tsx";
import { PRIORITY_LABEL, TASK_STATUS_LABEL } from "@atlas/ui/labels";

export interface TaskFilterValues {
  status: string;
  priority: string;
  goal: string;
  from: string;
  to: string;
}

/**
 * The task list's filters as a plain GET form: the URL holds them, the server renders the list,
 * and it works before (or without) any JavaScript. `errors` are the API's, per filter.
 */
export function TaskFilters({
  values,
  goals,
  errors,
}: {
  values: TaskFilterValues;
  goals: GoalOption[];
  errors: Partial<Record<keyof TaskFilterValues, string>>;
}) {
  return (
    <form
      method="get"
      action="/tasks"
      aria-label="Filter tasks"
      className="grid grid-cols-2 items-end gap-4 rounded-lg border border-border bg-surface p-4 sm:grid-cols-3"
    >
      <Field id="filter-status" label="Status" error={errors.status}>
        <NativeSelect
          {...fieldControlProps("filter-status", { error: errors.status })}
          name="status"
          defaultValue={values.status}
          options={[
            { value: "", label: "Any status" },
            ...Object.entries(TASK_STATUS_LABEL).map(([value, label]) => ({ value, label })),
          ]}
        />
      </Field>
      <Field id="filter-priority" label="Priority" error={errors.priority}>
        <NativeSelect
          {...fieldControlProps("filter-priority", { error: errors.priority })}
          name="priority"
          defaultValue={values.priority}
          options={[
            { value: "", label: "Any priority" },
            ...Object.entries(PRIORITY_LABEL).map(([value, label]) => ({ value, label })),
          ]}
        />
      </Field>
      <Field id="filter-goal" label="Goal" error={errors.goal} className="col-span-2 sm:col-span-1">
        <NativeSelect
          {...fieldControlProps("filter-goal", { error: errors.goal })}
          name="goal"
          defaultValue={values.goal}
          options={[
            { value: "", label: "Any goal" },
            { value: "none", label: "No goal" },
            ...goals.map((g) => ({ value: g.id, label: g.title })),
          ]}
        />
      </Field>
      <Field id="filter-from" label="From date" error={errors.from}>
        <DateField
          {...fieldControlProps("filter-from", { error: errors.from })}
          name="from"
          defaultValue={values.from}
        />
      </Field>
      <Field id="filter-to" label="To date" error={errors.to}>
        <DateField
          {...fieldControlProps("filter-to", { error: errors.to })}
          name="to"
          defaultValue={values.to}
        />
      </Field>
      <div className="col-span-2 flex items-center gap-2 sm:col-span-1">
        <Button type="submit">Apply filters</Button>
        <Link href="/tasks" className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
