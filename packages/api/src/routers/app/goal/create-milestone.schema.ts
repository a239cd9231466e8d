import type { createMilestone } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZId, ZIdempotencyKey, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZGoal } from "./goal.schema.ts";

export const ZCreateMilestoneInput = z.object({
  goalId: ZId,
  idempotencyKey: ZIdempotencyKey,
  title: ZTitle("New milestone"),
});

/** The goal with the new milestone last. */
export const ZCreateMilestoneOutput = ZGoal satisfies z.ZodType<
  ServiceOutput<typeof createMilestone>
>;
