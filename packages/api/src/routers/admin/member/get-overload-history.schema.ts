import type { getOverloadHistory } from "@atlas/core/services/coaching/member-drill";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZHistoryLimit, type ServiceOutput } from "../../../schemas.ts";

export const ZGetOverloadHistoryInput = z.object({
  /** How many days back, today included (default 28). */
  days: z.number().int().min(7).max(90).optional(),
});

export const ZGetOverloadHistoryOutput = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  days: z.array(
    z.object({
      date: ZLocalDate,
      loadMinutes: z.number().int(),
      capacityMinutes: z.number().int(),
      /** load / capacity, 4 decimals; null on a day off. */
      ratio: z.number().nullable(),
      /** null on a day off (capacity 0), which reads as minutes only. */
      level: z.enum(["none", "near", "over", "critical"]).nullable(),
    }),
  ),
  historyLimit: ZHistoryLimit,
}) satisfies z.ZodType<ServiceOutput<typeof getOverloadHistory>>;
