/**
 * Invitations sent through Clerk (production): core's invitation service hands each invitation to
 * this delivery after its write commits (core/src/services/workspaces/invitations.ts). Clerk
 * e-mails the invitee; when they accept, Clerk's `organizationMembership.created` webhook adds the
 * membership (webhooks/clerk.ts). The workspace id is the organization id (docs/adr/0003).
 */
import type { ClerkClient } from "@clerk/backend";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { clerkClientFor } from "./clerk.ts";
import { authEnv } from "./env.ts";

/** As long as an Atlas invitation (docs/domain.md "Members and invitations"). */
const EXPIRES_IN_DAYS = 7;

export interface ClerkInvitationDelivery {
  send(invitation: {
    workspaceId: string;
    email: string;
    role: "admin" | "coach" | "member";
    inviterUserId: string;
  }): Promise<{ externalId: string }>;
  revoke(invitation: {
    workspaceId: string;
    externalId: string;
    requesterUserId: string;
  }): Promise<void>;
}

/** Clerk's organization invitations as an invitation delivery. */
export function clerkInvitationDelivery(
  client: Pick<ClerkClient, "organizations">,
): ClerkInvitationDelivery {
  return {
    async send({ workspaceId, email, role, inviterUserId }) {
      const invitation = await client.organizations.createOrganizationInvitation({
        organizationId: workspaceId,
        emailAddress: email,
        role: `org:${role}`,
        inviterUserId,
        expiresInDays: EXPIRES_IN_DAYS,
      });
      return { externalId: invitation.id };
    },
    async revoke({ workspaceId, externalId, requesterUserId }) {
      try {
        await client.organizations.revokeOrganizationInvitation({
          organizationId: workspaceId,
          invitationId: externalId,
          requestingUserId: requesterUserId,
        });
      } catch (error) {
        // Gone already (revoked, accepted or expired at Clerk): nothing left to withdraw.
        if (isClerkAPIResponseError(error) && (error.status === 404 || error.status === 400))
          return;
        throw error;
      }
    },
  };
}

/** Clerk's delivery when the app signs in with Clerk; none with the dev sign-in. */
export function invitationDeliveryFromEnv(
  env: Record<string, string | undefined> = process.env,
): ClerkInvitationDelivery | null {
  const config = authEnv(env);
  return config.provider === "clerk" ? clerkInvitationDelivery(clerkClientFor(config)) : null;
}
