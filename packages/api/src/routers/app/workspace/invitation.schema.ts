import { INVITABLE_ROLES } from "@atlas/core/permissions";
import type { InvitationRecord } from "@atlas/core/services/workspaces/invitations";
import { z } from "zod";

export const ZInvitableRole = z.enum(INVITABLE_ROLES, {
  error: "Role must be member, coach or admin",
});

/** An e-mail address as typed into the invite form: trimmed, compared in lower case. */
export const ZInviteEmail = z
  .string({ error: "E-mail address must be an e-mail address, like name@example.com" })
  .trim()
  .max(254, { error: "E-mail address must be at most 254 characters" })
  .pipe(z.email({ error: "E-mail address must be an e-mail address, like name@example.com" }));

export const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: ZInvitableRole,
  invitedById: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
}) satisfies z.ZodType<InvitationRecord>;
