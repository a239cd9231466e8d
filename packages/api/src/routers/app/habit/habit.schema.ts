import { ZLocalDate } from "@atlas/time";
/** Zod pieces shared by the habit procedures. */
import { z } from "zod";
import { noNul, ZId, ZInstantOutput, ZTargetValue } from "../../../schemas.ts";

const ZIsoWeekday = z
  .number()
  .int()
  .min(1, { error: "Weekdays are 1 (Monday) to 7 (Sunday)" })
  .max(7, { error: "Weekdays are 1 (Monday) to 7 (Sunday)" });

/** The four schedules (docs/domain.md "Plans of work"). */
export const ZSchedule = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("daily") }),
    z.object({
      type: z.literal("days_of_week"),
      /** ISO weekdays, 1 = Monday … 7 = Sunday. */
      daysOfWeek: z
        .array(ZIsoWeekday)
        .min(1, { error: "Pick at least one weekday" })
        .max(7)
        .refine((days) => new Set(days).size === days.length, {
          error: "Each weekday at most once",
        }),
    }),
    z.object({
      type: z.literal("times_per_week"),
      timesPerWeek: z
        .number()
        .int()
        .min(1, { error: "times_per_week is 1 to 7" })
        .max(7, { error: "times_per_week is 1 to 7" }),
    }),
    z.object({
      type: z.literal("every_n_days"),
      everyNDays: z
        .number()
        .int()
        .min(2, { error: "every_n_days needs N ≥ 2 (N = 1 is daily)" })
        .max(365, { error: "every_n_days is at most every 365 days" }),
    }),
  ],
  { error: "schedule.type is one of daily, days_of_week, times_per_week, every_n_days" },
);

/** A measurable target: reach at least (or stay at most) `value` `unit` a day. */
export const ZTarget = z.object({
  value: ZTargetValue,
  unit: z
    .string()
    .trim()
    .min(1, { error: "A target needs a unit (e.g. minutes, pages)" })
    .max(30, { error: "The unit must be at most 30 characters" })
    .refine(noNul.check, { error: noNul.error }),
  direction: z.enum(["at_least", "at_most"]),
});

export const ZDurationMinutes = z
  .number()
  .int({ error: "durationMinutes is whole minutes" })
  .min(0, { error: "durationMinutes must not be negative" })
  .max(1440, { error: "durationMinutes is at most 1440 (a day)" });

const ZHabitVersion = z.object({
  /** The owning member's local day from which this version is in force. */
  effectiveFrom: ZLocalDate,
  schedule: ZSchedule,
  target: ZTarget.nullable(),
  durationMinutes: z.number().int(),
});

export const ZHabit = z.object({
  id: z.string(),
  memberId: z.string(),
  goalId: z.string().nullable(),
  title: z.string(),
  startDate: ZLocalDate,
  archivedAt: ZInstantOutput.nullable(),
  isArchived: z.boolean(),
  /** The version in force on the owning member's today. */
  current: ZHabitVersion,
  /** Every version, oldest first. */
  versions: z.array(ZHabitVersion).min(1),
  createdById: z.string(),
  createdAt: ZInstantOutput,
  updatedAt: ZInstantOutput,
});

export const ZHabitIdInput = z.object({ habitId: ZId });
