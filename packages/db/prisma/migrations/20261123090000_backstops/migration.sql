-- DropForeignKey
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ExecutionEvent" DROP CONSTRAINT "ExecutionEvent_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "HabitDayValue" DROP CONSTRAINT "HabitDayValue_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "MemberDayScore" DROP CONSTRAINT "MemberDayScore_workspaceId_memberId_fkey";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "leftAt" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Database backstops: what the application never does, the database refuses as well. Above,
-- Prisma's DDL: a member's log and derived days no longer cascade away with the membership
-- (a member who leaves gets "leftAt"), and audit entries no longer cascade away with their
-- workspace. Below, what Prisma's schema language cannot express.

-- ── People and workspaces: the app role reads them and writes only what the app writes ──────
-- Members, roles and leaving go through core's membership service on the audited bypass client;
-- the app role keeps only the capacity columns (packages/core/src/services/capacity.ts).
REVOKE INSERT, UPDATE, DELETE ON "Membership" FROM atlas_app;
GRANT UPDATE ("capacityMonMinutes", "capacityTueMinutes", "capacityWedMinutes",
              "capacityThuMinutes", "capacityFriMinutes", "capacitySatMinutes",
              "capacitySunMinutes", "updatedAt") ON "Membership" TO atlas_app;
DROP POLICY membership_write ON "Membership";
DROP POLICY membership_delete ON "Membership";

-- Plan and subscription are billing's (bypass client); the app edits the workspace settings only.
REVOKE INSERT, UPDATE, DELETE ON "Workspace", "Subscription" FROM atlas_app;
GRANT UPDATE ("lateEntryWindowDays", "sharesProgress", "aiAcceptanceThreshold",
              "defaultTimeZone", "updatedAt") ON "Workspace" TO atlas_app;

-- Users are Clerk's (webhook, bypass client): no one makes themself a platform admin.
REVOKE INSERT, UPDATE, DELETE ON "User" FROM atlas_app;
DROP POLICY user_update ON "User";

-- A member who left no longer sees the workspace or their membership of it from outside it;
-- inside a workspace their row stays visible, so their history still has a name.
ALTER POLICY membership_read ON "Membership"
  USING (("userId" = NULLIF(current_setting('app.user_id', true), '') AND "leftAt" IS NULL)
         OR "workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
ALTER POLICY workspace_read ON "Workspace"
  USING ("id" = NULLIF(current_setting('app.workspace_id', true), '')
         OR "id" IN (SELECT m."workspaceId" FROM "Membership" m
                     WHERE m."userId" = NULLIF(current_setting('app.user_id', true), '')
                       AND m."leftAt" IS NULL));

-- ── Erasure: the one way a workspace's log goes away ───────────────────────────────────────
-- True while packages/db/src/erasure.ts erases this workspace: the transaction set
-- atlas.erasing_workspace to its id, and the session's login role bypasses row-level security
-- (session_user, which SET ROLE cannot change: the app role can set the setting, to no effect).
CREATE FUNCTION "atlas_is_erasing"(workspace_id text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(NULLIF(current_setting('atlas.erasing_workspace', true), '') = workspace_id, false)
     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND (rolsuper OR rolbypassrls))
$$;

-- ── The execution log: append-only for every role, erasure aside ───────────────────────────
-- Replaces the cascade exemption (20261122084900_tenancy): deleting a membership is now refused
-- by its RESTRICT keys, and deleting a workspace reaches the log only during its erasure.
CREATE OR REPLACE FUNCTION "atlas_refuse_log_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND "atlas_is_erasing"(OLD."workspaceId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the execution log is append-only: % on "%" refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- ── The audit log: append-only for every role, erasure included (its entries are kept) ─────
CREATE FUNCTION "atlas_refuse_audit_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on "%" refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "atlas_refuse_audit_change"();

-- ── TRUNCATE skips row triggers: refuse it on both logs, to every role (also as a cascade) ──
CREATE FUNCTION "atlas_refuse_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '"%" is append-only: TRUNCATE refused', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "ExecutionEvent_no_truncate"
  BEFORE TRUNCATE ON "ExecutionEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "atlas_refuse_truncate"();
CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "atlas_refuse_truncate"();
