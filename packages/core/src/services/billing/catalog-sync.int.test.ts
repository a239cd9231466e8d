/**
 * syncPlanCatalog on a seeded copy (the seed ran it once): the catalog's rows follow core's
 * catalog and the self-hosted configuration, and every workspace whose snapshot differs from its
 * plan's gets it again, audited; a second run changes nothing.
 */
import { AtlasConfigError } from "@atlas/config";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { snapshotOf } from "../../billing/plan-catalog.ts";
import { syncPlanCatalog } from "./catalog-sync.ts";

const NOW = new Date("2026-04-10T09:30:00.000Z");

let database: TestDatabase;
let admin: Db;
let demoId: string;
let secondId: string;

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
});

afterAll(async () => {
  await admin?.$disconnect();
  await database?.drop();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const snapshot = async (id: string) =>
  (await admin.workspace.findUniqueOrThrow({ where: { id }, select: { entitlements: true } }))
    .entitlements;
const entitlementsOf = async (key: string) =>
  Object.fromEntries(
    (
      await admin.planEntitlement.findMany({
        where: { plan: { key } },
        select: { feature: true, isEnabled: true, limitValue: true },
      })
    ).map(({ feature, ...e }) => [feature, e]),
  );

describe("syncPlanCatalog", () => {
  it("finds the seeded catalog in step: nothing to rewrite", async () => {
    const { planIds, resnapshotted } = await syncPlanCatalog(admin, NOW);
    expect([...planIds.keys()]).toEqual(["free", "team", "coach", "self_hosted"]);
    expect(resnapshotted).toEqual([]);
    expect(await entitlementsOf("team")).toEqual(snapshotOf("team").features);
  });

  it("puts the catalog's rows back and drops features the catalog no longer has", async () => {
    const free = await admin.plan.findUniqueOrThrow({ where: { key: "free" } });
    await admin.planEntitlement.create({
      data: { planId: free.id, feature: "ai_planner", isEnabled: true, limitValue: null },
    });
    await admin.planEntitlement.update({
      where: { planId_feature: { planId: free.id, feature: "membersPerWorkspace" } },
      data: { limitValue: 50 },
    });
    await admin.plan.update({ where: { id: free.id }, data: { name: "Starter" } });
    await syncPlanCatalog(admin, NOW);
    expect(await entitlementsOf("free")).toEqual(snapshotOf("free").features);
    expect((await admin.plan.findUniqueOrThrow({ where: { id: free.id } })).name).toBe("Free");
  });

  it("applies ATLAS_SELF_HOSTED_LIMITS to the self-hosted plan and its workspaces, audited, once", async () => {
    vi.stubEnv("ATLAS_SELF_HOSTED_LIMITS", '{"membersPerWorkspace": 3, "web_push": false}');
    const configured = snapshotOf("self_hosted", {
      membersPerWorkspace: { isEnabled: true, limitValue: 3 },
      web_push: { isEnabled: false, limitValue: null },
    });
    const { resnapshotted } = await syncPlanCatalog(admin, NOW);
    expect(resnapshotted.map((r) => r.workspaceId).sort()).toEqual([demoId, secondId].sort());
    expect(await snapshot(demoId)).toEqual(configured);
    expect(await snapshot(secondId)).toEqual(configured);
    expect(await entitlementsOf("self_hosted")).toEqual(configured.features);
    const audit = await admin.auditLog.findMany({
      where: { action: "billing.entitlements_synced", targetId: demoId },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      workspaceId: demoId,
      actorUserId: null,
      metadata: { planKey: "self_hosted", source: "catalog-sync" },
      createdAt: NOW,
    });

    // In step now: a second run rewrites nothing.
    expect((await syncPlanCatalog(admin, NOW)).resnapshotted).toEqual([]);

    // Configuration removed: the defaults come back.
    vi.unstubAllEnvs();
    expect((await syncPlanCatalog(admin, NOW)).resnapshotted).toHaveLength(2);
    expect(await snapshot(demoId)).toEqual(snapshotOf("self_hosted"));
  });

  it("gives a workspace whose snapshot says another plan its own plan's snapshot", async () => {
    const team = await admin.plan.findUniqueOrThrow({ where: { key: "team" } });
    const selfHosted = await admin.plan.findUniqueOrThrow({ where: { key: "self_hosted" } });
    await admin.workspace.update({ where: { id: secondId }, data: { planId: team.id } });
    try {
      const { resnapshotted } = await syncPlanCatalog(admin, NOW);
      expect(resnapshotted).toEqual([{ workspaceId: secondId, planKey: "team" }]);
      expect(await snapshot(secondId)).toEqual(snapshotOf("team"));
    } finally {
      await admin.workspace.update({
        where: { id: secondId },
        data: { planId: selfHosted.id, entitlements: snapshotOf("self_hosted") as object },
      });
    }
  });

  it("refuses a bad configuration before writing anything", async () => {
    vi.stubEnv("ATLAS_SELF_HOSTED_LIMITS", '{"membersPerWorkspace": "five"}');
    const before = await snapshot(demoId);
    await expect(syncPlanCatalog(admin, NOW)).rejects.toBeInstanceOf(AtlasConfigError);
    expect(await snapshot(demoId)).toEqual(before);
  });
});
