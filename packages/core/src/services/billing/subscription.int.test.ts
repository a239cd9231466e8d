/**
 * applySubscription on the real database (docs/architecture.md "Convergence"): whatever states
 * come before, the row, the plan and the snapshot end as the last state says; pastDueSince counts
 * from the first failed payment of the current run; nothing of the workspace is deleted. Random
 * histories, replayable from their seed.
 */
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotOf } from "../../billing/plan-catalog.ts";
import { prng } from "../../prng.ts";
import { entitlementsColumn } from "./snapshot.ts";
import {
  applySubscription,
  noSubscription,
  planOfState,
  withBillingLock,
  type SubscriptionState,
  type SubscriptionStatus,
} from "./subscription.ts";

let database: TestDatabase;
let admin: Db;

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl);
});

afterAll(async () => {
  await admin?.$disconnect();
  await database?.drop();
});

async function newWorkspace(tag: string) {
  const free = await admin.plan.findUniqueOrThrow({ where: { key: "free" } });
  return admin.workspace.create({
    data: {
      name: tag,
      slug: `sub-${tag}-${Date.now()}`,
      planId: free.id,
      entitlements: entitlementsColumn("free"),
    },
  });
}

const STATUSES: (SubscriptionStatus | "none")[] = [
  "none",
  "trialing",
  "active",
  "past_due",
  "unpaid",
  "canceled",
  "incomplete",
  "incomplete_expired",
  "paused",
];

function randomState(random: () => number, customer: string): SubscriptionState {
  const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
  if (status === "none") return noSubscription(customer);
  const start = new Date(Date.UTC(2026, Math.floor(random() * 12), 1));
  return {
    stripeCustomerId: customer,
    status,
    plan: random() < 0.5 ? "team" : "coach",
    stripeSubscriptionId: `sub_${customer}_${Math.floor(random() * 2)}`,
    priceId: "price_x",
    seats: 1 + Math.floor(random() * 9),
    currentPeriodStart: start,
    currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
    trialEnd: status === "trialing" ? new Date(start.getTime() + 14 * 86_400_000) : null,
    cancelAtPeriodEnd: random() < 0.2,
    canceledAt: status === "canceled" ? start : null,
  };
}

const isDunning = (status: string) => status === "past_due" || status === "unpaid";

describe("applySubscription over random histories", () => {
  const RUNS = Number(process.env.ATLAS_PROPERTY_RUNS ?? 12);

  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))("seed %i", async (seed) => {
    const random = prng(seed);
    const workspace = await newWorkspace(`s${seed}`);
    const customer = `cus_seed${seed}_${workspace.id.slice(-6)}`;
    let dunningSince: Date | null = null;
    let previousStatus: string = "none";
    for (let step = 0; step < 12; step++) {
      const state = randomState(random, customer);
      const now = new Date(Date.UTC(2026, 0, 1 + step));
      await withBillingLock(admin, workspace.id, (tx) =>
        applySubscription(tx, workspace.id, state, { now, source: "test" }),
      );
      // The model: the run of failed payments starts when one begins and ends with it.
      dunningSince = isDunning(state.status)
        ? isDunning(previousStatus)
          ? dunningSince
          : now
        : null;
      previousStatus = state.status;

      const row = await admin.subscription.findUniqueOrThrow({
        where: { workspaceId: workspace.id },
      });
      expect(row).toMatchObject({
        stripeCustomerId: customer,
        status: state.status === "none" ? null : state.status,
        stripeSubscriptionId: state.stripeSubscriptionId,
        currentPeriodStart: state.currentPeriodStart,
        currentPeriodEnd: state.currentPeriodEnd,
        trialEnd: state.trialEnd,
        cancelAtPeriodEnd: state.cancelAtPeriodEnd,
        canceledAt: state.canceledAt,
        pastDueSince: dunningSince,
        syncedAt: now,
      });
      if (state.status !== "none") expect(row.seats).toBe(state.seats);
      const after = await admin.workspace.findUniqueOrThrow({
        where: { id: workspace.id },
        select: { plan: { select: { key: true } }, entitlements: true },
      });
      expect(after.plan.key).toBe(planOfState(state));
      expect(after.entitlements).toEqual(snapshotOf(planOfState(state)));
    }
    // Applying the same state again changes nothing but the sync time, and audits nothing.
    const last = randomState(prng(seed * 7919), customer);
    const apply = (at: string) =>
      withBillingLock(admin, workspace.id, (tx) =>
        applySubscription(tx, workspace.id, last, { now: new Date(at), source: "test" }),
      );
    const read = () =>
      admin.subscription.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    const planAudits = () =>
      admin.auditLog.count({
        where: { workspaceId: workspace.id, action: "billing.plan_changed" },
      });
    await apply("2027-01-01");
    const [first, audits] = [await read(), await planAudits()];
    await apply("2027-01-02");
    const second = await read();
    const stable = ({ syncedAt: _s, updatedAt: _u, ...rest }: typeof first) => rest;
    expect(stable(second)).toEqual(stable(first));
    expect(await planAudits()).toBe(audits);
  });
});

describe("the Subscription row's backstop", () => {
  it("refuses a Stripe subscription id without a status", async () => {
    const workspace = await newWorkspace("backstop");
    const free = await admin.plan.findUniqueOrThrow({ where: { key: "free" } });
    await expect(
      admin.subscription.create({
        data: {
          workspaceId: workspace.id,
          planId: free.id,
          status: null,
          stripeSubscriptionId: "sub_without_status",
        },
      }),
    ).rejects.toThrow(/Subscription_status_check/);
  });
});
