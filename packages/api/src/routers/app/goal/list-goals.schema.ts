import type { listGoals } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { pageOf, ZMemberIdInput, ZPageInput, type ServiceOutput } from "../../../schemas.ts";
import { ZGoal, ZGoalStatus } from "./goal.schema.ts";

export const ZListGoalsInput = z
  .object({
    /** Whose goals (default: the caller's); another member's needs `seeOthers`. */
    memberId: ZMemberIdInput,
    /** Default: every status but archived. */
    status: z.array(ZGoalStatus).min(1).optional(),
    ...ZPageInput,
  })
  .default({ limit: 50 });

/** In creation order. */
export const ZListGoalsOutput = pageOf(ZGoal) satisfies z.ZodType<ServiceOutput<typeof listGoals>>;
