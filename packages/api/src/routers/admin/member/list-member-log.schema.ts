import type { listMemberLog } from "@atlas/core/services/coaching/member-drill";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZInstantOutput, type ServiceOutput } from "../../../schemas.ts";

export const ZListMemberLogInput = z.object({
  /** The previous page's nextCursor. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

const ZMemberLogEntry = z.object({
  id: z.string(),
  localDate: ZLocalDate,
  kind: z.enum(["done", "partial", "skip", "undo"]),
  value: z.number().nullable(),
  item: z.object({ type: z.enum(["habit", "task"]), id: z.string(), title: z.string() }),
  recordedAt: ZInstantOutput,
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  source: z.enum(["web", "admin", "api", "import", "job", "ai"]),
  note: z.string().nullable(),
  revertsId: z.string().nullable(),
  isReverted: z.boolean(),
  /** Days between the day it is for and the member's day it was recorded on. */
  daysLate: z.number().int().min(0),
  /** Recorded past the late-entry window by a coach, admin or owner. */
  isOverride: z.boolean(),
});

export const ZListMemberLogOutput = z.object({
  items: z.array(ZMemberLogEntry),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ServiceOutput<typeof listMemberLog>>;
