import type { removeMilestone } from "@atlas/core/services/plans/goals";
import { z } from "zod";
import { ZId, type ServiceOutput } from "../../../schemas.ts";
import { ZGoal } from "./goal.schema.ts";

export const ZRemoveMilestoneInput = z.object({ milestoneId: ZId });

/** The goal without it (later milestones move up). */
export const ZRemoveMilestoneOutput = ZGoal satisfies z.ZodType<
  ServiceOutput<typeof removeMilestone>
>;
