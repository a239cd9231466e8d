-- CreateIndex
CREATE INDEX "AuditLog_actorUserId_createdAt_idx" ON "AuditLog"("actorUserId", "createdAt");

-- CreateIndex
CREATE INDEX "ExecutionEvent_workspaceId_recordedAt_idx" ON "ExecutionEvent"("workspaceId", "recordedAt");



-- ── Platform admin (docs/architecture.md "Console reach") ────────────────────────────────────
-- The people of a workspace see the name of Atlas staff who asked for support access to it (the
-- grant list and the banner say who), and nothing else of them. Staff are members of no
-- workspace, so user_read alone would hide them.
CREATE POLICY user_support_staff ON "User" FOR SELECT TO atlas_app
  USING ("id" IN (SELECT g."staffUserId" FROM "SupportGrant" g
                  WHERE g."workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')));
