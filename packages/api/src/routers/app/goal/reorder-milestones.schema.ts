import { z } from "zod";
import { ZId } from "../../../schemas.ts";
import { MAX_MILESTONES } from "../../../services/goals.ts";
import { ZGoal } from "./goal.schema.ts";

export const ZReorderMilestonesInput = z.object({
  goalId: ZId,
  /** Every milestone of the goal exactly once, in the new order. */
  milestoneIds: z.array(ZId).max(MAX_MILESTONES),
});
export type TReorderMilestonesInput = z.infer<typeof ZReorderMilestonesInput>;

export const ZReorderMilestonesOutput = ZGoal;
