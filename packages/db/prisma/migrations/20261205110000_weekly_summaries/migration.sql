-- CreateTable
CREATE TABLE "WorkspaceWeekSummary" (
    "workspaceId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "schemaVersion" INTEGER NOT NULL,
    "summary" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkspaceWeekSummary_pkey" PRIMARY KEY ("workspaceId","weekStart")
);

-- AddForeignKey
ALTER TABLE "WorkspaceWeekSummary" ADD CONSTRAINT "WorkspaceWeekSummary_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Weeks start on a Monday (ISO weekday 1), as docs/domain.md "Weekly summary" says.
ALTER TABLE "WorkspaceWeekSummary"
  ADD CONSTRAINT "WorkspaceWeekSummary_weekStart_monday_check" CHECK (extract(isodow FROM "weekStart") = 1);

-- Row-level security, as for every tenant table (20261122084900_tenancy): the weekly job and the
-- console's on-demand fill write as the app role bound to the workspace (an upsert, never a delete).
GRANT SELECT, INSERT, UPDATE ON "WorkspaceWeekSummary" TO atlas_app;
ALTER TABLE "WorkspaceWeekSummary" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkspaceWeekSummary" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "WorkspaceWeekSummary"
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));

-- The console reads it across the workspaces it reaches (docs/architecture.md "Console reach").
GRANT SELECT ON "WorkspaceWeekSummary" TO atlas_console;
CREATE POLICY console_read ON "WorkspaceWeekSummary" FOR SELECT TO atlas_console
  USING ("workspaceId" IN (SELECT "atlas_console_workspaces"()));
