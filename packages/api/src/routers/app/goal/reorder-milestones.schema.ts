import type { reorderMilestones } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZId, type ServiceOutput } from "../../../schemas.ts";
import { MAX_MILESTONES } from "@atlas/core/bounds";
import { ZGoal } from "./goal.schema.ts";

export const ZReorderMilestonesInput = z.object({
  goalId: ZId,
  /** Every milestone of the goal exactly once, in the new order. */
  milestoneIds: z.array(ZId).max(MAX_MILESTONES),
});

export const ZReorderMilestonesOutput = ZGoal satisfies z.ZodType<
  ServiceOutput<typeof reorderMilestones>
>;
