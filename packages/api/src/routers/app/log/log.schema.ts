import { ZLocalDate } from "@atlas/time";
/** Zod pieces shared by the log procedures. */
import { z } from "zod";
import { MAX_NOTE_LENGTH } from "@atlas/core/bounds";
import { ZInstantOutput, ZText } from "../../../schemas.ts";
import { ZTarget } from "../habit/habit.schema.ts";

/**
 * When it happened, if the client knows better than the server (within ±5 minutes of the
 * server's now). The web client omits it. An ISO 8601 instant with an offset, or a Date.
 */
export const ZOccurredAt = z.union(
  [z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))],
  { error: "The time must be an ISO 8601 instant with an offset, like 2026-03-10T08:15:00Z" },
);

export const ZNote = ZText(MAX_NOTE_LENGTH, "Note");

export const ZEvent = z.object({
  id: z.string(),
  memberId: z.string(),
  habitId: z.string().nullable(),
  taskId: z.string().nullable(),
  kind: z.enum(["done", "partial", "skip", "undo"]),
  value: z.number().nullable(),
  localDate: ZLocalDate,
  occurredAt: ZInstantOutput,
  recordedAt: ZInstantOutput,
  recordedById: z.string(),
  source: z.enum(["web", "admin", "api", "import", "job", "ai"]),
  note: z.string().nullable(),
  revertsId: z.string().nullable(),
  /** Recorded past the late-entry window by a coach, admin or owner. */
  isOverride: z.boolean(),
  isReverted: z.boolean(),
});

/** One item's events of one day, combined: values summed, state from the sum. */
export const ZItemDay = z.object({
  habitId: z.string().nullable(),
  taskId: z.string().nullable(),
  localDate: ZLocalDate,
  state: z.enum(["done", "partial", "skipped", "open"]),
  /** Sum of the non-reverted values (measurable habits), else null. */
  value: z.number().nullable(),
  /** c ∈ [0,1] of a habit day; a task: 1 once done; null when nothing counts yet or skipped. */
  completion: z.number().min(0).max(1).nullable(),
  activeEventIds: z.array(z.string()),
});

/** What every log write answers: the event appended and its item's day after it. */
export const ZLogWriteOutput = z.object({ event: ZEvent, day: ZItemDay });

export const ZLogDayItem = ZItemDay.extend({
  type: z.enum(["habit", "task"]),
  title: z.string(),
  isDue: z.boolean(),
  isShown: z.boolean(),
  target: ZTarget.nullable(),
});
