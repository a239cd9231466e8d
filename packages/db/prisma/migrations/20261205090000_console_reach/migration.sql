-- CreateEnum
CREATE TYPE "SupportGrantScope" AS ENUM ('read', 'write');

-- CreateEnum
CREATE TYPE "SupportGrantStatus" AS ENUM ('requested', 'approved', 'refused', 'revoked');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "supportAccessEnabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "SupportGrant" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "scope" "SupportGrantScope" NOT NULL DEFAULT 'read',
    "durationMinutes" INTEGER NOT NULL,
    "status" "SupportGrantStatus" NOT NULL DEFAULT 'requested',
    "breakGlass" BOOLEAN NOT NULL DEFAULT false,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "startsAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,

    CONSTRAINT "SupportGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupportGrant_staffUserId_expiresAt_idx" ON "SupportGrant"("staffUserId", "expiresAt");

-- CreateIndex
CREATE INDEX "SupportGrant_workspaceId_requestedAt_idx" ON "SupportGrant"("workspaceId", "requestedAt");

-- AddForeignKey
ALTER TABLE "SupportGrant" ADD CONSTRAINT "SupportGrant_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportGrant" ADD CONSTRAINT "SupportGrant_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ── Console reach (docs/architecture.md "Console reach", docs/adr/0008) ─────────────────────
-- The admin console reads across workspaces as atlas_console: no login, no bypass, SELECT only.
-- The app role switches to it for one transaction (set_config('role', 'atlas_console', true)),
-- and only the policies below, written TO atlas_console, widen what it sees: the workspaces the
-- user (app.user_id) owns, administers or coaches, and those an active support grant opens.
-- Every other policy still applies and, with no workspace set, shows nothing more.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_console') THEN
    CREATE ROLE atlas_console NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_console' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'role atlas_console must be NOSUPERUSER NOBYPASSRLS';
  END IF;
END $$;
GRANT atlas_console TO atlas_app;
GRANT USAGE ON SCHEMA public TO atlas_console;

-- Integrity of a grant, for every role: sensible values, and the only moves are
-- requested → approved | refused and approved → revoked. The window is stamped here from the
-- database's clock when a grant opens, so no caller can choose or stretch it.
ALTER TABLE "SupportGrant"
  ADD CONSTRAINT "SupportGrant_duration_check" CHECK ("durationMinutes" BETWEEN 1 AND 1440),
  ADD CONSTRAINT "SupportGrant_reason_check" CHECK (length(btrim("reason")) BETWEEN 1 AND 1000);

CREATE FUNCTION "atlas_support_grant_rules"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" NOT IN ('requested', 'approved')
       OR (NEW."status" = 'approved' AND NOT NEW."breakGlass") THEN
      RAISE EXCEPTION 'a support grant starts as requested, or approved only as break-glass';
    END IF;
    NEW."revokedAt" := NULL;
    NEW."revokedById" := NULL;
  ELSE
    IF (NEW."workspaceId", NEW."staffUserId", NEW."reason", NEW."scope", NEW."durationMinutes",
        NEW."breakGlass", NEW."requestedAt")
       IS DISTINCT FROM
       (OLD."workspaceId", OLD."staffUserId", OLD."reason", OLD."scope", OLD."durationMinutes",
        OLD."breakGlass", OLD."requestedAt") THEN
      RAISE EXCEPTION 'a support grant''s request cannot change';
    END IF;
    IF NEW."status" IS DISTINCT FROM OLD."status" AND NOT (
         (OLD."status" = 'requested' AND NEW."status" IN ('approved', 'refused'))
      OR (OLD."status" = 'approved' AND NEW."status" = 'revoked')) THEN
      RAISE EXCEPTION 'a support grant cannot go from % to %', OLD."status", NEW."status";
    END IF;
    IF NEW."status" = OLD."status" THEN
      NEW."startsAt" := OLD."startsAt";
      NEW."expiresAt" := OLD."expiresAt";
      RETURN NEW;
    END IF;
    IF NEW."status" = 'revoked' THEN
      NEW."revokedAt" := now();
      NEW."startsAt" := OLD."startsAt";
      NEW."expiresAt" := least(OLD."expiresAt", now());
      RETURN NEW;
    END IF;
  END IF;
  IF NEW."status" = 'approved' THEN
    NEW."startsAt" := now();
    NEW."expiresAt" := now() + make_interval(mins => NEW."durationMinutes");
  ELSE
    NEW."startsAt" := NULL;
    NEW."expiresAt" := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SupportGrant_rules" BEFORE INSERT OR UPDATE ON "SupportGrant"
  FOR EACH ROW EXECUTE FUNCTION "atlas_support_grant_rules"();

