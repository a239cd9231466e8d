import { ZLocalDate } from "@atlas/time";
/** Zod pieces shared by the goal procedures. */
import { z } from "zod";
import { MAX_LIFE_AREA_LENGTH, MAX_LONG_TEXT_LENGTH } from "@atlas/core/bounds";
import { ZDate, ZId, ZInstantOutput, ZRequiredText, ZText } from "../../../schemas.ts";

export const ZGoalStatus = z.enum(["draft", "active", "completed", "archived"]);

export const ZDescription = ZText(MAX_LONG_TEXT_LENGTH, "Description", { trim: false });

/** A life area, or null for none (the form sends a blank one as null). */
export const ZLifeArea = ZRequiredText(MAX_LIFE_AREA_LENGTH, "Life area");

/**
 * A target date ("Target date"); an active goal's may not be before the owner's today when it
 * is set (the service's check, docs/domain.md "Bounds").
 */
export const ZTargetDate = ZDate("Target date");

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
