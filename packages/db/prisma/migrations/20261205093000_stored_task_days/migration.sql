-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "doneOn" DATE,
ADD COLUMN     "lastDueOn" DATE;

-- CreateIndex
CREATE INDEX "Task_workspaceId_memberId_doneOn_idx" ON "Task"("workspaceId", "memberId", "doneOn");

-- CreateIndex
CREATE INDEX "Task_workspaceId_memberId_lastDueOn_idx" ON "Task"("workspaceId", "memberId", "lastDueOn");


-- ── Stored task days (docs/architecture.md "Stored task days") ──────────────────────────────
-- A read resuming from a checkpoint needs the tasks not done by then and those with a day after
-- it. Asked of every task of the member, that question grew with their whole history; kept on
-- the task, it is an index range. The database keeps both columns, as the log and the versions
-- change, so no code path can forget them; the app role cannot write them.

-- The earliest local day of a done or partial entry that no undo reverts (as the engine reads it).
CREATE FUNCTION "atlas_task_done_on"(workspace_id text, task_id text) RETURNS date
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT min(d."localDate") FROM "ExecutionEvent" d
   WHERE d."workspaceId" = workspace_id AND d."taskId" = task_id
     AND d.kind IN ('done', 'partial')
     AND NOT EXISTS (SELECT 1 FROM "ExecutionEvent" u
                     WHERE u."workspaceId" = d."workspaceId" AND u."revertsId" = d.id
                       AND u.kind = 'undo' AND u."taskId" = d."taskId"
                       AND u."localDate" = d."localDate")
$$;

CREATE FUNCTION "atlas_task_last_due_on"(workspace_id text, task_id text) RETURNS date
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT max(coalesce(v."plannedDate", v."dueDate")) FROM "TaskVersion" v
   WHERE v."workspaceId" = workspace_id AND v."taskId" = task_id
$$;

-- The log is append-only: an entry moves doneOn earlier, an undo recomputes it.
CREATE FUNCTION "atlas_keep_task_done_on"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF NEW.kind IN ('done', 'partial') THEN
    UPDATE "Task" SET "doneOn" = NEW."localDate"
     WHERE "workspaceId" = NEW."workspaceId" AND id = NEW."taskId"
       AND ("doneOn" IS NULL OR "doneOn" > NEW."localDate");
  ELSIF NEW.kind = 'undo' THEN
    UPDATE "Task" SET "doneOn" = "atlas_task_done_on"(NEW."workspaceId", NEW."taskId")
     WHERE "workspaceId" = NEW."workspaceId" AND id = NEW."taskId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ExecutionEvent_task_done_on" AFTER INSERT ON "ExecutionEvent"
  FOR EACH ROW WHEN (NEW."taskId" IS NOT NULL) EXECUTE FUNCTION "atlas_keep_task_done_on"();

CREATE FUNCTION "atlas_keep_task_last_due_on"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  workspace_id text := CASE WHEN TG_OP = 'DELETE' THEN OLD."workspaceId" ELSE NEW."workspaceId" END;
  task_id text := CASE WHEN TG_OP = 'DELETE' THEN OLD."taskId" ELSE NEW."taskId" END;
BEGIN
  UPDATE "Task" SET "lastDueOn" = "atlas_task_last_due_on"(workspace_id, task_id)
   WHERE "workspaceId" = workspace_id AND id = task_id;
  RETURN NULL;
END $$;
CREATE TRIGGER "TaskVersion_task_last_due_on" AFTER INSERT OR UPDATE OR DELETE ON "TaskVersion"
  FOR EACH ROW EXECUTE FUNCTION "atlas_keep_task_last_due_on"();

REVOKE ALL ON FUNCTION "atlas_task_done_on"(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "atlas_task_last_due_on"(text, text) FROM PUBLIC;

-- Existing tasks.
UPDATE "Task" SET "doneOn" = "atlas_task_done_on"("workspaceId", id),
                  "lastDueOn" = "atlas_task_last_due_on"("workspaceId", id);

-- The app role edits a task's identity, never the kept days.
REVOKE UPDATE ON "Task" FROM atlas_app;
GRANT UPDATE ("goalId", "title", "notes", "archivedAt", "updatedAt") ON "Task" TO atlas_app;
