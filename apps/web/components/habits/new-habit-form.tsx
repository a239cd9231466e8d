"use client";

import { DateField } from "@atlas/ui";
import type { GoalOption } from "~/components/goals/goal-field.tsx";
import { HabitForm } from "~/components/habits/habit-form.tsx";

/** "New habit": the habit form with its start date, the one part the edit form has not. */
export function NewHabitForm({ goals }: { goals: GoalOption[] }) {
  return <HabitForm goals={goals} DateField={DateField} />;
}
