import type { supportWorkspaceMembers } from "@atlas/core/services/platform/support-access";
import { z } from "zod";
import { ZInstantOutput, ZRole, ZSupportGrant, type ServiceOutput } from "../../../../schemas.ts";

export const ZGetSupportMembersOutput = z.object({
  grant: ZSupportGrant.pick({ id: true, scope: true }).extend({
    expiresAt: ZInstantOutput,
    workspaceName: z.string(),
  }),
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: ZRole,
      recentScores: z.array(
        z.object({ localDate: z.string(), score: z.number().int().nullable() }),
      ),
    }),
  ) satisfies z.ZodType<ServiceOutput<typeof supportWorkspaceMembers>>,
});
