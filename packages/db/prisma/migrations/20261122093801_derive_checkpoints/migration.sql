-- CreateTable
CREATE TABLE "MemberDeriveCheckpoint" (
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "state" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberDeriveCheckpoint_pkey" PRIMARY KEY ("workspaceId","memberId","localDate")
);

-- AddForeignKey
ALTER TABLE "MemberDeriveCheckpoint" ADD CONSTRAINT "MemberDeriveCheckpoint_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberDeriveCheckpoint" ADD CONSTRAINT "MemberDeriveCheckpoint_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant table (20261122084900_tenancy).
GRANT SELECT, INSERT, UPDATE, DELETE ON "MemberDeriveCheckpoint" TO atlas_app;
ALTER TABLE "MemberDeriveCheckpoint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MemberDeriveCheckpoint" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "MemberDeriveCheckpoint"
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
