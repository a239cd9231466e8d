-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('owner', 'admin', 'coach', 'member');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('draft', 'active', 'completed', 'archived');

-- CreateEnum
CREATE TYPE "HabitSchedule" AS ENUM ('daily', 'days_of_week', 'times_per_week', 'every_n_days');

-- CreateEnum
CREATE TYPE "TargetDirection" AS ENUM ('at_least', 'at_most');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('todo', 'in_progress', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('done', 'partial', 'skip', 'undo');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('web', 'admin', 'api', 'import', 'system');

-- CreateEnum
CREATE TYPE "HabitDayState" AS ENUM ('met', 'partial', 'missed', 'skipped', 'repaired', 'pending', 'not_due');

-- CreateEnum
CREATE TYPE "AiSuggestionType" AS ENUM ('decompose_goal', 'weekly_plan', 'recovery', 'deferral');

-- CreateEnum
CREATE TYPE "AiSuggestionStatus" AS ENUM ('proposed', 'pending_coach', 'accepted', 'edited', 'rejected', 'expired');

-- CreateEnum
CREATE TYPE "CoachNoteVisibility" AS ENUM ('private', 'shared');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('in_app', 'email', 'web_push');

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('off', 'daily', 'weekly');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'unpaid');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "clerkUserId" TEXT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserTimeSetting" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "timeZone" TEXT NOT NULL,
    "dayStartMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserTimeSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "stripePriceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEntitlement" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "limitValue" INTEGER,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PlanEntitlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedWebhookEvent" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedWebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "clerkOrgId" TEXT,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "lateEntryWindowDays" INTEGER NOT NULL DEFAULT 7,
    "sharesProgress" BOOLEAN NOT NULL DEFAULT false,
    "aiAcceptanceThreshold" DECIMAL(4,3) NOT NULL DEFAULT 0.5,
    "defaultTimeZone" TEXT NOT NULL DEFAULT 'UTC',
    "planId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'member',
    "capacityMonMinutes" INTEGER NOT NULL DEFAULT 360,
    "capacityTueMinutes" INTEGER NOT NULL DEFAULT 360,
    "capacityWedMinutes" INTEGER NOT NULL DEFAULT 360,
    "capacityThuMinutes" INTEGER NOT NULL DEFAULT 360,
    "capacityFriMinutes" INTEGER NOT NULL DEFAULT 360,
    "capacitySatMinutes" INTEGER NOT NULL DEFAULT 0,
    "capacitySunMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("workspaceId","userId")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "GoalStatus" NOT NULL DEFAULT 'active',
    "targetDate" DATE,
    "lifeArea" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "doneOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Habit" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "goalId" TEXT,
    "title" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Habit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HabitVersion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "habitId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "schedule" "HabitSchedule" NOT NULL,
    "daysOfWeek" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "timesPerWeek" INTEGER,
    "everyNDays" INTEGER,
    "targetValue" DECIMAL(12,3),
    "targetUnit" TEXT,
    "targetDirection" "TargetDirection",
    "durationMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HabitVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "goalId" TEXT,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskVersion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'todo',
    "priority" "TaskPriority" NOT NULL DEFAULT 'medium',
    "dueDate" DATE,
    "plannedDate" DATE,
    "estimateMinutes" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutionEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "habitId" TEXT,
    "taskId" TEXT,
    "kind" "EventKind" NOT NULL,
    "value" DECIMAL(12,3),
    "localDate" DATE NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT NOT NULL,
    "source" "EventSource" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "note" TEXT,
    "revertsId" TEXT,

    CONSTRAINT "ExecutionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberDayScore" (
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "scoreNumerator" BIGINT,
    "scoreDenominator" BIGINT,
    "score" INTEGER,
    "dueCount" INTEGER NOT NULL DEFAULT 0,
    "doneCount" INTEGER NOT NULL DEFAULT 0,
    "consistency" DECIMAL(6,5),
    "isRecovering" BOOLEAN NOT NULL DEFAULT false,
    "loadMinutes" INTEGER NOT NULL DEFAULT 0,
    "capacityMinutes" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMPTZ(3),
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberDayScore_pkey" PRIMARY KEY ("workspaceId","memberId","localDate")
);

