import { ZLocalDate } from "@atlas/time";
import type { getDashboard } from "@atlas/core/services/views/dashboard";
import { z } from "zod";
import { ZHistoryLimit, type ServiceOutput } from "../../../schemas.ts";
import {
  ZAtRiskHabit,
  ZDayLoad,
  ZLoadLevel,
  ZPercent,
  ZUnitScore,
  ZViewSchedule,
} from "../today/views.schema.ts";

const ZReliefMoveOutput = z.object({
  taskId: z.string(),
  title: z.string(),
  from: ZLocalDate,
  to: ZLocalDate,
});

/** docs/domain.md "Overload": what deferring deadline-free tasks would do. */
const ZRelief = z.discriminatedUnion("kind", [
  /** No day with capacity above ratio 1.0. */
  z.object({ kind: z.literal("none") }),
  /** Days are over, but no task can be deferred (e.g. habits alone exceed capacity). */
  z.object({ kind: z.literal("no_relief") }),
  /** Pass `moves` (without titles) to overload.applyRelief. */
  z.object({ kind: z.literal("relief"), moves: z.array(ZReliefMoveOutput).min(1) }),
]);

export const ZGetDashboardOutput = z.object({
  localDate: ZLocalDate,
  score: z.object({ percent: ZPercent }),
  /** 30 days ending today, oldest first. */
  trend: z.array(z.object({ date: ZLocalDate, percent: ZPercent })),
  historyLimit: ZHistoryLimit,
  /** As of now; null before the first scored day. */
  consistency: ZUnitScore.nullable(),
  recovering: z.boolean(),
  /** Active habits, strength descending, ties by name; the streak as of now, its unit by schedule. */
  habits: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      schedule: ZViewSchedule,
      strength: ZUnitScore,
      currentStreak: z.number().int(),
    }),
  ),
  atRisk: z.array(ZAtRiskHabit),
  overload: z.object({
    level: ZLoadLevel,
    /** today … today + 6. */
    days: z.array(ZDayLoad.extend({ date: ZLocalDate })),
    /** The overload trend (docs/domain.md "Overload"): completion falling while the coming load rises. */
    trend: z.boolean(),
    relief: ZRelief,
  }),
}) satisfies z.ZodType<ServiceOutput<typeof getDashboard>>;
