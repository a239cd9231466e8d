import type { setSupportAccess } from "@atlas/core/services/platform/support-access";
import { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";

export const ZSetSupportAccessInput = z.object({ enabled: z.boolean() });

export const ZSetSupportAccessOutput = z.object({
  supportAccessEnabled: z.boolean(),
}) satisfies z.ZodType<ServiceOutput<typeof setSupportAccess>>;
