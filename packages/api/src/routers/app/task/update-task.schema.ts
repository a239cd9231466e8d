import type { updateTask } from "@atlas/core/services/plans/tasks";
import { z } from "zod";
import { atLeastOneField, ZDate, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZEstimateMinutes, ZNotes, ZPlannedStatus, ZTask, ZTaskPriority } from "./task.schema.ts";

export const ZUpdateTaskInput = z
  .object({
    taskId: ZId,
    title: ZTitle().optional(),
    notes: ZNotes.optional(),
    goalId: ZId.nullable().optional(),
    /** Planned status (cancel here; done comes from log.checkIn), from the owner's today on. */
    status: ZPlannedStatus.optional(),
    priority: ZTaskPriority.optional(),
    dueDate: ZDate("Due date").nullable().optional(),
    plannedDate: ZDate("Planned date").nullable().optional(),
    estimateMinutes: ZEstimateMinutes.optional(),
  })
  .refine(({ taskId: _, ...fields }) => Object.values(fields).some((v) => v !== undefined), {
    error: atLeastOneField.message,
  });

export const ZUpdateTaskOutput = ZTask satisfies z.ZodType<ServiceOutput<typeof updateTask>>;
