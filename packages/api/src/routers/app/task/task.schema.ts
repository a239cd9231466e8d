import { ZLocalDate } from "@atlas/time";
/** Zod pieces shared by the task procedures. */
import { z } from "zod";
import { MAX_ESTIMATE_MINUTES, MAX_LONG_TEXT_LENGTH } from "@atlas/core/bounds";
import { ZId, ZInstantOutput, ZText, ZWholeNumber } from "../../../schemas.ts";

export const ZTaskPriority = z.enum(["low", "medium", "high"], {
  error: "Priority must be low, medium or high",
});
export const ZTaskStatus = z.enum(["todo", "in_progress", "done", "cancelled"]);
/** What a plan may say: done comes from the log (log.checkIn), never from an edit. */
export const ZPlannedStatus = z.enum(["todo", "in_progress", "cancelled"], {
  error: "Status must be to do, in progress or cancelled (a task is done by checking it in)",
});

export const ZNotes = ZText(MAX_LONG_TEXT_LENGTH, "Notes", { trim: false });

export const ZEstimateMinutes = ZWholeNumber("Estimate", 0, MAX_ESTIMATE_MINUTES, "minutes");

const ZTaskVersion = z.object({
  effectiveFrom: ZLocalDate,
  status: ZPlannedStatus,
  priority: ZTaskPriority,
  dueDate: ZLocalDate.nullable(),
  plannedDate: ZLocalDate.nullable(),
  estimateMinutes: z.number().int(),
});

export const ZTask = z.object({
  id: z.string(),
  memberId: z.string(),
  goalId: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  /** done once the log holds a non-reverted check-in; else the planned status in force today. */
  status: ZTaskStatus,
  doneOn: ZLocalDate.nullable(),
  priority: ZTaskPriority,
  dueDate: ZLocalDate.nullable(),
  plannedDate: ZLocalDate.nullable(),
  /** The planned date, else the due date. */
  scheduledDate: ZLocalDate.nullable(),
  estimateMinutes: z.number().int(),
  archivedAt: ZInstantOutput.nullable(),
  isArchived: z.boolean(),
  versions: z.array(ZTaskVersion).min(1),
  createdById: z.string(),
  createdAt: ZInstantOutput,
  updatedAt: ZInstantOutput,
});

export const ZTaskIdInput = z.object({ taskId: ZId });
