import type { updateMilestone } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZDateInput, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZGoal } from "./goal.schema.ts";

export const ZUpdateMilestoneInput = z
  .object({
    milestoneId: ZId,
    title: ZTitle.optional(),
    /** true completes it (on `doneOn`, default the owning member's today); false reopens it. */
    isDone: z.boolean().optional(),
    /** The local date it was done (not in the future); only with isDone: true. */
    doneOn: ZDateInput.optional(),
  })
  .refine((v) => v.title !== undefined || v.isDone !== undefined, {
    error: "Nothing to update: pass a title or isDone.",
  })
  .refine((v) => v.doneOn === undefined || v.isDone === true, {
    error: "doneOn goes with isDone: true.",
    path: ["doneOn"],
  });

export const ZUpdateMilestoneOutput = ZGoal satisfies z.ZodType<
  ServiceOutput<typeof updateMilestone>
>;
