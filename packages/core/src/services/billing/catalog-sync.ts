/**
 * Keeps the database's plan catalog and the workspaces' snapshots in step with core's catalog
 * and the self-hosted configuration (docs/domain.md "Plans and entitlements"): the Plan and
 * PlanEntitlement rows are upserted from PLAN_CATALOG (features the catalog no longer has are
 * removed), and every workspace whose snapshot differs from its plan's (the self-hosted limits
 * changed, or a deploy changed the catalog) gets its plan's snapshot again, audited as
 * `billing.entitlements_synced`. Runs on the bypass client: the seed, every embedded start and
 * `pnpm db:plans` call it. Idempotent; concurrent runs queue on an advisory lock.
 */
import type { Db } from "@atlas/db";
import { PLAN_FEATURE_NAMES, PLAN_IDS, type PlanId } from "../../billing/plan-catalog.ts";
import type { PlainTx } from "../shared/db.ts";
import { planSnapshot } from "./self-hosted.ts";
import { entitlementsColumn } from "./snapshot.ts";

export interface CatalogSync {
  /** Each catalog plan's row id. */
  planIds: Map<PlanId, string>;
  /** The workspaces whose snapshot was rewritten. */
  resnapshotted: { workspaceId: string; planKey: PlanId }[];
}

/** The sync inside the caller's transaction (the seed's). */
export async function syncPlanCatalogIn(tx: PlainTx, now: Date): Promise<CatalogSync> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('atlas.plan-catalog'))`;
  const planIds = new Map<PlanId, string>();
  const resnapshotted: CatalogSync["resnapshotted"] = [];
  for (const planKey of PLAN_IDS) {
    const snapshot = planSnapshot(planKey);
    const plan = await tx.plan.upsert({
      where: { key: planKey },
      create: { key: planKey, name: snapshot.planName },
      update: { name: snapshot.planName },
      select: { id: true },
    });
    planIds.set(planKey, plan.id);
    for (const [feature, entitlement] of Object.entries(snapshot.features)) {
      const { isEnabled, limitValue } = entitlement;
      await tx.planEntitlement.upsert({
        where: { planId_feature: { planId: plan.id, feature } },
        create: { planId: plan.id, feature, isEnabled, limitValue },
        update: { isEnabled, limitValue },
      });
    }
    await tx.planEntitlement.deleteMany({
      where: { planId: plan.id, feature: { notIn: [...PLAN_FEATURE_NAMES] } },
    });
    // jsonb equality ignores key order: only snapshots that say something else are rewritten.
    const json = JSON.stringify(entitlementsColumn(planKey));
    const changed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Workspace" SET "entitlements" = ${json}::jsonb
      WHERE "planId" = ${plan.id} AND "entitlements" <> ${json}::jsonb
      RETURNING "id"`;
    if (changed.length > 0) {
      await tx.auditLog.createMany({
        data: changed.map(({ id }) => ({
          workspaceId: id,
          action: "billing.entitlements_synced",
          targetType: "workspace",
          targetId: id,
          metadata: { planKey, source: "catalog-sync" },
          createdAt: now,
        })),
      });
      resnapshotted.push(...changed.map(({ id }) => ({ workspaceId: id, planKey })));
    }
  }
  return { planIds, resnapshotted };
}

/** The sync in a transaction of its own, on the bypass client `db`. */
export function syncPlanCatalog(db: Db, now: Date): Promise<CatalogSync> {
  return db.$transaction((tx) => syncPlanCatalogIn(tx, now), { timeout: 60_000 });
}
