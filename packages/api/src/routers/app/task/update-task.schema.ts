import type { updateTask } from "@atlas/core/services/plans/tasks";
import { z } from "zod";
import { ZDateInput, ZId, ZTitle, type ServiceOutput } from "../../../schemas.ts";
import { ZEstimateMinutes, ZNotes, ZPlannedStatus, ZTask, ZTaskPriority } from "./task.schema.ts";

export const ZUpdateTaskInput = z
  .object({
    taskId: ZId,
    title: ZTitle.optional(),
    notes: ZNotes.optional(),
    goalId: ZId.nullable().optional(),
    /** Planned status (cancel here; done comes from log.checkIn), from the owner's today on. */
    status: ZPlannedStatus.optional(),
    priority: ZTaskPriority.optional(),
    dueDate: ZDateInput.nullable().optional(),
    plannedDate: ZDateInput.nullable().optional(),
    estimateMinutes: ZEstimateMinutes.optional(),
  })
  .refine(({ taskId: _, ...fields }) => Object.values(fields).some((v) => v !== undefined), {
    error: "Nothing to update: pass at least one field.",
  });

export const ZUpdateTaskOutput = ZTask satisfies z.ZodType<ServiceOutput<typeof updateTask>>;
