import type { createGoal } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZIdempotencyKey, ZMemberIdInput, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { MAX_MILESTONES } from "@atlas/core/bounds";
import { ZDescription, ZGoal, ZLifeArea, ZTargetDate } from "./goal.schema.ts";

export const ZCreateGoalInput = z.object({
  /** Whose goal (default: the caller's); another member's needs `editOthersPlans`. */
  memberId: ZMemberIdInput,
  idempotencyKey: ZIdempotencyKey,
  title: ZTitle(),
  description: ZDescription.default(""),
  status: z
    .enum(["draft", "active"], { error: "Status must be draft or active" })
    .default("active"),
  targetDate: ZTargetDate.nullable().default(null),
  lifeArea: ZLifeArea.nullable().default(null),
  /** Milestones in order. */
  milestones: z
    .array(z.object({ title: ZTitle("Each milestone") }))
    .max(MAX_MILESTONES, { error: `Milestones: a goal has at most ${MAX_MILESTONES}` })
    .default([]),
});

export const ZCreateGoalOutput = ZGoal satisfies z.ZodType<ServiceOutput<typeof createGoal>>;
