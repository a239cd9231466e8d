-- Invitations to a workspace (docs/domain.md "Members and invitations").

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "clerkInvitationId" TEXT,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_email_idx" ON "Invitation"("workspaceId", "email");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open invitation per workspace and e-mail: re-inviting re-issues that row.
CREATE UNIQUE INDEX "Invitation_open_workspaceId_email_key" ON "Invitation"("workspaceId", "email")
  WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL;

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_email_normalized"
  CHECK ("email" = lower(btrim("email")) AND "email" <> '');
-- Owners are made by an owner from the members list, never by invitation.
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_role_not_owner" CHECK ("role" <> 'owner');

-- Tenancy: the app role reads its workspace's invitations; every write goes through core's
-- audited invitation service on the bypass client (as memberships do, backstops).
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Invitation"
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "Invitation" FROM atlas_app;
GRANT SELECT ON "Invitation" TO atlas_app;
