-- CreateTable
CREATE TABLE "CapacityVersion" (
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "capacityMonMinutes" INTEGER NOT NULL,
    "capacityTueMinutes" INTEGER NOT NULL,
    "capacityWedMinutes" INTEGER NOT NULL,
    "capacityThuMinutes" INTEGER NOT NULL,
    "capacityFriMinutes" INTEGER NOT NULL,
    "capacitySatMinutes" INTEGER NOT NULL,
    "capacitySunMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapacityVersion_pkey" PRIMARY KEY ("workspaceId","memberId","effectiveFrom")
);

-- AddForeignKey
ALTER TABLE "CapacityVersion" ADD CONSTRAINT "CapacityVersion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityVersion" ADD CONSTRAINT "CapacityVersion_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Capacity, as on Membership: minutes per day.
ALTER TABLE "CapacityVersion" ADD CONSTRAINT "CapacityVersion_minutes_check" CHECK (
  "capacityMonMinutes" BETWEEN 0 AND 1440 AND "capacityTueMinutes" BETWEEN 0 AND 1440 AND
  "capacityWedMinutes" BETWEEN 0 AND 1440 AND "capacityThuMinutes" BETWEEN 0 AND 1440 AND
  "capacityFriMinutes" BETWEEN 0 AND 1440 AND "capacitySatMinutes" BETWEEN 0 AND 1440 AND
  "capacitySunMinutes" BETWEEN 0 AND 1440);

-- Row-level security, as for every tenant table (20261122084900_tenancy).
GRANT SELECT, INSERT, UPDATE, DELETE ON "CapacityVersion" TO atlas_app;
ALTER TABLE "CapacityVersion" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CapacityVersion" FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "CapacityVersion"
  USING ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''))
  WITH CHECK ("workspaceId" = NULLIF(current_setting('app.workspace_id', true), ''));
