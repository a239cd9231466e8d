import type { appendEvent } from "@atlas/core/services/log/log";
import { z } from "zod";
import { ZId, ZIdempotencyKey, type ServiceOutput } from "../../../schemas.ts";
import { ZLogWriteOutput, ZNote, ZOccurredAt } from "./log.schema.ts";

export const ZUndoEventInput = z.object({
  idempotencyKey: ZIdempotencyKey,
  /** The entry to revert (not an undo, not already reverted). */
  eventId: ZId,
  occurredAt: ZOccurredAt.optional(),
  note: ZNote.optional(),
});

export const ZUndoEventOutput = ZLogWriteOutput satisfies z.ZodType<
  ServiceOutput<typeof appendEvent>
>;
