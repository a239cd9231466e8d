/**
 * Billing's integration harness: a private copy of the seeded database, the fake Stripe over
 * real HTTP, and a webhook receiver on loopback that runs the real `handleStripeWebhook` (so
 * every event is signed by the fake, verified and recorded for real). Handed-on work is queued;
 * `drain()` runs it through `processStripeEvent`, as the Inngest function or the local runner
 * would.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import type { PlanId } from "@atlas/core/billing/plan-catalog";
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase, type TestServer } from "@atlas/db/testing";
import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import { stripeClient } from "../client.ts";
import type { BillingDeps } from "../deps.ts";
import { parseApiBase, type BillingConfig } from "../env.ts";
import { processStripeEvent, type StripeEventResult } from "../sync.ts";
import { handleStripeWebhook, type StripeEventWork } from "../webhooks/stripe.ts";
import { startFakeStripe, type RunningFakeStripe } from "./fake-stripe.ts";

export const TEST_WEBHOOK_SECRET = "whsec_atlas_billing_tests";

export interface BillingHarness {
  database: TestDatabase;
  admin: Db;
  fake: RunningFakeStripe;
  stripe: Stripe;
  config: BillingConfig;
  deps: BillingDeps;
  /** The receiver's URL (the fake posts events here). */
  webhookUrl: string;
  /** Work handed on by the webhook and not yet run. */
  queue: StripeEventWork[];
  /** Sets the clock billing reads (pastDueSince, notices). */
  setNow(date: Date): void;
  /** Runs every queued work in order; returns the results. */
  drain(): Promise<StripeEventResult[]>;
  /** A new workspace on `plan` with an owner and `members` more members (all active). */
  createWorkspace(input?: { members?: number; plan?: PlanId }): Promise<TestWorkspace>;
  /** A new active member of the workspace. */
  addMember(workspaceId: string): Promise<string>;
  stop(): Promise<void>;
}

export interface TestWorkspace {
  id: string;
  ownerId: string;
  memberIds: string[];
}

export async function startBillingHarness(server: TestServer): Promise<BillingHarness> {
  const database = await cloneTestDatabase(server);
  const admin = createPrismaClient(database.adminUrl);
  const queue: StripeEventWork[] = [];
  let now = new Date();

  const receiver: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      void handleStripeWebhook(
        new Request("http://127.0.0.1/api/webhooks/stripe", {
          method: "POST",
          headers,
          body: Buffer.concat(chunks),
        }),
        {
          secret: TEST_WEBHOOK_SECRET,
          db: admin,
          handOn: async (work) => {
            queue.push(work);
          },
        },
      ).then(async (reply) => {
        response.writeHead(reply.status, { "content-type": "application/json" });
        response.end(await reply.text());
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;

  const fake = await startFakeStripe({
    webhookUrl,
    webhookSecret: TEST_WEBHOOK_SECRET,
    prices: [
      { id: "price_test_team", unitAmount: 800, nickname: "Team" },
      { id: "price_test_coach", unitAmount: 1500, nickname: "Coach" },
    ],
  });
  const config: BillingConfig = {
    secretKey: `sk_test_${randomBytes(6).toString("hex")}`,
    webhookSecret: TEST_WEBHOOK_SECRET,
    prices: { team: "price_test_team", coach: "price_test_coach" },
    apiBase: parseApiBase(fake.url),
  };
  const stripe = stripeClient(config);
  const deps: BillingDeps = {
    config,
    stripe,
    bypassDb: admin,
    now: () => now,
    log: { info: () => undefined, warn: () => undefined },
  };

  const plans = new Map(
    (await admin.plan.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]),
  );

  async function newUser() {
    const tag = randomBytes(5).toString("hex");
    const user = await admin.user.create({
      data: { email: `${tag}@billing.example.test`, name: `Person ${tag}` },
    });
    return user.id;
  }

  async function addMember(workspaceId: string) {
    const userId = await newUser();
    await admin.membership.create({ data: { workspaceId, userId, role: "member" } });
    return userId;
  }

  return {
    database,
    admin,
    fake,
    stripe,
    config,
    deps,
    webhookUrl,
    queue,
    setNow(date) {
      now = date;
    },
    async drain() {
      const results: StripeEventResult[] = [];
      while (queue.length > 0) results.push(await processStripeEvent(deps, queue.shift()!));
      return results;
    },
    async createWorkspace({ members = 0, plan = "free" } = {}) {
      const tag = randomBytes(5).toString("hex");
      const workspace = await admin.workspace.create({
        data: {
          name: `Billing ${tag}`,
          slug: `billing-${tag}`,
          planId: plans.get(plan)!,
          entitlements: entitlementsColumn(plan),
        },
      });
      const ownerId = await newUser();
      await admin.membership.create({
        data: { workspaceId: workspace.id, userId: ownerId, role: "owner" },
      });
      const memberIds: string[] = [];
      for (let i = 0; i < members; i++) memberIds.push(await addMember(workspace.id));
      return { id: workspace.id, ownerId, memberIds };
    },
    addMember,
    async stop() {
      await fake.stop();
      await new Promise((resolve) => receiver.close(resolve));
      await admin.$disconnect();
      await database.drop();
    },
  };
}
