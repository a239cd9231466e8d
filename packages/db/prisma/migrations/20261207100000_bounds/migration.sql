-- Atlas: the largest values the app may write (docs/domain.md "Bounds"). The API refuses them
-- first, in the member's words; these constraints make sure no other writer (a job, an import, a
-- bug) stores them. Named "<Table>_<rule>_check" like the first migration's; Prisma's migration
-- diff ignores CHECK constraints, so none of this shows up as drift.

ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_everyNDaysMax_check"
  CHECK ("everyNDays" IS NULL OR "everyNDays" <= 365);
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_targetValueMax_check"
  CHECK ("targetValue" IS NULL OR "targetValue" <= 1000000);

ALTER TABLE "TaskVersion" ADD CONSTRAINT "TaskVersion_estimateMinutesMax_check"
  CHECK ("estimateMinutes" <= 10080);

ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_valueMax_check"
  CHECK ("value" IS NULL OR "value" <= 1000000);

ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_lateEntryWindowDaysMax_check"
  CHECK ("lateEntryWindowDays" <= 60);
