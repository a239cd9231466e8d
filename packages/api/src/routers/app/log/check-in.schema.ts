import type { appendEvent } from "@atlas/core/services/log/log";
import { z } from "zod";
import {
  ZDateInput,
  ZId,
  ZIdempotencyKey,
  ZLoggedValue,
  type ServiceOutput,
} from "../../../schemas.ts";
import { ZLogWriteOutput, ZNote, ZOccurredAt } from "./log.schema.ts";

export const ZCheckInInput = z
  .object({
    idempotencyKey: ZIdempotencyKey,
    habitId: ZId.optional(),
    taskId: ZId.optional(),
    /** The amount for a measurable habit (required for at_most; without it, at_least is a full done). */
    value: ZLoggedValue.optional(),
    /** The member's local day it is for; default: the day of occurredAt (else of now). */
    localDate: ZDateInput.optional(),
    occurredAt: ZOccurredAt.optional(),
    note: ZNote.optional(),
  })
  .refine((v) => (v.habitId === undefined) !== (v.taskId === undefined), {
    error: "Check in one item: a habit or a task, not both or neither.",
    path: ["habitId"],
  });

export const ZCheckInOutput = ZLogWriteOutput satisfies z.ZodType<
  ServiceOutput<typeof appendEvent>
>;
