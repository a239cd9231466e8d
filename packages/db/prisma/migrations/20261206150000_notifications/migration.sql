-- Notifications (docs/domain.md "Notifications", ADR 0012): one delivery row per channel of each
-- notification, per-member timing settings, hourly digests, and embedded mode's e-mail outbox.

-- ── Enums ───────────────────────────────────────────────────────────────────────────────────
ALTER TYPE "DigestFrequency" ADD VALUE 'hourly' BEFORE 'daily';

CREATE TYPE "NotificationDeliveryStatus" AS ENUM
  ('queued', 'deferred', 'sent', 'failed', 'dropped_by_plan', 'degraded', 'skipped');

-- ── Timing moves from the per-category preference to one row per member ───────────────────
ALTER TABLE "NotificationPreference" DROP CONSTRAINT "NotificationPreference_quietHours_check";
ALTER TABLE "NotificationPreference"
  DROP COLUMN "quietHoursStartMinutes",
  DROP COLUMN "quietHoursEndMinutes",
  DROP COLUMN "digest";

CREATE TABLE "NotificationSettings" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quietHoursStartMinutes" INTEGER,
    "quietHoursEndMinutes" INTEGER,
    "digest" "DigestFrequency" NOT NULL DEFAULT 'daily',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "NotificationSettings_workspaceId_userId_key"
  ON "NotificationSettings"("workspaceId", "userId");
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_workspaceId_fkey"
  FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_workspaceId_userId_fkey"
  FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId")
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_quietHours_check"
  CHECK (
    ("quietHoursStartMinutes" IS NULL AND "quietHoursEndMinutes" IS NULL)
    OR ("quietHoursStartMinutes" IS NOT NULL AND "quietHoursEndMinutes" IS NOT NULL
        AND "quietHoursStartMinutes" BETWEEN 0 AND 1439 AND "quietHoursEndMinutes" BETWEEN 0 AND 1439
        AND "quietHoursStartMinutes" <> "quietHoursEndMinutes")
  );

-- ── Deliveries ──────────────────────────────────────────────────────────────────────────────
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "digest" "DigestFrequency",
    "status" "NotificationDeliveryStatus" NOT NULL DEFAULT 'queued',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "NotificationDelivery_notificationId_channel_key"
  ON "NotificationDelivery"("notificationId", "channel");
CREATE INDEX "NotificationDelivery_workspaceId_userId_status_dueAt_idx"
  ON "NotificationDelivery"("workspaceId", "userId", "status", "dueAt");
CREATE INDEX "NotificationDelivery_status_dueAt_idx" ON "NotificationDelivery"("status", "dueAt");
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_notificationId_fkey"
  FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_workspaceId_userId_fkey"
  FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId")
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_attempts_check"
  CHECK ("attempts" >= 0);
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_sentAt_check"
  CHECK (("status" = 'sent') = ("sentAt" IS NOT NULL));

-- ── Embedded outbox ─────────────────────────────────────────────────────────────────────────
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "EmailOutbox_createdAt_idx" ON "EmailOutbox"("createdAt");

-- ── Row-level security ──────────────────────────────────────────────────────────────────────
-- A member's settings and deliveries are theirs, inside the workspace (like Notification).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['NotificationSettings', 'NotificationDelivery']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY owner_isolation ON %I
         USING ("workspaceId" = NULLIF(current_setting(''app.workspace_id'', true), '''')
                AND "userId" = NULLIF(current_setting(''app.user_id'', true), ''''))
         WITH CHECK ("workspaceId" = NULLIF(current_setting(''app.workspace_id'', true), '''')
                     AND "userId" = NULLIF(current_setting(''app.user_id'', true), ''''))',
      t);
  END LOOP;
END $$;

-- The outbox holds every workspace's mail: the bypass client's alone.
ALTER TABLE "EmailOutbox" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "EmailOutbox" FORCE ROW LEVEL SECURITY;
REVOKE ALL ON "EmailOutbox" FROM atlas_app;
