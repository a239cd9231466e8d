import { WEEKDAYS, type Schedule, type ScheduleType } from "~/lib/habit-schedule.ts";

/** "Every day", "Mon, Wed, Fri", "3 times a week", "Every 2 days". */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.type) {
    case "daily":
      return "Every day";
    case "days_of_week":
      return [...schedule.daysOfWeek]
        .sort((a, b) => a - b)
        .map((day) => WEEKDAYS[day - 1]?.[2] ?? String(day))
        .join(", ");
    case "times_per_week":
      return schedule.timesPerWeek === 1 ? "Once a week" : `${schedule.timesPerWeek} times a week`;
    case "every_n_days":
      return `Every ${schedule.everyNDays} days`;
  }
}

/** "at least 20 pages", "at most 2 coffees". */
export function describeTarget(target: {
  value: number | string;
  unit: string;
  direction: string;
}) {
  return `${target.direction === "at_most" ? "at most" : "at least"} ${target.value} ${target.unit}`;
}

/** Units measured in fractions (distance, weight, volume, hours); the rest are counted. */
const FRACTIONAL_UNITS = new Set([
  "km",
  "mi",
  "miles",
  "kg",
  "lb",
  "lbs",
  "l",
  "liters",
  "litres",
  "hours",
  "h",
]);

/**
 * The step of a value box for a measurable habit: 0.1 for fractional units, else the target's
 * own precision (whole numbers for "20 pages"). The API takes up to 3 decimals either way.
 */
export function valueStep(target: { value: number | string; unit: string }): number {
  const text = String(target.value);
  const decimals = text.includes(".") ? (text.split(".")[1]?.length ?? 0) : 0;
  if (decimals > 0) return 10 ** -Math.min(3, decimals);
  return FRACTIONAL_UNITS.has(target.unit.trim().toLowerCase()) ? 0.1 : 1;
}

/** A flat plan version of the read models (habit.history) as a schedule. */
export function scheduleOfVersion(version: {
  schedule: ScheduleType;
  daysOfWeek: number[];
  timesPerWeek: number | null;
  everyNDays: number | null;
}): Schedule {
  switch (version.schedule) {
    case "daily":
      return { type: "daily" };
    case "days_of_week":
      return { type: "days_of_week", daysOfWeek: version.daysOfWeek };
    case "times_per_week":
      return { type: "times_per_week", timesPerWeek: version.timesPerWeek ?? 1 };
    case "every_n_days":
      return { type: "every_n_days", everyNDays: version.everyNDays ?? 2 };
  }
}

/** A habit's page in this app. */
export const habitHref = (habitId: string): string => `/habits/${habitId}`;
