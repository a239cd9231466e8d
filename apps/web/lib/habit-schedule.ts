// What the habit form needs in the browser, apart from the server's descriptions (habits.ts):
// a module of its own, as the bundler ships whole modules.
import type { RouterOutputs } from "@atlas/api";

type HabitVersion = RouterOutputs["habit"]["get"]["current"];
export type Schedule = HabitVersion["schedule"];
export type Target = NonNullable<HabitVersion["target"]>;
export type ScheduleType = Schedule["type"];

export const SCHEDULE_LABEL: Record<ScheduleType, string> = {
  daily: "Every day",
  days_of_week: "On chosen weekdays",
  times_per_week: "Times per week",
  every_n_days: "Every N days",
};

export const WEEKDAYS = [
  [1, "Monday", "Mon"],
  [2, "Tuesday", "Tue"],
  [3, "Wednesday", "Wed"],
  [4, "Thursday", "Thu"],
  [5, "Friday", "Fri"],
  [6, "Saturday", "Sat"],
  [7, "Sunday", "Sun"],
] as const;
