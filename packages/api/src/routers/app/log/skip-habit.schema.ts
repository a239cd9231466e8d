import type { appendEvent } from "@atlas/core/services/log/log";
import { z } from "zod";
import { ZDateInput, ZId, ZIdempotencyKey, type ServiceOutput } from "../../../schemas.ts";
import { ZLogWriteOutput, ZNote, ZOccurredAt } from "./log.schema.ts";

export const ZSkipHabitInput = z.object({
  idempotencyKey: ZIdempotencyKey,
  habitId: ZId,
  /** The member's local day it is for; default: the day of occurredAt (else of now). */
  localDate: ZDateInput.optional(),
  occurredAt: ZOccurredAt.optional(),
  note: ZNote.optional(),
});

export const ZSkipHabitOutput = ZLogWriteOutput satisfies z.ZodType<
  ServiceOutput<typeof appendEvent>
>;
