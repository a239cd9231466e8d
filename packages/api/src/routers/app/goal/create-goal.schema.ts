import type { createGoal } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import {
  ZDateInput,
  ZIdempotencyKey,
  ZMemberIdInput,
  ZTitle,
  type ServiceOutput,
} from "../../../schemas.ts";
import { MAX_MILESTONES } from "@atlas/core/services/plans/goals";
import { ZDescription, ZGoal, ZLifeArea } from "./goal.schema.ts";

export const ZCreateGoalInput = z.object({
  /** Whose goal (default: the caller's); another member's needs `editOthersPlans`. */
  memberId: ZMemberIdInput,
  idempotencyKey: ZIdempotencyKey,
  title: ZTitle,
  description: ZDescription.default(""),
  status: z.enum(["draft", "active"]).default("active"),
  targetDate: ZDateInput.nullable().default(null),
  lifeArea: ZLifeArea.nullable().default(null),
  /** Milestones in order. */
  milestones: z
    .array(z.object({ title: ZTitle }))
    .max(MAX_MILESTONES, { error: `A goal has at most ${MAX_MILESTONES} milestones` })
    .default([]),
});

export const ZCreateGoalOutput = ZGoal satisfies z.ZodType<ServiceOutput<typeof createGoal>>;
