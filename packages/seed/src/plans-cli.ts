/**
 * CLI: `pnpm db:plans`. Brings the database's plan catalog and every workspace's entitlement
 * snapshot in step with core's catalog and ATLAS_SELF_HOSTED_LIMITS (syncPlanCatalog), without
 * the demo data: run it after a deploy or a change of the self-hosted limits. The embedded start
 * runs the same sync by itself.
 */
import { AtlasConfigError } from "@atlas/config";
import { syncPlanCatalog } from "@atlas/core/services/billing/catalog-sync";
import { createPrismaClient } from "@atlas/db";
import { adminUrl } from "./admin-url.ts";

async function main(): Promise<void> {
  const db = createPrismaClient(adminUrl("db:plans"), { max: 1 });
  try {
    const { planIds, resnapshotted } = await syncPlanCatalog(db, new Date());
    console.log(
      `db:plans: ${planIds.size} plans in step; ${resnapshotted.length} workspace snapshots rewritten.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof AtlasConfigError) console.error(`db:plans: ${error.message}`);
  else console.error("db:plans failed:", error);
  process.exit(1);
});
