import { ZLocalDate } from "@atlas/time";
/** Zod pieces shared by the goal procedures. */
import { z } from "zod";
import { noNul, ZId, ZInstantOutput, ZText } from "../../../schemas.ts";

export const ZGoalStatus = z.enum(["draft", "active", "completed", "archived"]);

export const ZDescription = ZText(5000, "The description", { trim: false });

export const ZLifeArea = z
  .string()
  .trim()
  .min(1, { error: "The life area must not be empty (send null for none)" })
  .max(50, { error: "The life area must be at most 50 characters" })
  .refine(noNul.check, { error: noNul.error });

const ZMilestone = z.object({
  id: z.string(),
  /** 0-based order within the goal. */
  position: z.number().int().min(0),
  title: z.string(),
  /** The local date it was done; null while open. */
  doneOn: ZLocalDate.nullable(),
});

export const ZGoal = z.object({
  id: z.string(),
  memberId: z.string(),
  title: z.string(),
  description: z.string(),
  status: ZGoalStatus,
  targetDate: ZLocalDate.nullable(),
  lifeArea: z.string().nullable(),
  milestones: z.array(ZMilestone),
  createdById: z.string(),
  createdAt: ZInstantOutput,
  updatedAt: ZInstantOutput,
});

export const ZGoalIdInput = z.object({ goalId: ZId });
