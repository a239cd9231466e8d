import type { openSupportGrant } from "@atlas/core/services/platform/support-access";
import { z } from "zod";
import {
  ZId,
  ZIdempotencyKey,
  ZSupportGrant,
  ZText,
  type ServiceOutput,
} from "../../../../schemas.ts";

/** At most 24 hours (the database refuses longer too). */
export const MAX_GRANT_MINUTES = 24 * 60;

export const ZOpenSupportGrantInput = z.object({
  idempotencyKey: ZIdempotencyKey,
  workspaceId: ZId,
  reason: ZText(1000, "The reason").pipe(
    z.string().min(1, { error: "Say why you need access: the owner reads it." }),
  ),
  durationMinutes: z
    .number()
    .int()
    .min(1, { error: "Ask for at least one minute" })
    .max(MAX_GRANT_MINUTES, { error: "Support access lasts at most 24 hours (1,440 minutes)" }),
  /** Read-only unless the request says otherwise. */
  scope: z.enum(["read", "write"]).default("read"),
});

export const ZOpenSupportGrantOutput = ZSupportGrant satisfies z.ZodType<
  ServiceOutput<typeof openSupportGrant>
>;
