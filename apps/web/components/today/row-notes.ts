import { diffDays, type LocalDate } from "@atlas/time/calendar";
import { formatDate, formatMinutes } from "@atlas/ui/dates";
import { PRIORITY_LABEL, atRiskTexts, streakText } from "@atlas/ui/labels";
import type { HabitNotes } from "~/components/today/habit-row.tsx";
import type { TaskNotes } from "~/components/today/task-row.tsx";
import { valueStep } from "~/lib/habits.ts";
import type { AtRiskHabit, TodayHabit, TodayTask } from "~/lib/views.ts";

// Today's rows get their words from here, on the server, so the browser carries no labels or
// date formatting for them ("Server text, client controls", docs/architecture.md).

const SCHEDULE_WORDS = {
  daily: "Daily",
  days_of_week: "Weekly plan",
  times_per_week: "Times a week",
  every_n_days: "Every few days",
} as const;

/** What a habit row says beside its state: its plan, streak and at-risk reasons. */
export function habitNotes(
  habit: TodayHabit,
  risk: AtRiskHabit | undefined,
  today: LocalDate,
  locale: string,
): HabitNotes {
  return {
    plan: habit.week
      ? `${habit.week.met} of ${habit.week.needed} this week`
      : SCHEDULE_WORDS[habit.schedule],
    streak: streakText(habit.streak.current, habit.schedule),
    risk: risk ? atRiskTexts(risk, today, locale).join("; ") : null,
    amountStep: habit.target ? valueStep(habit.target) : 1,
  };
}

/** What a task row says under its title: priority, estimate, lateness or due day. */
export function taskNotes(task: TodayTask, today: LocalDate, locale: string): TaskNotes {
  const day = task.plannedDate ?? task.dueDate;
  const isOverdue = day !== null && day < today;
  let late: string | null = null;
  if (isOverdue && task.status !== "done") {
    // "Due 3 days ago (Mon 2 Mar)"
    const days = diffDays(today, day);
    const what = task.plannedDate ? "Planned" : "Due";
    late = `${what} ${days === 1 ? "yesterday" : `${days} days ago`} (${formatDate(day, "short", locale)})`;
  }
  return {
    priority: `${PRIORITY_LABEL[task.priority]} priority`,
    estimate: task.estimateMinutes > 0 ? formatMinutes(task.estimateMinutes) : null,
    late,
    due:
      !isOverdue && task.dueDate && task.dueDate !== today
        ? `Due ${formatDate(task.dueDate, "short", locale)}`
        : null,
  };
}
