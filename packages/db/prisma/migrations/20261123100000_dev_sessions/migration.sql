-- CreateTable
CREATE TABLE "DevSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DevSession_userId_idx" ON "DevSession"("userId");

-- AddForeignKey
ALTER TABLE "DevSession" ADD CONSTRAINT "DevSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A person's dev sessions are theirs: read, opened and closed under app.user_id only.
REVOKE ALL ON "DevSession" FROM atlas_app;
GRANT SELECT, INSERT, DELETE ON "DevSession" TO atlas_app;
ALTER TABLE "DevSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "DevSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_isolation ON "DevSession"
  USING ("userId" = NULLIF(current_setting('app.user_id', true), ''))
  WITH CHECK ("userId" = NULLIF(current_setting('app.user_id', true), ''));
