import type { updateGoal } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { atLeastOneField, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZDescription, ZGoal, ZLifeArea, ZTargetDate } from "./goal.schema.ts";

export const ZUpdateGoalInput = z
  .object({
    goalId: ZId,
    title: ZTitle().optional(),
    description: ZDescription.optional(),
    /** Archiving is goal.archive. */
    status: z
      .enum(["draft", "active", "completed"], {
        error: "Status must be draft, active or completed",
      })
      .optional(),
    targetDate: ZTargetDate.nullable().optional(),
    lifeArea: ZLifeArea.nullable().optional(),
  })
  .refine(({ goalId: _, ...fields }) => Object.values(fields).some((v) => v !== undefined), {
    error: atLeastOneField.message,
  });

export const ZUpdateGoalOutput = ZGoal satisfies z.ZodType<ServiceOutput<typeof updateGoal>>;
