import { ZLocalDate } from "@atlas/time";
import type { getLogDay } from "@atlas/core/services/log/log";
import { z } from "zod";
import { ZDateInput, ZMemberIdInput, type ServiceOutput } from "../../../schemas.ts";
import { ZEvent, ZLogDayItem } from "./log.schema.ts";

export const ZGetLogDayInput = z
  .object({
    /** Whose day (default: the caller's); another member's needs `seeOthers`. */
    memberId: ZMemberIdInput,
    /** The member's local day; default: their today. */
    localDate: ZDateInput.optional(),
  })
  .default({});

export const ZGetLogDayOutput = z.object({
  memberId: z.string(),
  localDate: ZLocalDate,
  /** The member's local today. */
  today: ZLocalDate,
  /** Items shown that day (due, or a times_per_week day) or logged on it, combined. */
  items: z.array(ZLogDayItem),
  /** Every event for that day, undos and reverted entries included, in recording order. */
  events: z.array(ZEvent),
}) satisfies z.ZodType<ServiceOutput<typeof getLogDay>>;
