import type { invite } from "@atlas/core/services/workspaces/invitations";
import { z } from "zod";
import type { ServiceOutput } from "../../../schemas.ts";
import { ZInvitableRole, ZInvitation, ZInviteEmail } from "./invitation.schema.ts";

export const ZInviteInput = z.object({ email: ZInviteEmail, role: ZInvitableRole });

export const ZInviteOutput = z.object({
  invitation: ZInvitation,
  /** For the link `/invite/<token>`; null when Clerk sent the invitation by e-mail. */
  token: z.string().nullable(),
}) satisfies z.ZodType<ServiceOutput<typeof invite>>;
