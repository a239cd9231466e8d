import type { listTasks } from "@atlas/core/services/plans/tasks";
import { z } from "zod";
import {
  pageOf,
  ZDate,
  ZId,
  ZMemberIdInput,
  ZPageInput,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZTask, ZTaskPriority, ZTaskStatus } from "./task.schema.ts";

export const ZListTasksInput = z
  .object({
    /** Whose tasks (default: the caller's); another member's needs `seeOthers`. */
    memberId: ZMemberIdInput,
    includeArchived: z.boolean().default(false),
    status: z.array(ZTaskStatus).min(1).optional(),
    priority: z.array(ZTaskPriority).min(1).optional(),
    /** A goal's id, or null for tasks without a goal. */
    goalId: ZId.nullable().optional(),
    /** Scheduled date (planned, else due, in force today) from… (undated tasks drop out). */
    dateFrom: ZDate("From date").optional(),
    /** …to, inclusive. */
    dateTo: ZDate("To date").optional(),
    ...ZPageInput,
  })
  .refine((v) => v.dateFrom === undefined || v.dateTo === undefined || v.dateFrom <= v.dateTo, {
    error: "From date must not be after To date",
    path: ["dateFrom"],
  })
  .default({ includeArchived: false, limit: 50 });

/** In creation order. */
export const ZListTasksOutput = pageOf(ZTask) satisfies z.ZodType<ServiceOutput<typeof listTasks>>;
