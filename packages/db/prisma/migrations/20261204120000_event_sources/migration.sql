-- Every write names its caller (docs/domain.md "The execution log"): background jobs and the AI
-- planner get their own sources; 'system' was never written and becomes 'job'.
ALTER TYPE "EventSource" RENAME VALUE 'system' TO 'job';
ALTER TYPE "EventSource" ADD VALUE 'ai';
