import { z } from "zod";
import { ZId, ZIdempotencyKey, ZTitle } from "../../../schemas.ts";
import { ZGoal } from "./goal.schema.ts";

export const ZCreateMilestoneInput = z.object({
  goalId: ZId,
  idempotencyKey: ZIdempotencyKey,
  title: ZTitle,
});
export type TCreateMilestoneInput = z.infer<typeof ZCreateMilestoneInput>;

/** The goal with the new milestone last. */
export const ZCreateMilestoneOutput = ZGoal;
