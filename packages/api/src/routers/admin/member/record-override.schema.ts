import type { recordOverride } from "@atlas/core/services/log/log";
import { z } from "zod";
import {
  ZDateInput,
  ZId,
  ZIdempotencyKey,
  ZLoggedValue,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZLogWriteOutput, ZNote } from "../../app/log/log.schema.ts";

export const ZRecordOverrideInput = z
  .object({
    idempotencyKey: ZIdempotencyKey,
    action: z.enum(["check_in", "skip"]),
    habitId: ZId.optional(),
    taskId: ZId.optional(),
    /** A check-in's amount for a measurable habit. */
    value: ZLoggedValue.optional(),
    /** The member's local day it is for: past the workspace's late-entry window. */
    localDate: ZDateInput,
    note: ZNote.optional(),
  })
  .refine((v) => (v.habitId === undefined) !== (v.taskId === undefined), {
    error: "Record for one item: a habit or a task, not both or neither.",
    path: ["habitId"],
  })
  .refine((v) => v.action === "check_in" || (v.habitId !== undefined && v.value === undefined), {
    error: "Only a habit is skipped, and a skip takes no value.",
    path: ["action"],
  });

export const ZRecordOverrideOutput = ZLogWriteOutput satisfies z.ZodType<
  ServiceOutput<typeof recordOverride>
>;
