-- Tenancy, enforced by PostgreSQL itself (docs/architecture.md "Tenancy").
-- The app connects as atlas_app: no superuser, no BYPASSRLS, so every row it touches passes a
-- policy. Settings are transaction-local (set_config(..., true)); after such a transaction a
-- pooled connection reads '' rather than NULL, hence NULLIF everywhere. Nothing set = no rows.

-- ── The application role ────────────────────────────────────────────────────────────────────
-- No password here: operators (or the embedded launcher) set one. Roles are cluster-wide, so an
-- existing one is reused, but never one that could bypass row-level security.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_app') THEN
    CREATE ROLE atlas_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_app' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'role atlas_app must be NOSUPERUSER NOBYPASSRLS';
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO atlas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO atlas_app;
-- Tables that later migrations create get the same grants; the policy guard test makes sure
-- each of them also gets a policy.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO atlas_app;

DO $$
BEGIN
  -- absent when a diff replays these scripts on a bare shadow database
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM atlas_app;
  END IF;
END $$;
REVOKE ALL ON "ProcessedWebhookEvent" FROM atlas_app;
REVOKE INSERT, UPDATE, DELETE ON "Plan", "PlanEntitlement" FROM atlas_app;
REVOKE UPDATE, DELETE ON "ExecutionEvent", "AuditLog" FROM atlas_app;

-- ── Row-level security on every table, ENABLE and FORCE (FORCE binds the owner too) ─────────
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- ── Rows of one workspace ──────────────────────────────────────────────────────────────────
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'Goal', 'Milestone', 'Habit', 'HabitVersion', 'Task', 'TaskVersion', 'ExecutionEvent',
    'MemberDayScore', 'HabitDayValue', 'AiSuggestion', 'Subscription', 'IdempotencyKey',
    'AuditLog'
  ]
  LOOP
    EXECUTE format(
      'CREATE POLICY workspace_isolation ON %I
         USING ("workspaceId" = NULLIF(current_setting(''app.workspace_id'', true), ''''))
         WITH CHECK ("workspaceId" = NULLIF(current_setting(''app.workspace_id'', true), ''''))',
      t);
  END LOOP;
END $$;

-- Private coach notes are the author's alone; shared ones are narrowed further by the API.
CREATE POLICY workspace_isolation ON "CoachNote"
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND ("visibility" = 'shared' OR "authorId" = NULLIF(current_setting('app.user_id', true), '')))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
              AND "authorId" = NULLIF(current_setting('app.user_id', true), ''));

-- A person's notifications, preferences and push endpoints are theirs, inside the workspace.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Notification', 'NotificationPreference', 'PushSubscription']
  LOOP
    EXECUTE format(
      'CREATE POLICY owner_isolation ON %I
         USING ("workspaceId" = NULLIF(current_setting(''app.workspace_id'', true), '''')
                AND "userId" = NULLIF(current_setting(''app.user_id'', true), ''''))
         WITH CHECK ("workspaceId" = NULLIF(current_setting(''app.workspace_id'', true), '''')
                     AND "userId" = NULLIF(current_setting(''app.user_id'', true), ''''))',
      t);
  END LOOP;
END $$;

-- ── People ─────────────────────────────────────────────────────────────────────────────────
-- A membership is visible to its own user (the workspace list) and inside the current workspace.
CREATE POLICY membership_read ON "Membership" FOR SELECT
  USING ("userId" = NULLIF(current_setting('app.user_id', true), '')
         OR "workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
CREATE POLICY membership_write ON "Membership" FOR INSERT
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
CREATE POLICY membership_update ON "Membership" FOR UPDATE
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
CREATE POLICY membership_delete ON "Membership" FOR DELETE
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));

-- A workspace is visible when it is the current one or the user is a member; only the current
-- one can change. Creating and deleting workspaces is the Clerk webhook's work (bypass client).
CREATE POLICY workspace_read ON "Workspace" FOR SELECT
  USING ("id" = NULLIF(current_setting('app.workspace_id', true), '')
         OR "id" IN (SELECT m."workspaceId" FROM "Membership" m
                     WHERE m."userId" = NULLIF(current_setting('app.user_id', true), '')));
CREATE POLICY workspace_update ON "Workspace" FOR UPDATE
  USING ("id" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("id" = NULLIF(current_setting('app.workspace_id', true), ''));

-- A user row is visible to itself and to anyone sharing the current workspace; only self edits.
CREATE POLICY user_read ON "User" FOR SELECT
  USING ("id" = NULLIF(current_setting('app.user_id', true), '')
         OR "id" IN (SELECT m."userId" FROM "Membership" m
                     WHERE m."workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')));
CREATE POLICY user_update ON "User" FOR UPDATE
  USING ("id" = NULLIF(current_setting('app.user_id', true), ''))
  WITH CHECK ("id" = NULLIF(current_setting('app.user_id', true), ''));

CREATE POLICY time_setting_read ON "UserTimeSetting" FOR SELECT
  USING ("userId" = NULLIF(current_setting('app.user_id', true), '')
         OR "userId" IN (SELECT m."userId" FROM "Membership" m
                         WHERE m."workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')));
CREATE POLICY time_setting_insert ON "UserTimeSetting" FOR INSERT
  WITH CHECK ("userId" = NULLIF(current_setting('app.user_id', true), ''));
CREATE POLICY time_setting_update ON "UserTimeSetting" FOR UPDATE
  USING ("userId" = NULLIF(current_setting('app.user_id', true), ''))
  WITH CHECK ("userId" = NULLIF(current_setting('app.user_id', true), ''));

-- ── Global catalog: readable by everyone, written only by migrations, the seed and billing ──
CREATE POLICY catalog_read ON "Plan" FOR SELECT USING (true);
CREATE POLICY catalog_read ON "PlanEntitlement" FOR SELECT USING (true);

-- ProcessedWebhookEvent has no policy on purpose: with RLS forced and no grant, only the bypass
-- role reaches it. The platform audit is AuditLog rows with no workspace, invisible to the app.

-- ── The execution log is append-only ───────────────────────────────────────────────────────
-- The app role has no UPDATE/DELETE grant; this trigger refuses them for every role, letting
-- through only the deletes that cascade from removing a whole workspace or membership.
CREATE FUNCTION "atlas_refuse_log_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the execution log is append-only: % on "%" refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "ExecutionEvent_append_only"
  BEFORE UPDATE OR DELETE ON "ExecutionEvent"
  FOR EACH ROW EXECUTE FUNCTION "atlas_refuse_log_change"();
