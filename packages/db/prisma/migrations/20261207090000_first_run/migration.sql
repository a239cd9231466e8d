-- CreateEnum
CREATE TYPE "FirstRunStep" AS ENUM ('pick_habits', 'set_capacity', 'check_in', 'finished', 'skipped');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "firstRunStep" "FirstRunStep" NOT NULL DEFAULT 'pick_habits';


-- ── First run (docs/domain.md "First run") ──────────────────────────────────────────────────
-- The member moves through the guide themself: the app role may write this column besides the
-- capacity columns (20261123090000_backstops); the service only ever writes the caller's row.
GRANT UPDATE ("firstRunStep") ON "Membership" TO atlas_app;
