import type { updateGoal } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZDateInput, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZDescription, ZGoal, ZLifeArea } from "./goal.schema.ts";

export const ZUpdateGoalInput = z
  .object({
    goalId: ZId,
    title: ZTitle.optional(),
    description: ZDescription.optional(),
    /** Archiving is goal.archive. */
    status: z.enum(["draft", "active", "completed"]).optional(),
    targetDate: ZDateInput.nullable().optional(),
    lifeArea: ZLifeArea.nullable().optional(),
  })
  .refine(({ goalId: _, ...fields }) => Object.values(fields).some((v) => v !== undefined), {
    error: "Nothing to update: pass at least one field.",
  });

export const ZUpdateGoalOutput = ZGoal satisfies z.ZodType<ServiceOutput<typeof updateGoal>>;
