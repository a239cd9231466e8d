import type { rescheduleOverdue } from "@atlas/core/services/plans/overdue";
import { ZLocalDate } from "@atlas/time";
import { z } from "zod";
import { ZIdempotencyKey, type ServiceOutput } from "../../../schemas.ts";

export const ZRescheduleOverdueInput = z.object({ idempotencyKey: ZIdempotencyKey });
export type TRescheduleOverdueInput = z.infer<typeof ZRescheduleOverdueInput>;

export const ZRescheduleOverdueOutput = z.object({
  /** Open overdue tasks now planned for today (each a new version from today). */
  moved: z.number().int(),
  /** The caller's today, the day they moved to. */
  localDate: ZLocalDate,
}) satisfies z.ZodType<ServiceOutput<typeof rescheduleOverdue>>;
export type TRescheduleOverdueOutput = z.infer<typeof ZRescheduleOverdueOutput>;
