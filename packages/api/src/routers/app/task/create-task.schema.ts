import type { createTask } from "@atlas/core/services/plans/tasks";
import { z } from "zod";
import {
  ZDate,
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
  title: ZTitle(),
  notes: ZNotes.default(""),
  /** One of the same member's goals, or null. */
  goalId: ZId.nullable().default(null),
  status: z
    .enum(["todo", "in_progress"], { error: "Status must be to do or in progress" })
    .default("todo"),
  priority: ZTaskPriority.default("medium"),
  /** The deadline (not before the owner's today; docs/domain.md "Bounds"). */
  dueDate: ZDate("Due date").nullable().default(null),
  /** The day it is planned for (not before today, not after the due date). */
  plannedDate: ZDate("Planned date").nullable().default(null),
  estimateMinutes: ZEstimateMinutes.default(0),
});

export const ZCreateTaskOutput = ZTask satisfies z.ZodType<ServiceOutput<typeof createTask>>;
