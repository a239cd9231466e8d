import type { approveSupportGrant } from "@atlas/core/services/platform/support-access";
import { z } from "zod";
import { ZId, ZSupportGrant, ZText, type ServiceOutput } from "../../../schemas.ts";

export const ZDecideSupportGrantInput = z.object({ grantId: ZId });

export const ZRefuseSupportGrantInput = z.object({
  grantId: ZId,
  note: ZText(1000, "The note").optional(),
});

/** Approve, refuse and revoke answer with the grant as it now is. */
export const ZDecideSupportGrantOutput = ZSupportGrant satisfies z.ZodType<
  ServiceOutput<typeof approveSupportGrant>
>;