-- CreateTable
CREATE TABLE "HabitDayValue" (
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "habitId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "completion" DECIMAL(6,5),
    "strength" DECIMAL(8,7) NOT NULL DEFAULT 0,
    "streak" INTEGER NOT NULL DEFAULT 0,
    "state" "HabitDayState" NOT NULL,
    "isPendingRepair" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HabitDayValue_pkey" PRIMARY KEY ("workspaceId","habitId","localDate")
);

-- CreateTable
CREATE TABLE "AiSuggestion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "type" "AiSuggestionType" NOT NULL,
    "status" "AiSuggestionStatus" NOT NULL DEFAULT 'proposed',
    "inputSnapshot" JSONB NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "promptVersion" TEXT NOT NULL,
    "output" JSONB NOT NULL,
    "editedOutput" JSONB,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachNote" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "visibility" "CoachNoteVisibility" NOT NULL DEFAULT 'private',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "channel" "NotificationChannel" NOT NULL DEFAULT 'in_app',
    "readAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "kind" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "quietHoursStartMinutes" INTEGER,
    "quietHoursEndMinutes" INTEGER,
    "digest" "DigestFrequency" NOT NULL DEFAULT 'off',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushSubscription" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "stripeCustomerId" TEXT,
    "stripeSubscriptionId" TEXT,
    "status" "SubscriptionStatus" NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 1,
    "currentPeriodEnd" TIMESTAMPTZ(3),
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_clerkUserId_key" ON "User"("clerkUserId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "UserTimeSetting_userId_effectiveFrom_key" ON "UserTimeSetting"("userId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_key_key" ON "Plan"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_stripePriceId_key" ON "Plan"("stripePriceId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanEntitlement_planId_feature_key" ON "PlanEntitlement"("planId", "feature");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessedWebhookEvent_provider_eventId_key" ON "ProcessedWebhookEvent"("provider", "eventId");

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_createdAt_idx" ON "AuditLog"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_targetType_targetId_idx" ON "AuditLog"("workspaceId", "targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_clerkOrgId_key" ON "Workspace"("clerkOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE INDEX "Workspace_planId_idx" ON "Workspace"("planId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_role_idx" ON "Membership"("workspaceId", "role");

-- CreateIndex
CREATE INDEX "Goal_workspaceId_memberId_status_idx" ON "Goal"("workspaceId", "memberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_workspaceId_id_key" ON "Goal"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_workspaceId_id_memberId_key" ON "Goal"("workspaceId", "id", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_workspaceId_goalId_position_key" ON "Milestone"("workspaceId", "goalId", "position");

-- CreateIndex
CREATE INDEX "Habit_workspaceId_memberId_archivedAt_idx" ON "Habit"("workspaceId", "memberId", "archivedAt");

-- CreateIndex
CREATE INDEX "Habit_workspaceId_goalId_idx" ON "Habit"("workspaceId", "goalId");

-- CreateIndex
CREATE UNIQUE INDEX "Habit_workspaceId_id_key" ON "Habit"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Habit_workspaceId_id_memberId_key" ON "Habit"("workspaceId", "id", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "HabitVersion_workspaceId_habitId_effectiveFrom_key" ON "HabitVersion"("workspaceId", "habitId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Task_workspaceId_memberId_archivedAt_idx" ON "Task"("workspaceId", "memberId", "archivedAt");

-- CreateIndex
CREATE INDEX "Task_workspaceId_goalId_idx" ON "Task"("workspaceId", "goalId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_workspaceId_id_key" ON "Task"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Task_workspaceId_id_memberId_key" ON "Task"("workspaceId", "id", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskVersion_workspaceId_taskId_effectiveFrom_key" ON "TaskVersion"("workspaceId", "taskId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ExecutionEvent_workspaceId_memberId_localDate_idx" ON "ExecutionEvent"("workspaceId", "memberId", "localDate");

-- CreateIndex
CREATE INDEX "ExecutionEvent_workspaceId_habitId_localDate_idx" ON "ExecutionEvent"("workspaceId", "habitId", "localDate");

-- CreateIndex
CREATE INDEX "ExecutionEvent_workspaceId_taskId_localDate_idx" ON "ExecutionEvent"("workspaceId", "taskId", "localDate");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutionEvent_workspaceId_id_key" ON "ExecutionEvent"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutionEvent_workspaceId_idempotencyKey_key" ON "ExecutionEvent"("workspaceId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ExecutionEvent_workspaceId_revertsId_key" ON "ExecutionEvent"("workspaceId", "revertsId");

-- CreateIndex
CREATE INDEX "MemberDayScore_workspaceId_localDate_idx" ON "MemberDayScore"("workspaceId", "localDate");

-- CreateIndex
CREATE INDEX "HabitDayValue_workspaceId_memberId_localDate_idx" ON "HabitDayValue"("workspaceId", "memberId", "localDate");

-- CreateIndex
CREATE INDEX "AiSuggestion_workspaceId_memberId_type_status_idx" ON "AiSuggestion"("workspaceId", "memberId", "type", "status");

-- CreateIndex
CREATE INDEX "AiSuggestion_workspaceId_status_createdAt_idx" ON "AiSuggestion"("workspaceId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "CoachNote_workspaceId_memberId_createdAt_idx" ON "CoachNote"("workspaceId", "memberId", "createdAt");

-- CreateIndex
CREATE INDEX "CoachNote_workspaceId_authorId_idx" ON "CoachNote"("workspaceId", "authorId");

-- CreateIndex
CREATE INDEX "Notification_workspaceId_userId_createdAt_idx" ON "Notification"("workspaceId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_workspaceId_userId_readAt_idx" ON "Notification"("workspaceId", "userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_workspaceId_channel_sentAt_idx" ON "Notification"("workspaceId", "channel", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationPreference_workspaceId_userId_channel_kind_key" ON "NotificationPreference"("workspaceId", "userId", "channel", "kind");

-- CreateIndex
CREATE INDEX "PushSubscription_workspaceId_userId_idx" ON "PushSubscription"("workspaceId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_workspaceId_endpoint_key" ON "PushSubscription"("workspaceId", "endpoint");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_workspaceId_key" ON "Subscription"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_stripeCustomerId_key" ON "Subscription"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_stripeSubscriptionId_key" ON "Subscription"("stripeSubscriptionId");

-- CreateIndex
CREATE INDEX "Subscription_planId_idx" ON "Subscription"("planId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_workspaceId_createdAt_idx" ON "IdempotencyKey"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_workspaceId_key_key" ON "IdempotencyKey"("workspaceId", "key");

-- AddForeignKey
ALTER TABLE "UserTimeSetting" ADD CONSTRAINT "UserTimeSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEntitlement" ADD CONSTRAINT "PlanEntitlement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_workspaceId_goalId_fkey" FOREIGN KEY ("workspaceId", "goalId") REFERENCES "Goal"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Habit" ADD CONSTRAINT "Habit_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Habit" ADD CONSTRAINT "Habit_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Habit" ADD CONSTRAINT "Habit_workspaceId_goalId_memberId_fkey" FOREIGN KEY ("workspaceId", "goalId", "memberId") REFERENCES "Goal"("workspaceId", "id", "memberId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_workspaceId_habitId_fkey" FOREIGN KEY ("workspaceId", "habitId") REFERENCES "Habit"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_workspaceId_goalId_memberId_fkey" FOREIGN KEY ("workspaceId", "goalId", "memberId") REFERENCES "Goal"("workspaceId", "id", "memberId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskVersion" ADD CONSTRAINT "TaskVersion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskVersion" ADD CONSTRAINT "TaskVersion_workspaceId_taskId_fkey" FOREIGN KEY ("workspaceId", "taskId") REFERENCES "Task"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_workspaceId_habitId_memberId_fkey" FOREIGN KEY ("workspaceId", "habitId", "memberId") REFERENCES "Habit"("workspaceId", "id", "memberId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_workspaceId_taskId_memberId_fkey" FOREIGN KEY ("workspaceId", "taskId", "memberId") REFERENCES "Task"("workspaceId", "id", "memberId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_workspaceId_revertsId_fkey" FOREIGN KEY ("workspaceId", "revertsId") REFERENCES "ExecutionEvent"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_workspaceId_habitId_memberId_fkey" FOREIGN KEY ("workspaceId", "habitId", "memberId") REFERENCES "Habit"("workspaceId", "id", "memberId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachNote" ADD CONSTRAINT "CoachNote_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachNote" ADD CONSTRAINT "CoachNote_workspaceId_authorId_fkey" FOREIGN KEY ("workspaceId", "authorId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachNote" ADD CONSTRAINT "CoachNote_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Atlas: rules Prisma's schema language cannot express. Appended to the first migration, after
-- Prisma's generated DDL (PostgreSQL 15). Every constraint is named "<Table>_<rule>_check" so an
-- error names the rule it broke. Prisma's migration diff ignores CHECK constraints, functions and
-- triggers, so none of this shows up as drift.
--
-- Enum columns compare with text literals ('times_per_week'), which PostgreSQL casts to the enum.
-- A CHECK passes when its expression is NULL, so every branch tests its nullable columns
-- with IS NOT NULL explicitly.

-- ─────────────────────────────────────────────────────────────────────────────
-- Helpers
-- ─────────────────────────────────────────────────────────────────────────────

-- A non-empty set of ISO weekdays: one-dimensional, 1..7 only, no NULL, no duplicate.
CREATE FUNCTION "atlas_is_iso_weekday_set"(days integer[]) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT array_ndims(days) = 1
     AND cardinality(days) BETWEEN 1 AND 7
     AND NOT EXISTS (SELECT 1 FROM unnest(days) AS d WHERE d IS NULL OR d NOT BETWEEN 1 AND 7)
     AND (SELECT count(DISTINCT d) FROM unnest(days) AS d) = cardinality(days)
$$;

-- ─────────────────────────────────────────────────────────────────────────────
-- People and tenancy
-- ─────────────────────────────────────────────────────────────────────────────

ALTER TABLE "UserTimeSetting" ADD CONSTRAINT "UserTimeSetting_dayStartMinutes_check"
  CHECK ("dayStartMinutes" BETWEEN 0 AND 720);
ALTER TABLE "UserTimeSetting" ADD CONSTRAINT "UserTimeSetting_timeZone_check"
  CHECK (length("timeZone") > 0);

ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_lateEntryWindowDays_check"
  CHECK ("lateEntryWindowDays" >= 0);
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_aiAcceptanceThreshold_check"
  CHECK ("aiAcceptanceThreshold" BETWEEN 0 AND 1);
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_defaultTimeZone_check"
  CHECK (length("defaultTimeZone") > 0);

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacityMonMinutes_check"
  CHECK ("capacityMonMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacityTueMinutes_check"
  CHECK ("capacityTueMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacityWedMinutes_check"
  CHECK ("capacityWedMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacityThuMinutes_check"
  CHECK ("capacityThuMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacityFriMinutes_check"
  CHECK ("capacityFriMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacitySatMinutes_check"
  CHECK ("capacitySatMinutes" BETWEEN 0 AND 1440);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_capacitySunMinutes_check"
  CHECK ("capacitySunMinutes" BETWEEN 0 AND 1440);

-- ─────────────────────────────────────────────────────────────────────────────
-- Plans of work
-- ─────────────────────────────────────────────────────────────────────────────

ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_position_check"
  CHECK ("position" >= 0);

-- Prisma creates scalar lists as nullable columns: NULL is not a valid set of days.
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_daysOfWeek_check"
  CHECK (
    "daysOfWeek" IS NOT NULL
    AND CASE WHEN "schedule" = 'days_of_week'
             THEN "atlas_is_iso_weekday_set"("daysOfWeek")
             ELSE cardinality("daysOfWeek") = 0
        END
  );
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_timesPerWeek_check"
  CHECK (
    ("schedule" = 'times_per_week') = ("timesPerWeek" IS NOT NULL)
    AND ("timesPerWeek" IS NULL OR "timesPerWeek" BETWEEN 1 AND 7)
  );
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_everyNDays_check"
  CHECK (
    ("schedule" = 'every_n_days') = ("everyNDays" IS NOT NULL)
    AND ("everyNDays" IS NULL OR "everyNDays" >= 2)
  );
-- A measurable target is value > 0 with a unit and a direction, or none of the three.
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_target_check"
  CHECK (
    ("targetValue" IS NULL AND "targetUnit" IS NULL AND "targetDirection" IS NULL)
    OR ("targetValue" IS NOT NULL AND "targetValue" > 0
        AND "targetUnit" IS NOT NULL AND length(btrim("targetUnit")) > 0
        AND "targetDirection" IS NOT NULL)
  );
ALTER TABLE "HabitVersion" ADD CONSTRAINT "HabitVersion_durationMinutes_check"
  CHECK ("durationMinutes" BETWEEN 0 AND 1440);

ALTER TABLE "TaskVersion" ADD CONSTRAINT "TaskVersion_estimateMinutes_check"
  CHECK ("estimateMinutes" >= 0);

-- ─────────────────────────────────────────────────────────────────────────────
-- The execution log
-- ─────────────────────────────────────────────────────────────────────────────

ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_item_check"
  CHECK (num_nonnulls("habitId", "taskId") = 1);
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_undo_check"
  CHECK (("kind" = 'undo') = ("revertsId" IS NOT NULL));
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_revertsSelf_check"
  CHECK ("revertsId" IS NULL OR "revertsId" <> "id");
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_value_check"
  CHECK ("value" IS NULL OR "value" >= 0);
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_valueKind_check"
  CHECK ("kind" NOT IN ('skip', 'undo') OR "value" IS NULL);
-- partial = a logged value below the target: it always carries the value.
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_partialValue_check"
  CHECK ("kind" <> 'partial' OR "value" IS NOT NULL);
ALTER TABLE "ExecutionEvent" ADD CONSTRAINT "ExecutionEvent_idempotencyKey_check"
  CHECK (length("idempotencyKey") > 0);

-- An undo takes its target's member, item and day, and never targets another undo. (The
-- composite foreign key keeps the target in the workspace; the unique (workspaceId, revertsId)
-- lets an event be reverted at most once.) The application answers 409 before it gets here;
-- this is the database's backstop. Reported as a check violation (SQLSTATE 23514).
CREATE FUNCTION "ExecutionEvent_undoTarget_check"() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  target record;
BEGIN
  SELECT "memberId", "habitId", "taskId", "localDate", "kind"
    INTO target
    FROM "ExecutionEvent"
   WHERE "workspaceId" = NEW."workspaceId" AND "id" = NEW."revertsId";
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key "ExecutionEvent_workspaceId_revertsId_fkey" reports it
  END IF;
  IF target."kind" = 'undo' THEN
    RAISE EXCEPTION 'an undo cannot revert another undo (event %)', NEW."revertsId"
      USING ERRCODE = 'check_violation', TABLE = 'ExecutionEvent',
            CONSTRAINT = 'ExecutionEvent_undoTarget_check';
  END IF;
  IF target."memberId" IS DISTINCT FROM NEW."memberId"
     OR target."habitId" IS DISTINCT FROM NEW."habitId"
     OR target."taskId" IS DISTINCT FROM NEW."taskId"
     OR target."localDate" IS DISTINCT FROM NEW."localDate" THEN
    RAISE EXCEPTION 'an undo must carry its target''s member, item and local date (event %)', NEW."revertsId"
      USING ERRCODE = 'check_violation', TABLE = 'ExecutionEvent',
            CONSTRAINT = 'ExecutionEvent_undoTarget_check';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "ExecutionEvent_undoTarget_check"
  BEFORE INSERT ON "ExecutionEvent"
  FOR EACH ROW
  WHEN (NEW."revertsId" IS NOT NULL)
  EXECUTE FUNCTION "ExecutionEvent_undoTarget_check"();

-- ─────────────────────────────────────────────────────────────────────────────
-- Derived values
-- ─────────────────────────────────────────────────────────────────────────────

-- score, numerator and denominator are all set (a scored day) or all null (nothing scored);
-- 0 <= numerator <= denominator; score = round_half_up(100 * numerator / denominator),
-- i.e. floor((200n + d) / 2d), computed exactly in numeric so a large fraction cannot overflow.
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_score_check"
  CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100);
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_fraction_check"
  CHECK (
    ("scoreNumerator" IS NULL AND "scoreDenominator" IS NULL AND "score" IS NULL)
    OR (
      "scoreNumerator" IS NOT NULL AND "scoreDenominator" IS NOT NULL AND "score" IS NOT NULL
      AND "scoreDenominator" > 0
      AND "scoreNumerator" BETWEEN 0 AND "scoreDenominator"
      AND "score" = div(200 * "scoreNumerator"::numeric + "scoreDenominator",
                        2 * "scoreDenominator"::numeric)
    )
  );
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_counts_check"
  CHECK ("dueCount" >= 0 AND "doneCount" >= 0);
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_consistency_check"
  CHECK ("consistency" IS NULL OR "consistency" BETWEEN 0 AND 1);
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_loadMinutes_check"
  CHECK ("loadMinutes" >= 0);
ALTER TABLE "MemberDayScore" ADD CONSTRAINT "MemberDayScore_capacityMinutes_check"
  CHECK ("capacityMinutes" BETWEEN 0 AND 1440);

ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_completion_check"
  CHECK ("completion" IS NULL OR "completion" BETWEEN 0 AND 1);
ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_strength_check"
  CHECK ("strength" BETWEEN 0 AND 1);
ALTER TABLE "HabitDayValue" ADD CONSTRAINT "HabitDayValue_streak_check"
  CHECK ("streak" >= 0);

-- ─────────────────────────────────────────────────────────────────────────────
-- AI suggestions
-- ─────────────────────────────────────────────────────────────────────────────

ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_tokens_check"
  CHECK ("promptTokens" >= 0 AND "completionTokens" >= 0);
-- Undecided suggestions carry no decision; accepted/edited/rejected ones carry its time
-- (decidedById may be null after the decider's user row is deleted, or for a system decision).
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_decision_check"
  CHECK (
    CASE
      WHEN "status" IN ('proposed', 'pending_coach') THEN "decidedAt" IS NULL AND "decidedById" IS NULL
      WHEN "status" IN ('accepted', 'edited', 'rejected') THEN "decidedAt" IS NOT NULL
      ELSE true
    END
  );
ALTER TABLE "AiSuggestion" ADD CONSTRAINT "AiSuggestion_editedOutput_check"
  CHECK ("status" <> 'edited' OR "editedOutput" IS NOT NULL);

-- ─────────────────────────────────────────────────────────────────────────────
-- Notifications
-- ─────────────────────────────────────────────────────────────────────────────

ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_quietHours_check"
  CHECK (
    ("quietHoursStartMinutes" IS NULL AND "quietHoursEndMinutes" IS NULL)
    OR ("quietHoursStartMinutes" IS NOT NULL AND "quietHoursEndMinutes" IS NOT NULL
        AND "quietHoursStartMinutes" BETWEEN 0 AND 1439 AND "quietHoursEndMinutes" BETWEEN 0 AND 1439)
  );

-- ─────────────────────────────────────────────────────────────────────────────
-- Billing and idempotency
-- ─────────────────────────────────────────────────────────────────────────────

ALTER TABLE "PlanEntitlement" ADD CONSTRAINT "PlanEntitlement_limitValue_check"
  CHECK ("limitValue" IS NULL OR "limitValue" >= 0);

ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_seats_check"
  CHECK ("seats" >= 1);

ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_key_check"
  CHECK (length("key") > 0);
