import { ZLocalDate } from "@atlas/time";
/** Zod pieces shared by the habit procedures (bounds: docs/domain.md "Bounds"). */
import { z } from "zod";
import { MAX_DAY_MINUTES, MAX_UNIT_LENGTH } from "@atlas/core/bounds";
import {
  ZId,
  ZInstantOutput,
  ZRequiredText,
  ZTargetValue,
  ZWholeNumber,
} from "../../../schemas.ts";

const ZIsoWeekday = ZWholeNumber("A weekday", 1, 7);

/** The four schedules (docs/domain.md "Plans of work"). */
export const ZSchedule = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("daily") }),
    z.object({
      type: z.literal("days_of_week"),
      /** ISO weekdays, 1 = Monday … 7 = Sunday. */
      daysOfWeek: z
        .array(ZIsoWeekday, { error: "Weekdays must be a list of weekdays" })
        .min(1, { error: "Weekdays: pick at least one" })
        .max(7, { error: "Weekdays: pick each day at most once" })
        .refine((days) => new Set(days).size === days.length, {
          error: "Weekdays: pick each day at most once",
        }),
    }),
    z.object({
      type: z.literal("times_per_week"),
      timesPerWeek: ZWholeNumber("Times per week", 1, 7),
    }),
    z.object({
      type: z.literal("every_n_days"),
      // Every 1 day is the daily schedule.
      everyNDays: ZWholeNumber("Every how many days", 2, 365),
    }),
  ],
  { error: "Schedule must be daily, on weekdays, times per week or every few days" },
);

/** A measurable target: reach at least (or stay at most) `value` `unit` a day. */
export const ZTarget = z.object({
  value: ZTargetValue,
  unit: ZRequiredText(MAX_UNIT_LENGTH, "Unit"),
  direction: z.enum(["at_least", "at_most"], { error: "Direction must be at least or at most" }),
});

export const ZDurationMinutes = ZWholeNumber("Duration", 0, MAX_DAY_MINUTES, "minutes");

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
