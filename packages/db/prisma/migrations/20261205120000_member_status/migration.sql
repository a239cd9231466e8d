-- CreateEnum
CREATE TYPE "MemberStatusKind" AS ENUM ('on_leave', 'vacation', 'paused');

-- CreateTable
CREATE TABLE "MemberStatus" (
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "MemberStatusKind" NOT NULL,
    "note" TEXT,
    "untilDate" DATE,
    "setById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberStatus_pkey" PRIMARY KEY ("workspaceId","memberId")
);

-- AddForeignKey
ALTER TABLE "MemberStatus" ADD CONSTRAINT "MemberStatus_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberStatus" ADD CONSTRAINT "MemberStatus_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;


-- ── Member status (docs/domain.md "Coach risk") ─────────────────────────────────────────────
ALTER TABLE "MemberStatus"
  ADD CONSTRAINT "MemberStatus_note_check" CHECK ("note" IS NULL OR length("note") <= 200);

-- Everyone in the workspace reads it (it is shown beside the member); only an active owner,
-- admin or coach of the workspace writes it, as themselves. The API checks the same role first.
GRANT SELECT, INSERT, UPDATE, DELETE ON "MemberStatus" TO atlas_app;
ALTER TABLE "MemberStatus" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MemberStatus" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "MemberStatus" FOR SELECT
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
CREATE POLICY coach_writes ON "MemberStatus" FOR ALL
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND EXISTS (SELECT 1 FROM "Membership" m
                     WHERE m."workspaceId" = "MemberStatus"."workspaceId"
                       AND m."userId" = NULLIF(current_setting('app.user_id', true), '')
                       AND m."leftAt" IS NULL
                       AND m."role" IN ('owner', 'admin', 'coach')))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
              AND "setById" = NULLIF(current_setting('app.user_id', true), '')
              AND EXISTS (SELECT 1 FROM "Membership" m
                          WHERE m."workspaceId" = "MemberStatus"."workspaceId"
                            AND m."userId" = NULLIF(current_setting('app.user_id', true), '')
                            AND m."leftAt" IS NULL
                            AND m."role" IN ('owner', 'admin', 'coach')));

-- The console reads it across the workspaces it reaches (docs/architecture.md "Console reach").
GRANT SELECT ON "MemberStatus" TO atlas_console;
CREATE POLICY console_read ON "MemberStatus" FOR SELECT TO atlas_console
  USING ("workspaceId" IN (SELECT "atlas_console_workspaces"()));
