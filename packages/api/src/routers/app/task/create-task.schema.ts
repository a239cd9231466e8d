import type { createTask } from "@atlas/core/services/plans/tasks";
import { z } from "zod";
import {
  ZDateInput,
  ZId,
  ZIdempotencyKey,
  ZMemberIdInput,
  ZTitle,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZEstimateMinutes, ZNotes, ZTask, ZTaskPriority } from "./task.schema.ts";

export const ZCreateTaskInput = z.object({
  /** Whose task (default: the caller's); another member's needs `editOthersPlans`. */
  memberId: ZMemberIdInput,
  idempotencyKey: ZIdempotencyKey,
  title: ZTitle,
  notes: ZNotes.default(""),
  /** One of the same member's goals, or null. */
  goalId: ZId.nullable().default(null),
  status: z.enum(["todo", "in_progress"]).default("todo"),
  priority: ZTaskPriority.default("medium"),
  /** The deadline (not before the owner's today). */
  dueDate: ZDateInput.nullable().default(null),
  /** The day it is planned for (not before today, not after the due date). */
  plannedDate: ZDateInput.nullable().default(null),
  estimateMinutes: ZEstimateMinutes.default(0),
});

export const ZCreateTaskOutput = ZTask satisfies z.ZodType<ServiceOutput<typeof createTask>>;
