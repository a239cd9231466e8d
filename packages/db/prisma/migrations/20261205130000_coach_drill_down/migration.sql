-- ── Coach overrides are marked on the event (docs/domain.md "Late entries") ──────────────────
-- An entry a coach records past the late-entry window has always written an audit row
-- (event.late_entry_override); the log now carries the mark itself, so the console's log page
-- reads it without the audit log. Existing overrides are marked from their audit rows: the
-- append-only trigger is lifted for this one statement (migrations run as the table's owner).
ALTER TABLE "ExecutionEvent" ADD COLUMN "isOverride" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "ExecutionEvent" DISABLE TRIGGER "ExecutionEvent_append_only";
UPDATE "ExecutionEvent" e SET "isOverride" = true
  FROM "AuditLog" a
 WHERE a."action" = 'event.late_entry_override'
   AND a."targetType" = 'ExecutionEvent'
   AND a."targetId" = e."id"
   AND a."workspaceId" = e."workspaceId";
ALTER TABLE "ExecutionEvent" ENABLE TRIGGER "ExecutionEvent_append_only";

-- ── Coach notes: who sees and changes which (docs/domain.md "Coach notes") ──────────────────
-- Before: every shared note of the workspace was visible to everyone in it, and one policy for
-- all commands let a writer touch any shared note. Now, as the app role:
--   read   the author's own notes; a shared note by the member it is about, and by the
--          workspace's coaches, admins and owners;
--   write  only coaches, admins and owners, as the author; only the author changes or deletes.
DROP POLICY workspace_isolation ON "CoachNote";

CREATE FUNCTION "atlas_coaches_current_workspace"() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Membership" m
     WHERE m."workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
       AND m."userId" = NULLIF(current_setting('app.user_id', true), '')
       AND m."leftAt" IS NULL
       AND m."role" IN ('owner', 'admin', 'coach'))
$$;
REVOKE ALL ON FUNCTION "atlas_coaches_current_workspace"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "atlas_coaches_current_workspace"() TO atlas_app, atlas_console;

CREATE POLICY coach_note_read ON "CoachNote" FOR SELECT
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND ("authorId" = NULLIF(current_setting('app.user_id', true), '')
              OR ("visibility" = 'shared'
                  AND ("memberId" = NULLIF(current_setting('app.user_id', true), '')
                       OR "atlas_coaches_current_workspace"()))));
CREATE POLICY coach_note_write ON "CoachNote" FOR INSERT
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
              AND "authorId" = NULLIF(current_setting('app.user_id', true), '')
              AND "atlas_coaches_current_workspace"());
CREATE POLICY coach_note_change ON "CoachNote" FOR UPDATE
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND "authorId" = NULLIF(current_setting('app.user_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
              AND "authorId" = NULLIF(current_setting('app.user_id', true), '')
              AND "atlas_coaches_current_workspace"());
CREATE POLICY coach_note_delete ON "CoachNote" FOR DELETE
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND "authorId" = NULLIF(current_setting('app.user_id', true), ''));
