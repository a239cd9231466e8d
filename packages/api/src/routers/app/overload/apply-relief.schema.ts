import type { applyRelief } from "@atlas/core/services/plans/relief";
import { z } from "zod";
import { ZDateInput, ZId, ZIdempotencyKey, type ServiceOutput } from "../../../schemas.ts";

export const ZApplyReliefInput = z.object({
  idempotencyKey: ZIdempotencyKey,
  /** The relief dashboard.get proposed, as proposed (the server recomputes and compares). */
  moves: z
    .array(z.object({ taskId: ZId, from: ZDateInput, to: ZDateInput }))
    .min(1, { error: "Nothing to apply: moves is empty" })
    .max(200, { error: "At most 200 moves" })
    .refine((moves) => new Set(moves.map((m) => m.taskId)).size === moves.length, {
      error: "Each task at most once in moves",
    }),
});

export const ZApplyReliefOutput = z.object({ moved: z.number().int() }) satisfies z.ZodType<
  ServiceOutput<typeof applyRelief>
>;
