-- AI suggestions as built (docs/domain.md "AI suggestions"): what a suggestion cost and who
-- answered, the member's per-item decisions, the coach's review, and the rules the database keeps
-- so that the app can never change what was proposed nor decide for someone else.

-- ── Columns ──────────────────────────────────────────────────────────────────────────────────
ALTER TABLE "AiSuggestion"
  ADD COLUMN "goalId" TEXT,
  ADD COLUMN "dedupeKey" TEXT,
  ADD COLUMN "fallbackReason" TEXT,
  ADD COLUMN "costMicroUsd" INTEGER,
  ADD COLUMN "decisions" JSONB,
  ADD COLUMN "reviewDecisions" JSONB,
  ADD COLUMN "reviewedById" TEXT,
  ADD COLUMN "reviewedAt" TIMESTAMPTZ(3),
  ADD COLUMN "reviewNote" TEXT;

CREATE UNIQUE INDEX "AiSuggestion_workspaceId_dedupeKey_key"
  ON "AiSuggestion"("workspaceId", "dedupeKey");
-- The member's history (keyset on id), the month's count for the quota, a goal's suggestions.
CREATE INDEX "AiSuggestion_workspaceId_memberId_id_idx" ON "AiSuggestion"("workspaceId", "memberId", "id");
CREATE INDEX "AiSuggestion_workspaceId_createdAt_idx" ON "AiSuggestion"("workspaceId", "createdAt");
CREATE INDEX "AiSuggestion_workspaceId_goalId_idx" ON "AiSuggestion"("workspaceId", "goalId");

-- A decompose_goal suggestion is about one of the member's own goals.
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_workspaceId_goalId_memberId_fkey"
  FOREIGN KEY ("workspaceId", "goalId", "memberId") REFERENCES "Goal"("workspaceId", "id", "memberId")
  ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_cost_check" CHECK ("costMicroUsd" IS NULL OR "costMicroUsd" >= 0);
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_text_check"
  CHECK (("fallbackReason" IS NULL OR length("fallbackReason") <= 100)
         AND ("dedupeKey" IS NULL OR length("dedupeKey") <= 300)
         AND ("reviewNote" IS NULL OR length("reviewNote") <= 2000));
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_goal_check"
  CHECK ("type" <> 'decompose_goal' OR "goalId" IS NOT NULL);
-- A member's decision comes with its items; a review with its reviewer and time.
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_decisions_check"
  CHECK (("status" IN ('accepted', 'edited') AND "decisions" IS NOT NULL)
         OR "status" NOT IN ('accepted', 'edited'));
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_review_check"
  CHECK (("reviewedById" IS NULL) = ("reviewedAt" IS NULL)
         AND ("reviewNote" IS NULL OR "reviewedById" IS NOT NULL)
         AND ("reviewDecisions" IS NULL OR "reviewedById" IS NOT NULL));

-- ── Who reads and writes them, as the app role ──────────────────────────────────────────────
-- Read: the member their own; the workspace's coaches, admins and owners all of it.
-- Insert: the pipeline runs bound as the member (requests and jobs alike), so a row is created
-- only for the member the transaction is bound to, undecided.
-- Update: the member or a coach of the workspace reaches the row; the trigger below decides which
-- change each may make. Nobody deletes one (a workspace's erasure cascades as the admin role).
DROP POLICY workspace_isolation ON "AiSuggestion";
CREATE POLICY ai_suggestion_read ON "AiSuggestion" FOR SELECT
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND ("memberId" = NULLIF(current_setting('app.user_id', true), '')
              OR "atlas_coaches_current_workspace"()));
CREATE POLICY ai_suggestion_insert ON "AiSuggestion" FOR INSERT
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
              AND "memberId" = NULLIF(current_setting('app.user_id', true), '')
              AND "status" IN ('proposed', 'pending_coach')
              AND "decisions" IS NULL AND "editedOutput" IS NULL
              AND "reviewedById" IS NULL AND "reviewDecisions" IS NULL);
CREATE POLICY ai_suggestion_update ON "AiSuggestion" FOR UPDATE
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
         AND ("memberId" = NULLIF(current_setting('app.user_id', true), '')
              OR "atlas_coaches_current_workspace"()))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
              AND ("memberId" = NULLIF(current_setting('app.user_id', true), '')
                   OR "atlas_coaches_current_workspace"()));

-- What was proposed never changes: the app role may update only the decision and review columns.
REVOKE UPDATE, DELETE, TRUNCATE ON "AiSuggestion" FROM atlas_app;
GRANT UPDATE ("status", "decisions", "editedOutput", "decidedById", "decidedAt",
              "reviewDecisions", "reviewedById", "reviewedAt", "reviewNote", "updatedAt")
  ON "AiSuggestion" TO atlas_app;

