import type { updateMilestone } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZDate, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZGoal } from "./goal.schema.ts";

export const ZUpdateMilestoneInput = z
  .object({
    milestoneId: ZId,
    title: ZTitle("Milestone").optional(),
    /** true completes it (on `doneOn`, default the owning member's today); false reopens it. */
    isDone: z.boolean().optional(),
    /** The local date it was done (not in the future); only with isDone: true. */
    doneOn: ZDate("Done on").optional(),
  })
  .refine((v) => v.title !== undefined || v.isDone !== undefined, {
    error: "Nothing to update: change the title or mark it done or not done.",
  })
  .refine((v) => v.doneOn === undefined || v.isDone === true, {
    error: "Done on goes only with marking the milestone done.",
    path: ["doneOn"],
  });

export const ZUpdateMilestoneOutput = ZGoal satisfies z.ZodType<
  ServiceOutput<typeof updateMilestone>
>;
