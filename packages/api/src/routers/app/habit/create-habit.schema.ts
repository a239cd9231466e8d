import type { createHabit } from "@atlas/core/services/plans/habits";
import { z } from "zod";
import {
  ZDate,
  ZId,
  ZIdempotencyKey,
  ZMemberIdInput,
  ZTitle,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZDurationMinutes, ZHabit, ZSchedule, ZTarget } from "./habit.schema.ts";

export const ZCreateHabitInput = z.object({
  /** Whose habit (default: the caller's); another member's needs `editOthersPlans`. */
  memberId: ZMemberIdInput,
  idempotencyKey: ZIdempotencyKey,
  title: ZTitle("Name"),
  /** One of the same member's goals, or null. */
  goalId: ZId.nullable().default(null),
  schedule: ZSchedule,
  /** A measurable target, or null for a plain done/not-done habit. */
  target: ZTarget.nullable().default(null),
  durationMinutes: ZDurationMinutes.default(0),
  /**
   * The first day it runs (every_n_days counts from it): the member's today (default) up to a
   * year later (docs/domain.md "Bounds"; the service checks against the member's today).
   */
  startDate: ZDate("Start date").nullable().default(null),
});

/** The habit; its first version is in force from the owning member's local today. */
export const ZCreateHabitOutput = ZHabit satisfies z.ZodType<ServiceOutput<typeof createHabit>>;
