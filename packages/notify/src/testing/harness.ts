/**
 * The notify integration harness: a private copy of the seeded database, the app-role client
 * notify() binds to each recipient, a settable clock, and the scheduler and live inbox recorded
 * instead of sent (the delivery function is called directly, as the Inngest function would).
 */
import { randomBytes } from "node:crypto";
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import type { PlanId } from "@atlas/core/billing/plan-catalog";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase, type TestServer } from "@atlas/db/testing";
import type { DeliveryRequest, InboxEvent, NotifyDeps } from "../notify.ts";

export interface NotifyHarness {
  database: TestDatabase;
  /** The bypass role, for arranging and reading back. */
  admin: Db;
  deps: NotifyDeps;
  scheduled: DeliveryRequest[];
  published: InboxEvent[];
  setNow(date: Date): void;
  createWorkspace(plan?: PlanId): Promise<{ id: string; ownerId: string }>;
  /** A new active member; `timeZone` becomes their time setting. */
  addMember(workspaceId: string, timeZone?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startNotifyHarness(server: TestServer): Promise<NotifyHarness> {
  const database = await cloneTestDatabase(server);
  const admin = createPrismaClient(database.adminUrl);
  const app = createPrismaClient(database.appUrl);
  const scheduled: DeliveryRequest[] = [];
  const published: InboxEvent[] = [];
  let now = new Date();
  const plans = new Map(
    (await admin.plan.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]),
  );

  async function addMember(workspaceId: string, timeZone = "UTC", role = "member" as const) {
    const tag = randomBytes(5).toString("hex");
    const user = await admin.user.create({
      data: {
        email: `${tag}@notify.example.test`,
        name: `Person ${tag}`,
        timeSettings: { create: { effectiveFrom: new Date("2020-01-01"), timeZone } },
      },
    });
    await admin.membership.create({ data: { workspaceId, userId: user.id, role } });
    return user.id;
  }

  return {
    database,
    admin,
    deps: {
      db: app,
      clock: { now: () => now },
      schedule: async (request) => {
        scheduled.push(request);
      },
      publish: async (event) => {
        published.push(event);
      },
    },
    scheduled,
    published,
    setNow(date) {
      now = date;
    },
    async createWorkspace(plan = "free") {
      const tag = randomBytes(5).toString("hex");
      const workspace = await admin.workspace.create({
        data: {
          name: `Notify ${tag}`,
          slug: `notify-${tag}`,
          planId: plans.get(plan)!,
          entitlements: entitlementsColumn(plan),
        },
      });
      const ownerId = await admin.user
        .create({ data: { email: `owner-${tag}@notify.example.test`, name: `Owner ${tag}` } })
        .then((u) => u.id);
      await admin.membership.create({
        data: { workspaceId: workspace.id, userId: ownerId, role: "owner" },
      });
      return { id: workspace.id, ownerId };
    },
    addMember: (workspaceId, timeZone) => addMember(workspaceId, timeZone),
    async stop() {
      await app.$disconnect();
      await admin.$disconnect();
      await database.drop();
    },
  };
}
