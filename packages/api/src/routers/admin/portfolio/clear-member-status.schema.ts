import type { clearMemberStatus } from "@atlas/core/services/workspaces/portfolio";
import { z } from "zod";
import { ZId, type ServiceOutput } from "../../../schemas.ts";

export const ZClearMemberStatusInput = z.object({ workspaceId: ZId, memberId: ZId });

export const ZClearMemberStatusOutput = z.object({
  cleared: z.boolean(),
}) satisfies z.ZodType<ServiceOutput<typeof clearMemberStatus>>;
