import type { acceptInvitation } from "@atlas/core/services/workspaces/invitations";
import { z } from "zod";
import { ZRole, type ServiceOutput } from "../../../schemas.ts";

export const ZAcceptInvitationInput = z.object({
  token: z
    .string()
    .min(1, { error: "The invitation link has no token" })
    .max(200, { error: "This invitation link is not valid" }),
});

export const ZAcceptInvitationOutput = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  role: ZRole,
}) satisfies z.ZodType<ServiceOutput<typeof acceptInvitation>>;
