/**
 * Starter habits a new member picks from in the first-run guide (docs/domain.md "First run"):
 * pure data, each a valid habit create body (packages/api checks every one against the
 * `habit.create` input schema). The member may change the title, the minutes and the target
 * before they are created.
 */
import type { CreateHabitInput } from "../services/plans/habits.ts";

export const TEMPLATE_AREAS = [
  "sleep",
  "movement",
  "focus",
  "reading",
  "water",
  "reflection",
] as const;
export type TemplateArea = (typeof TEMPLATE_AREAS)[number];

export type HabitTemplate = Pick<
  CreateHabitInput,
  "title" | "schedule" | "target" | "durationMinutes"
> & {
  /** Stable, for the picker's field names and tests. */
  id: string;
  area: TemplateArea;
  /** One line on why, shown on the card. */
  description: string;
};

const WEEKDAYS = [1, 2, 3, 4, 5];

export const HABIT_TEMPLATES: readonly HabitTemplate[] = [
  {
    id: "wind-down",
    area: "sleep",
    title: "Wind down without screens",
    description: "Half an hour offline before bed helps you fall asleep.",
    schedule: { type: "daily" },
    target: null,
    durationMinutes: 30,
  },
  {
    id: "sleep-hours",
    area: "sleep",
    title: "Sleep 8 hours",
    description: "Log last night's hours each morning.",
    schedule: { type: "daily" },
    target: { value: 8, unit: "hours", direction: "at_least" },
    durationMinutes: 0,
  },
  {
    id: "walk",
    area: "movement",
    title: "Go for a walk",
    description: "A daily walk, counted in steps.",
    schedule: { type: "daily" },
    target: { value: 6000, unit: "steps", direction: "at_least" },
    durationMinutes: 30,
  },
  {
    id: "workout",
    area: "movement",
    title: "Work out",
    description: "Three sessions a week, on the days that suit you.",
    schedule: { type: "times_per_week", timesPerWeek: 3 },
    target: null,
    durationMinutes: 45,
  },
  {
    id: "stretch",
    area: "movement",
    title: "Stretch",
    description: "Ten minutes to loosen up.",
    schedule: { type: "daily" },
    target: null,
    durationMinutes: 10,
  },
  {
    id: "deep-work",
    area: "focus",
    title: "Deep work block",
    description: "Ninety minutes on what matters most, every working day.",
    schedule: { type: "days_of_week", daysOfWeek: WEEKDAYS },
    target: null,
    durationMinutes: 90,
  },
  {
    id: "plan-tomorrow",
    area: "focus",
    title: "Plan tomorrow",
    description: "Pick tomorrow's three most important things.",
    schedule: { type: "days_of_week", daysOfWeek: WEEKDAYS },
    target: null,
    durationMinutes: 10,
  },
  {
    id: "read",
    area: "reading",
    title: "Read",
    description: "A few pages every day add up to books.",
    schedule: { type: "daily" },
    target: { value: 10, unit: "pages", direction: "at_least" },
    durationMinutes: 20,
  },
  {
    id: "water",
    area: "water",
    title: "Drink water",
    description: "Eight glasses over the day.",
    schedule: { type: "daily" },
    target: { value: 8, unit: "glasses", direction: "at_least" },
    durationMinutes: 0,
  },
  {
    id: "journal",
    area: "reflection",
    title: "Journal",
    description: "A few lines on how the day went.",
    schedule: { type: "daily" },
    target: null,
    durationMinutes: 10,
  },
  {
    id: "weekly-review",
    area: "reflection",
    title: "Weekly review",
    description: "Look back at the week on Sunday and plan the next.",
    schedule: { type: "days_of_week", daysOfWeek: [7] },
    target: null,
    durationMinutes: 30,
  },
];
