import type { updateHabit } from "@atlas/core/services/plans/habits";
import { z } from "zod";
import { atLeastOneField, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZDurationMinutes, ZHabit, ZSchedule, ZTarget } from "./habit.schema.ts";

export const ZUpdateHabitInput = z
  .object({
    habitId: ZId,
    title: ZTitle("Name").optional(),
    goalId: ZId.nullable().optional(),
    /** Schedule, target and duration change from the owning member's today on (a new version). */
    schedule: ZSchedule.optional(),
    target: ZTarget.nullable().optional(),
    durationMinutes: ZDurationMinutes.optional(),
  })
  .refine(({ habitId: _, ...fields }) => Object.values(fields).some((v) => v !== undefined), {
    error: atLeastOneField.message,
  });

export const ZUpdateHabitOutput = ZHabit satisfies z.ZodType<ServiceOutput<typeof updateHabit>>;
