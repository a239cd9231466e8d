/** Zod pieces shared by the member read models (today, habit history, dashboard). */
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";

/** A measurable target as the screens show it: the value as exact decimal text ("12.5"). */
export const ZViewTarget = z.object({
  value: z.string(),
  unit: z.string(),
  direction: z.enum(["at_least", "at_most"]),
});

export const ZViewSchedule = z.enum(["daily", "days_of_week", "times_per_week", "every_n_days"]);

/** Why a habit is at risk today (docs/domain.md "At risk"). */
export const ZAtRiskReason = z.enum(["streak_due", "pending_repair", "week_slipping"]);

/** A habit at risk with what the card needs to say what to do. */
export const ZAtRiskHabit = z.object({
  habitId: z.string(),
  name: z.string(),
  /** Today's schedule: the streak's unit follows it. */
  schedule: ZViewSchedule,
  reasons: z.array(ZAtRiskReason).min(1),
  /** The streak a check-in today keeps. */
  streak: z.number().int().min(0),
  /** The miss waiting for repair (a week: its Monday) and the met occurrences it still needs. */
  repair: z.object({ date: ZLocalDate, occurrencesLeft: z.number().int().min(1) }).nullable(),
  /** times_per_week: met days this week (today included), N − skips, days left with today. */
  week: z
    .object({ met: z.number().int(), needed: z.number().int(), daysLeft: z.number().int() })
    .nullable(),
});

export const ZLoadLevel = z.enum(["none", "near", "over", "critical"]);

/** One day's load against capacity (docs/domain.md "Overload"). */
export const ZDayLoad = z.object({
  /** Rounded half up to whole minutes (times_per_week habits add duration·N/7). */
  loadMinutes: z.number().int(),
  capacityMinutes: z.number().int(),
  /** load / capacity, 4 decimals; null on a day with capacity 0. */
  ratio: z.number().nullable(),
  level: ZLoadLevel,
});

/** 0–100, rounded half up; null on a day with nothing scored. */
export const ZPercent = z.number().int().min(0).max(100).nullable();

/** Strength or consistency in [0, 1], 4 decimals. */
export const ZUnitScore = z.number().min(0).max(1);