-- ── The life of a suggestion, for every role ───────────────────────────────────────────────
--   proposed       → accepted | edited | rejected   by the member, as themself (decidedById)
--                  → expired                        by anyone who reaches it
--   pending_coach  → proposed | rejected            by a coach, admin or owner of the workspace,
--                                                   as themself (reviewedById)
--                  → expired
--   accepted, edited, rejected, expired: final.
-- What was proposed (input, provider, model, prompt, output, tokens, cost, member, type, goal)
-- never changes; the decision is written once, with its transition; the review likewise.
CREATE FUNCTION "atlas_ai_suggestion_transition"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  acting text := NULLIF(current_setting('app.user_id', true), '');
BEGIN
  IF NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId"
     OR NEW."memberId" IS DISTINCT FROM OLD."memberId"
     OR NEW."type" IS DISTINCT FROM OLD."type"
     OR NEW."goalId" IS DISTINCT FROM OLD."goalId"
     OR NEW."dedupeKey" IS DISTINCT FROM OLD."dedupeKey"
     OR NEW."inputSnapshot" IS DISTINCT FROM OLD."inputSnapshot"
     OR NEW."provider" IS DISTINCT FROM OLD."provider"
     OR NEW."model" IS DISTINCT FROM OLD."model"
     OR NEW."promptVersion" IS DISTINCT FROM OLD."promptVersion"
     OR NEW."fallbackReason" IS DISTINCT FROM OLD."fallbackReason"
     OR NEW."output" IS DISTINCT FROM OLD."output"
     OR NEW."promptTokens" IS DISTINCT FROM OLD."promptTokens"
     OR NEW."completionTokens" IS DISTINCT FROM OLD."completionTokens"
     OR NEW."costMicroUsd" IS DISTINCT FROM OLD."costMicroUsd"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'what an AI suggestion proposed never changes'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."status" IN ('accepted', 'edited', 'rejected', 'expired') THEN
    RAISE EXCEPTION 'AI suggestion % is already %: its decision is final', OLD."id", OLD."status"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."status" = OLD."status" THEN
    RAISE EXCEPTION 'an AI suggestion changes only with its status' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The review is written only when a coach leaves the queue; the decision only by the member.
  IF NOT (OLD."status" = 'pending_coach' AND NEW."status" IN ('proposed', 'rejected'))
     AND (NEW."reviewedById" IS DISTINCT FROM OLD."reviewedById"
          OR NEW."reviewedAt" IS DISTINCT FROM OLD."reviewedAt"
          OR NEW."reviewNote" IS DISTINCT FROM OLD."reviewNote"
          OR NEW."reviewDecisions" IS DISTINCT FROM OLD."reviewDecisions") THEN
    RAISE EXCEPTION 'an AI suggestion is reviewed only in the approval queue'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT (OLD."status" = 'proposed' AND NEW."status" IN ('accepted', 'edited', 'rejected'))
     AND (NEW."decisions" IS DISTINCT FROM OLD."decisions"
          OR NEW."editedOutput" IS DISTINCT FROM OLD."editedOutput") THEN
    RAISE EXCEPTION 'an AI suggestion''s items are decided only by its member'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."status" = 'proposed' AND NEW."status" IN ('accepted', 'edited', 'rejected') THEN
    IF acting IS NULL OR OLD."memberId" <> acting OR NEW."decidedById" IS DISTINCT FROM acting THEN
      RAISE EXCEPTION 'only its member decides an AI suggestion, as themself'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF OLD."status" = 'pending_coach' AND NEW."status" IN ('proposed', 'rejected') THEN
    IF acting IS NULL OR NEW."reviewedById" IS DISTINCT FROM acting
       OR NOT "atlas_coaches_current_workspace"() THEN
      RAISE EXCEPTION 'only a coach, admin or owner of the workspace reviews an AI suggestion, as themself'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW."status" <> 'expired' THEN
    RAISE EXCEPTION 'an AI suggestion cannot go from % to %', OLD."status", NEW."status"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "AiSuggestion_transition"
  BEFORE UPDATE ON "AiSuggestion"
  FOR EACH ROW EXECUTE FUNCTION "atlas_ai_suggestion_transition"();

-- ── The month's count for the quota ─────────────────────────────────────────────────────────
-- The quota counts every suggestion of the workspace (docs/domain.md "AI suggestions"), while a
-- member reads only their own: this function answers the count of the bound workspace, nothing
-- else (docs/adr/0007: its scope comes from the transaction's own setting).
CREATE FUNCTION "atlas_ai_suggestions_since"(p_since timestamptz) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT count(*)::int FROM "AiSuggestion" s
   WHERE s."workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
     AND s."createdAt" >= p_since
$$;
REVOKE ALL ON FUNCTION "atlas_ai_suggestions_since"(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "atlas_ai_suggestions_since"(timestamptz) TO atlas_app;

-- ── Who uses AI suggestions, for the scheduled ones ─────────────────────────────────────────
-- The jobs suggest a Monday plan, a recovery or a deferral only to members who decided one of
-- their own suggestions since p_since. Jobs are bound to the workspace with no user, so they
-- read no suggestion: this function answers the member ids of the bound workspace, nothing else.
CREATE FUNCTION "atlas_ai_members_since"(p_since timestamptz) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT DISTINCT s."memberId" FROM "AiSuggestion" s
   WHERE s."workspaceId" = NULLIF(current_setting('app.workspace_id', true), '')
     AND s."createdAt" >= p_since
     AND s."decidedById" = s."memberId"
$$;
REVOKE ALL ON FUNCTION "atlas_ai_members_since"(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "atlas_ai_members_since"(timestamptz) TO atlas_app;
