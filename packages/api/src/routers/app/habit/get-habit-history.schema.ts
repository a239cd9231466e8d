import { ZLocalDate } from "@atlas/time";
import type { getHabitHistory } from "@atlas/core/services/views/habit-history";
import { z } from "zod";
import {
  ZDateInput,
  ZHistoryLimit,
  ZId,
  ZInstantOutput,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZUnitScore, ZViewSchedule, ZViewTarget } from "../today/views.schema.ts";

export const ZGetHabitHistoryInput = z.object({
  habitId: ZId,
  /** The last day shown (the owning member's local day); default and latest: their today. */
  to: ZDateInput.optional(),
});

/** A schedule version, flat (the screens list them as a table). */
const ZHabitPlanVersion = z.object({
  /** The owning member's local day from which this version is in force. */
  effectiveFrom: ZLocalDate,
  schedule: ZViewSchedule,
  /** ISO weekdays 1 (Mon) … 7 (Sun); empty unless days_of_week. */
  daysOfWeek: z.array(z.number().int()),
  timesPerWeek: z.number().int().nullable(),
  everyNDays: z.number().int().nullable(),
  target: ZViewTarget.nullable(),
  durationMinutes: z.number().int(),
});

const ZHabitHistoryDay = z.object({
  date: ZLocalDate,
  /** Due that day (times_per_week: a day of a week the habit runs in). */
  due: z.boolean(),
  /**
   * Day schedules: the occurrence's state as known at `to` (a repaired miss is "repaired", one
   * still waiting for its repair "pending_repair"). times_per_week, whose occurrence is the week:
   * the day's own entry (met, partial, skipped), "missed" on a day that had become necessary and
   * passed unmet, "pending" today, else null. null on days the habit was not due or not running.
   */
  state: z
    .enum(["met", "partial", "missed", "skipped", "repaired", "pending", "pending_repair"])
    .nullable(),
  /** The values logged that day, summed, as exact decimal text; null when none carries a value. */
  value: z.string().nullable(),
  /** c ∈ [0,1] of what was logged that day, 4 decimals; null when nothing was logged or skipped. */
  completion: z.number().min(0).max(1).nullable(),
  /** Strength at the end of the day (as of now for today). */
  strength: ZUnitScore,
  /** The streak at the end of the day. */
  streak: z.number().int(),
});

export const ZGetHabitHistoryOutput = z.object({
  habit: ZHabitPlanVersion.omit({ effectiveFrom: true }).extend({
    id: z.string(),
    name: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    archivedAt: ZInstantOutput.nullable(),
    startDate: ZLocalDate,
  }),
  /**
   * 53 ISO weeks ending at `to`: from is a Monday, 52 weeks before to's week, or the plan's
   * earliest day when its chart history is shorter (`historyLimit`).
   */
  from: ZLocalDate,
  to: ZLocalDate,
  /** Every day from … to, oldest first (days before the start date: due false, state null). */
  days: z.array(ZHabitHistoryDay),
  historyLimit: ZHistoryLimit,
  /** As of `to`. */
  currentStreak: z.number().int(),
  /** The longest streak up to `to`. */
  bestStreak: z.number().int(),
  strength: ZUnitScore,
  /** Every version, oldest first. */
  versions: z.array(ZHabitPlanVersion).min(1),
}) satisfies z.ZodType<ServiceOutput<typeof getHabitHistory>>;
