import {
  INVITABLE_ROLES,
  type InvitationRecord,
} from "@atlas/core/services/workspaces/invitations";
import { z } from "zod";

export const ZInvitableRole = z.enum(INVITABLE_ROLES, {
  error: "Invite as a member, a coach or an admin",
});

/** An e-mail address as typed into the invite form: trimmed, compared in lower case. */
export const ZInviteEmail = z
  .string()
  .trim()
  .max(254, { error: "An e-mail address is at most 254 characters" })
  .pipe(z.email({ error: "Enter an e-mail address, like name@example.com" }));

export const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: ZInvitableRole,
  invitedById: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
}) satisfies z.ZodType<InvitationRecord>;
