import type { listHabits } from "@atlas/core/services/plans/habits";
import { z } from "zod";
import { pageOf, ZId, ZMemberIdInput, ZPageInput, type ServiceOutput } from "../../../schemas.ts";
import { ZHabit } from "./habit.schema.ts";

export const ZListHabitsInput = z
  .object({
    /** Whose habits (default: the caller's); another member's needs `seeOthers`. */
    memberId: ZMemberIdInput,
    includeArchived: z.boolean().default(false),
    /** A goal's id, or null for habits without a goal. */
    goalId: ZId.nullable().optional(),
    /** Schedule types of the version in force today. */
    schedule: z
      .array(z.enum(["daily", "days_of_week", "times_per_week", "every_n_days"]))
      .min(1)
      .optional(),
    ...ZPageInput,
  })
  .default({ includeArchived: false, limit: 50 });

/** In creation order. */
export const ZListHabitsOutput = pageOf(ZHabit) satisfies z.ZodType<
  ServiceOutput<typeof listHabits>
>;
