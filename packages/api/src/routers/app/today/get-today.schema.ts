import { ZLocalDate } from "@atlas/time";
import type { getToday } from "@atlas/core/services/views/today";
import { z } from "zod";
import { type ServiceOutput } from "../../../schemas.ts";
import { ZTaskPriority, ZTaskStatus } from "../task/task.schema.ts";
import {
  ZAtRiskHabit,
  ZAtRiskReason,
  ZDayLoad,
  ZPercent,
  ZViewSchedule,
  ZViewTarget,
} from "./views.schema.ts";

const ZTodayHabit = z.object({
  id: z.string(),
  name: z.string(),
  schedule: ZViewSchedule,
  target: ZViewTarget.nullable(),
  durationMinutes: z.number().int(),
  /** Today's combined state (docs/domain.md "The execution log": events of one day combine). */
  state: z.enum(["pending", "met", "partial", "skipped"]),
  /** Today's logged values, summed, as exact decimal text; null when none carries a value. */
  value: z.string().nullable(),
  /** times_per_week: met days this ISO week and N − skips ("2 of 3 this week"); else null. */
  week: z.object({ met: z.number().int(), needed: z.number().int() }).nullable(),
  streak: z.object({
    /** As of now: met occurrences back from the latest finished one. */
    current: z.number().int(),
    atRisk: z.boolean(),
    reasons: z.array(ZAtRiskReason),
  }),
  /**
   * This habit's skips in the calendar month of today (docs/domain.md "Skips"); allowance
   * and remaining are null when the plan's skips are unlimited.
   */
  skips: z.object({
    allowance: z.number().int().nullable(),
    used: z.number().int(),
    remaining: z.number().int().nullable(),
  }),
  /** The latest event today that is not an undo and not reverted (log.undo takes it). */
  undoableEventId: z.string().nullable(),
});

const ZTodayTask = z.object({
  id: z.string(),
  title: z.string(),
  priority: ZTaskPriority,
  estimateMinutes: z.number().int(),
  dueDate: ZLocalDate.nullable(),
  plannedDate: ZLocalDate.nullable(),
  status: ZTaskStatus,
  goalId: z.string().nullable(),
  /** The latest event today that is not an undo and not reverted; null when none. */
  undoableEventId: z.string().nullable(),
});

/** The caller's own local today, "as of now" (docs/domain.md "Read models"). */
export const ZGetTodayOutput = z.object({
  localDate: ZLocalDate,
  timeZone: z.string(),
  /** Today's daily execution score (docs/domain.md "Daily execution score"). */
  score: z.object({
    percent: ZPercent,
    /** Items counted in today's score so far (skipped items left out). */
    dueCount: z.number().int(),
    /** Of those, the ones met. */
    doneCount: z.number().int(),
  }),
  /** Every habit shown today: due today, and times_per_week habits until the week's N are met. */
  habits: z.array(ZTodayHabit),
  /** Tasks planned or due today: open, or done today. */
  tasks: z.array(ZTodayTask),
  /**
   * Open tasks whose day passed (planned, else due, before today) and not rescheduled to today,
   * most recently due first, at most 20 (a task checked today stays listed, to be undone).
   */
  overdue: z.array(ZTodayTask).max(20),
  /** All overdue tasks, listed or not (task.rescheduleOverdue moves them all to today). */
  overdueCount: z.number().int(),
  load: ZDayLoad,
  atRisk: z.array(ZAtRiskHabit),
}) satisfies z.ZodType<ServiceOutput<typeof getToday>>;