-- The workspaces the console may read for app.user_id. SECURITY DEFINER (the migration role,
-- which bypasses row-level security) so the policies below can ask without asking themselves.
CREATE FUNCTION "atlas_console_workspaces"() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT m."workspaceId" FROM "Membership" m
   WHERE m."userId" = NULLIF(current_setting('app.user_id', true), '')
     AND m."leftAt" IS NULL
     AND m."role" IN ('owner', 'admin', 'coach')
  UNION
  SELECT g."workspaceId" FROM "SupportGrant" g
    JOIN "Workspace" w ON w."id" = g."workspaceId"
    JOIN "User" u ON u."id" = g."staffUserId"
   WHERE g."staffUserId" = NULLIF(current_setting('app.user_id', true), '')
     AND g."status" = 'approved'
     AND g."expiresAt" > now()
     AND w."supportAccessEnabled"
     AND u."isPlatformAdmin"
$$;
REVOKE ALL ON FUNCTION "atlas_console_workspaces"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "atlas_console_workspaces"() TO atlas_console;

-- What the console reads: the plans, log and derived rows of reachable workspaces.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'Goal', 'Milestone', 'Habit', 'HabitVersion', 'Task', 'TaskVersion', 'ExecutionEvent',
    'MemberDayScore', 'HabitDayValue', 'MemberDeriveCheckpoint', 'CapacityVersion',
    'AiSuggestion', 'Membership'
  ]
  LOOP
    EXECUTE format('GRANT SELECT ON %I TO atlas_console', t);
    EXECUTE format(
      'CREATE POLICY console_read ON %I FOR SELECT TO atlas_console
         USING ("workspaceId" IN (SELECT "atlas_console_workspaces"()))', t);
  END LOOP;
END $$;

GRANT SELECT ON "Workspace", "User", "UserTimeSetting", "CoachNote", "SupportGrant",
                "Plan", "PlanEntitlement" TO atlas_console;
CREATE POLICY console_read ON "Workspace" FOR SELECT TO atlas_console
  USING ("id" IN (SELECT "atlas_console_workspaces"()));
CREATE POLICY console_read ON "User" FOR SELECT TO atlas_console
  USING ("id" IN (SELECT m."userId" FROM "Membership" m
                  WHERE m."workspaceId" IN (SELECT "atlas_console_workspaces"())));
CREATE POLICY console_read ON "UserTimeSetting" FOR SELECT TO atlas_console
  USING ("userId" IN (SELECT m."userId" FROM "Membership" m
                      WHERE m."workspaceId" IN (SELECT "atlas_console_workspaces"())));
-- Private notes stay their author's, in the console too.
CREATE POLICY console_read ON "CoachNote" FOR SELECT TO atlas_console
  USING ("workspaceId" IN (SELECT "atlas_console_workspaces"())
         AND ("visibility" = 'shared'
              OR "authorId" = NULLIF(current_setting('app.user_id', true), '')));

-- ── Support grants, as the app role ─────────────────────────────────────────────────────────
-- Staff (isPlatformAdmin) see and open their own; an owner decides inside the workspace (the
-- API checks the role). Nobody deletes one: the history of who looked is kept.
GRANT SELECT, INSERT, UPDATE ON "SupportGrant" TO atlas_app;
REVOKE DELETE ON "SupportGrant" FROM atlas_app;
ALTER TABLE "SupportGrant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SupportGrant" FORCE ROW LEVEL SECURITY;
CREATE POLICY support_grant_read ON "SupportGrant" FOR SELECT
  USING ("staffUserId" = NULLIF(current_setting('app.user_id', true), '')
         OR "workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
CREATE POLICY support_grant_request ON "SupportGrant" FOR INSERT
  WITH CHECK ("staffUserId" = NULLIF(current_setting('app.user_id', true), '')
              AND EXISTS (SELECT 1 FROM "User" u
                          WHERE u."id" = NULLIF(current_setting('app.user_id', true), '')
                            AND u."isPlatformAdmin"));
CREATE POLICY support_grant_decide ON "SupportGrant" FOR UPDATE
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));

-- The owner's switch is a workspace setting like the others.
GRANT UPDATE ("supportAccessEnabled") ON "Workspace" TO atlas_app;
