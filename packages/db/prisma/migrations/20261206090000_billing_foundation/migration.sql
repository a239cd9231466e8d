-- Billing's foundation (docs/adr/0009): the plan catalog's new keys, the workspace's entitlement
-- snapshot, the subscription as Stripe last said it, and notification dedupe keys.

-- ── The catalog's keys: free, team, coach (sold) and self_hosted (billing off) ─────────────────
-- "starter" was the old name of the free plan. Its rows keep their ids; the seed and the catalog
-- sync rewrite names and entitlements from core's catalog.
UPDATE "Plan" SET "key" = 'free', "name" = 'Free' WHERE "key" = 'starter';

-- ── The workspace's entitlement snapshot ──────────────────────────────────────────────────────
-- What the workspace's plan includes, copied onto the workspace by billing (the bypass role) so
-- that a request or a job checks a limit without reading the catalog. Shape (core's
-- EntitlementSnapshot): {"planKey", "planName", "features": {feature: {isEnabled, limitValue}}}.
ALTER TABLE "Workspace" ADD COLUMN "entitlements" JSONB;
UPDATE "Workspace" w
SET "entitlements" = jsonb_build_object(
  'planKey', p."key",
  'planName', p."name",
  'features', coalesce((SELECT jsonb_object_agg(e."feature",
                                               jsonb_build_object('isEnabled', e."isEnabled",
                                                                  'limitValue', e."limitValue"))
                        FROM "PlanEntitlement" e WHERE e."planId" = p.id), '{}'::jsonb))
FROM "Plan" p
WHERE p.id = w."planId";
ALTER TABLE "Workspace" ALTER COLUMN "entitlements" SET NOT NULL;
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_entitlements_check"
  CHECK (jsonb_typeof("entitlements") = 'object'
         AND "entitlements" ? 'planKey' AND jsonb_typeof("entitlements" -> 'features') = 'object');
-- The app role keeps its column grants (the settings): the snapshot is billing's alone.

-- ── The subscription as Stripe last said it ──────────────────────────────────────────────────
ALTER TABLE "Subscription"
  ADD COLUMN "stripePriceId" TEXT,
  ADD COLUMN "currentPeriodStart" TIMESTAMPTZ(3),
  ADD COLUMN "trialEnd" TIMESTAMPTZ(3),
  ADD COLUMN "canceledAt" TIMESTAMPTZ(3),
  -- When the subscription first went past_due in its current run of failed payments (null when
  -- it is not past_due): the dunning ladder counts from here.
  ADD COLUMN "pastDueSince" TIMESTAMPTZ(3),
  -- The billing period whose seat count was last lowered to the billable members (the monthly
  -- high-water mark, docs/adr/0010): seats rise at once, and fall only at a period's start.
  ADD COLUMN "seatsPeriodStart" TIMESTAMPTZ(3),
  -- When the row last converged to Stripe's subscription.
  ADD COLUMN "syncedAt" TIMESTAMPTZ(3);

-- ── Notification dedupe keys (a retried job or webhook notifies once) ───────────────────────
ALTER TABLE "Notification" ADD COLUMN "dedupeKey" TEXT;
CREATE UNIQUE INDEX "Notification_workspaceId_userId_dedupeKey_key"
  ON "Notification"("workspaceId", "userId", "dedupeKey");

-- ── The member check reads the snapshot and the dunning inputs ──────────────────────────────
-- Same rules as 20261205150000_access_functions; the return type grows, so drop and create.
DROP FUNCTION atlas_member_context(text, text);
CREATE FUNCTION atlas_member_context(p_user_id text, p_workspace_id text)
RETURNS TABLE (
  "role" text,
  "id" text,
  "name" text,
  "slug" text,
  "planId" text,
  "planKey" text,
  "sharesProgress" boolean,
  "lateEntryWindowDays" integer,
  "defaultTimeZone" text,
  "entitlements" jsonb,
  "billingStatus" text,
  "pastDueSince" timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT m.role::text, w.id, w.name, w.slug, w."planId", w."entitlements" ->> 'planKey',
         w."sharesProgress", w."lateEntryWindowDays", w."defaultTimeZone", w."entitlements",
         s.status::text, s."pastDueSince"
  FROM "Membership" m
  JOIN "Workspace" w ON w.id = m."workspaceId"
  LEFT JOIN "Subscription" s ON s."workspaceId" = w.id
  WHERE m."userId" = p_user_id AND m."workspaceId" = p_workspace_id AND m."leftAt" IS NULL
$$;
REVOKE ALL ON FUNCTION atlas_member_context(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION atlas_member_context(text, text) TO atlas_app;
