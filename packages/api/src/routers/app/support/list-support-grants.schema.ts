import type { listWorkspaceSupportGrants } from "@atlas/core/services/platform/support-access";
import { z } from "zod";
import { ZSupportGrant, type ServiceOutput } from "../../../schemas.ts";

export const ZListSupportGrantsOutput = z.object({
  supportAccessEnabled: z.boolean(),
  grants: z.array(ZSupportGrant),
}) satisfies z.ZodType<ServiceOutput<typeof listWorkspaceSupportGrants>>;
