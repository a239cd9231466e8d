/**
 * The billing page's procedures (docs/domain.md "Billing page") through createCaller as the
 * application role, against the local fake Stripe over real HTTP: the summary, Checkout (its
 * parameters checked on the fake's side), plan change previews and changes, the Customer Portal,
 * invoices page by page, who may see and do what, billing off, and Stripe failing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { parseApiBase, type BillingConfig } from "@atlas/billing";
import { billingPageDeps, type BillingPageDeps } from "@atlas/billing/portal/deps";
import { syncCustomer } from "@atlas/billing/sync";
import { startFakeStripe, type RunningFakeStripe } from "@atlas/billing/testing/fake-stripe";
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import { Stripe, STRIPE_API_VERSION } from "@atlas/billing/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";

const APP_URL = "http://127.0.0.1:3000";
let h: Harness;
let fake: RunningFakeStripe;
let deps: BillingPageDeps;
/** The fake's clock and billing's: moved forward when a test needs a period to have begun. */
let now = new Date();

const config = (url: string): BillingConfig => ({
  secretKey: "sk_test_billing_page",
  webhookSecret: "whsec_billing_page",
  prices: { team: "price_atlas_team", coach: "price_atlas_coach" },
  apiBase: parseApiBase(url),
});

beforeAll(async () => {
  h = await createHarness();
  // No webhook URL: the tests converge the workspace as the webhook would (syncCustomer).
  fake = await startFakeStripe({ now: () => now });
  deps = billingPageDeps(APP_URL, {
    config: config(fake.url),
    bypassDb: h.admin,
    now: () => now,
  })!;
});

afterAll(async () => {
  await fake?.stop();
  await h?.close();
});

interface Team {
  workspaceId: string;
  owner: string;
  admin: string;
  coach: string;
  member: string;
}

/** A workspace on the free plan with an owner, an admin, a coach and a member. */
async function freeWorkspace(): Promise<Team> {
  const free = await h.admin.plan.findUniqueOrThrow({ where: { key: "free" } });
  const suffix = randomUUID().slice(0, 8);
  const workspace = await h.admin.workspace.create({
    data: {
      name: `Billing Co ${suffix}`,
      slug: `billing-${suffix}`,
      planId: free.id,
      entitlements: entitlementsColumn("free"),
    },
  });
  const people = {} as Record<"owner" | "admin" | "coach" | "member", string>;
  for (const role of ["owner", "admin", "coach", "member"] as const) {
    const user = await h.admin.user.create({
      data: { email: `${role}-${suffix}@atlas.test`, name: `${role} ${suffix}` },
    });
    await h.admin.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    people[role] = user.id;
  }
  return { workspaceId: workspace.id, ...people };
}

/** A caller as `userId` in `team`'s workspace, billing on (or `billing`). */
function as(team: Team, userId: string, billing: BillingPageDeps | null = deps) {
  return h.as(userId, null, { billing }).billing;
}
const ws = (team: Team) => ({ workspaceId: team.workspaceId });

/** The owner goes through Checkout on the fake's page; the workspace converges as on the webhook. */
async function subscribe(team: Team, plan: "team" | "coach" = "team") {
  const { url } = await as(team, team.owner).checkout({
    ...ws(team),
    plan,
    idempotencyKey: randomUUID(),
  });
  const pay = await fetch(url, { method: "POST", redirect: "manual" });
  expect(pay.status).toBe(303);
  const session = fake.fake.checkoutSessions.get(url.split("/").at(-1)!)!.session;
  await syncCustomer(deps, session.customer as string, { source: "test" });
  return { subscriptionId: session.subscription as string, customerId: session.customer as string };
}

describe("who sees billing", () => {
  it("refuses members and coaches (403), before anything else", async () => {
    const team = await freeWorkspace();
    for (const who of [team.member, team.coach]) {
      for (const billing of [deps, null]) {
        const caller = as(team, who, billing);
        for (const call of [
          () => caller.summary(ws(team)),
          () => caller.invoices(ws(team)),
          () => caller.previewPlanChange({ ...ws(team), plan: "team" }),
          () => caller.checkout({ ...ws(team), plan: "team", idempotencyKey: randomUUID() }),
          () => caller.changePlan({ ...ws(team), plan: "team" }),
          () => caller.portal(ws(team)),
        ]) {
          const refusal = await rejectionOf(call());
          expect(refusal.code).toBe("FORBIDDEN");
          expect(refusal.message).toMatch(/^Your role \((member|coach)\) may not see billing\.$/);
        }
      }
    }
  });

  it("lets admins read (summary, invoices, previews) and refuses them every action", async () => {
    const team = await freeWorkspace();
    const admin = as(team, team.admin);
    const summary = await admin.summary(ws(team));
    expect(summary).toMatchObject({ billingEnabled: true, canManage: false });
    expect(await admin.invoices(ws(team))).toEqual({ items: [], nextCursor: null });
    for (const call of [
      () => admin.checkout({ ...ws(team), plan: "team", idempotencyKey: randomUUID() }),
      () => admin.changePlan({ ...ws(team), plan: "coach" }),
      () => admin.portal(ws(team)),
    ]) {
      const refusal = await rejectionOf(call());
      expect(refusal).toMatchObject({
        code: "FORBIDDEN",
        message: "Your role (admin) may not manage billing.",
      });
    }
  });

  it("shows nothing of another workspace: the route parameter must be one's own", async () => {
    const [a, b] = [await freeWorkspace(), await freeWorkspace()];
    const refusal = await rejectionOf(as(a, a.owner).summary(ws(b)));
    expect(refusal).toMatchObject({
      code: "FORBIDDEN",
      message: "You are not a member of this workspace.",
    });
  });
});

describe("billing off (no Stripe key)", () => {
  it("shows the self-hosted plan and its limits, and refuses every Stripe action", async () => {
    const owner = h.as("owner", "demo", { billing: null }).billing;
    const summary = await owner.summary({});
    expect(summary).toMatchObject({
      billingEnabled: false,
      plan: { key: "self_hosted", name: "Self-hosted" },
      seats: { used: 6 },
    });
    expect(summary.features.find((f) => f.feature === "coach_console")?.value).toBe("Included");
    for (const call of [
      () => owner.checkout({ plan: "team", idempotencyKey: randomUUID() }),
      () => owner.changePlan({ plan: "team" }),
      () => owner.previewPlanChange({ plan: "team" }),
      () => owner.portal({}),
      () => owner.invoices({}),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({
        code: "PRECONDITION_FAILED",
        message: "Billing is off on this server (self-hosted plan).",
      });
    }
  });
});

describe("a free workspace", () => {
  it("summarises the plan, the seats and the comparison", async () => {
    const team = await freeWorkspace();
    const summary = await as(team, team.owner).summary(ws(team));
    expect(summary).toMatchObject({
      billingEnabled: true,
      canManage: true,
      plan: { key: "free", name: "Free" },
      seats: { used: 4, paid: null },
      subscription: null,
      nextInvoice: null,
      stripeUnavailable: null,
      trialAvailable: true,
      dunning: { stage: "none", pastDueSince: null },
    });
    if (!summary.billingEnabled) throw new Error("billing is on");
    expect(summary.plans.map((p) => [p.id, p.pricePerSeatMonthlyCents])).toEqual([
      ["free", 0],
      ["team", 800],
      ["coach", 1500],
    ]);
    expect(summary.comparison.find((r) => r.feature === "web_push")?.values).toEqual({
      free: "—",
      team: "Included",
      coach: "Included",
    });
  });

  it("has no portal and no plan to change before Checkout", async () => {
    const team = await freeWorkspace();
    const owner = as(team, team.owner);
    expect(await rejectionOf(owner.portal(ws(team)))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await rejectionOf(owner.changePlan({ ...ws(team), plan: "team" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This workspace has no subscription yet: choose a plan to open Checkout.",
    });
    expect(await rejectionOf(owner.previewPlanChange({ ...ws(team), plan: "free" }))).toMatchObject(
      { code: "CONFLICT", message: "The workspace is already on the Free plan." },
    );
  });
});

describe("Checkout", () => {
  it("opens a subscription session: per-seat price, one seat per member, a 14-day trial, the workspace in metadata, back to /billing", async () => {
    const team = await freeWorkspace();
    const key = randomUUID();
    const { url } = await as(team, team.owner).checkout({
      ...ws(team),
      plan: "team",
      idempotencyKey: key,
    });
    const record = fake.fake.checkoutSessions.get(url.split("/").at(-1)!)!;
    expect(record).toMatchObject({
      price: "price_atlas_team",
      quantity: 4,
      trialDays: 14,
      subscriptionMetadata: { workspaceId: team.workspaceId },
    });
    expect(record.session).toMatchObject({
      mode: "subscription",
      client_reference_id: team.workspaceId,
      metadata: { workspaceId: team.workspaceId },
      success_url: `${APP_URL}/billing?checkout=success`,
      cancel_url: `${APP_URL}/billing?checkout=canceled`,
    });
    const customer = fake.fake.customer(record.session.customer as string);
    expect(customer.metadata).toEqual({ workspaceId: team.workspaceId });
    expect(customer.email).toBe(
      (await h.admin.user.findUniqueOrThrow({ where: { id: team.owner } })).email,
    );

    // The same click again (a retry): the same session, no second one.
    const sessions = fake.fake.checkoutSessions.size;
    const again = await as(team, team.owner).checkout({
      ...ws(team),
      plan: "team",
      idempotencyKey: key,
    });
    expect(again.url).toBe(url);
    expect(fake.fake.checkoutSessions.size).toBe(sessions);
  });

  it("after paying: the Team plan, seats paid, the trial's end and the next invoice; a second Checkout is refused", async () => {
    const team = await freeWorkspace();
    const { subscriptionId } = await subscribe(team);
    const summary = await as(team, team.owner).summary(ws(team));
    const subscription = fake.fake.subscription(subscriptionId);
    const trialEnd = new Date(subscription.trial_end! * 1000).toISOString();
    expect(summary).toMatchObject({
      plan: { key: "team", name: "Team" },
      seats: { used: 4, paid: 4 },
      subscription: {
        status: "trialing",
        plan: "team",
        trialEnd,
        cancelAtPeriodEnd: false,
        pendingChange: null,
      },
      nextInvoice: { date: trialEnd, amountDueCents: 4 * 800, currency: "usd" },
      trialAvailable: false,
    });

    const refusal = await rejectionOf(
      as(team, team.owner).checkout({ ...ws(team), plan: "coach", idempotencyKey: randomUUID() }),
    );
    expect(refusal).toMatchObject({ code: "CONFLICT" });
    expect(refusal.message).toMatch(/already has a subscription/);
  });

  it("is refused while Stripe has a subscription the webhook has not brought yet", async () => {
    const team = await freeWorkspace();
    const { url } = await as(team, team.owner).checkout({
      ...ws(team),
      plan: "team",
      idempotencyKey: randomUUID(),
    });
    await fetch(url, { method: "POST", redirect: "manual" }); // paid; no sync yet
    const refusal = await rejectionOf(
      as(team, team.owner).checkout({ ...ws(team), plan: "team", idempotencyKey: randomUUID() }),
    );
    expect(refusal.code).toBe("CONFLICT");
  });
});

describe("plan changes", () => {
  it("upgrade Team → Coach: previewed proration charged at once, exactly", async () => {
    const team = await freeWorkspace();
    const { subscriptionId } = await subscribe(team);
    await fake.fake.advance(subscriptionId); // the trial ends: a paid period starts
    const periodStart = fake.fake.subscription(subscriptionId).items.data[0]!.current_period_start;
    now = new Date((periodStart + 3 * 86_400) * 1000); // three days into it
    await syncCustomer(deps, fake.fake.subscription(subscriptionId).customer as string, {
      source: "test",
    });
    const owner = as(team, team.owner);

    const preview = await owner.previewPlanChange({ ...ws(team), plan: "coach" });
    const item = fake.fake.subscription(subscriptionId).items.data[0]!;
    expect(preview).toMatchObject({
      from: "team",
      to: "coach",
      kind: "upgrade",
      seats: 4,
      nextInvoice: {
        date: new Date(item.current_period_end * 1000).toISOString(),
        amountDueCents: 4 * 1500,
      },
    });
    expect(preview.dueNowCents).toBeGreaterThan(0);
    expect(preview.dueNowCents).toBeLessThanOrEqual(4 * (1500 - 800));
    expect(preview.changes.map((c) => c.feature)).toContain("coach_console");
    expect(preview.changes.every((c) => !c.isLoss)).toBe(true);

    expect(await rejectionOf(owner.changePlan({ ...ws(team), plan: "coach" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const changed = await owner.changePlan({
      ...ws(team),
      plan: "coach",
      prorationDate: preview.prorationDate!,
    });
    expect(changed).toMatchObject({ plan: "coach", kind: "upgrade" });

    const invoices = await owner.invoices(ws(team));
    expect(invoices.items[0]).toMatchObject({
      status: "paid",
      amountDueCents: preview.dueNowCents,
    });
    const summary = await owner.summary(ws(team));
    expect(summary).toMatchObject({
      plan: { key: "coach" },
      subscription: { plan: "coach", status: "active", pendingChange: null },
    });
    // Confirming again changes nothing: the workspace is on Coach already.
    expect(
      await rejectionOf(
        owner.changePlan({ ...ws(team), plan: "coach", prorationDate: preview.prorationDate! }),
      ),
    ).toMatchObject({ code: "CONFLICT", message: "The workspace is already on the Coach plan." });
  });

  it("downgrade Coach → Team at the period's end, kept until then; choosing Coach again keeps it", async () => {
    const team = await freeWorkspace();
    const { subscriptionId, customerId } = await subscribe(team, "coach");
    const owner = as(team, team.owner);
    const periodEnd = new Date(
      fake.fake.subscription(subscriptionId).items.data[0]!.current_period_end * 1000,
    ).toISOString();

    const preview = await owner.previewPlanChange({ ...ws(team), plan: "team" });
    expect(preview).toMatchObject({
      kind: "downgrade",
      effectiveAt: periodEnd,
      dueNowCents: 0,
      nextInvoice: { date: periodEnd, amountDueCents: 4 * 800 },
      prorationDate: null,
    });
    expect(preview.changes.filter((c) => c.isLoss).map((c) => c.feature)).toEqual(
      expect.arrayContaining(["coach_console", "approval_queue", "coach_digest"]),
    );

    await owner.changePlan({ ...ws(team), plan: "team" });
    let summary = await owner.summary(ws(team));
    expect(summary).toMatchObject({
      plan: { key: "coach" },
      subscription: { plan: "coach", pendingChange: { plan: "team", effectiveAt: periodEnd } },
      nextInvoice: { amountDueCents: 4 * 800 },
    });
    // Again: already scheduled, nothing more happens.
    await owner.changePlan({ ...ws(team), plan: "team" });

    const keep = await owner.previewPlanChange({ ...ws(team), plan: "coach" });
    expect(keep).toMatchObject({ kind: "keep", dueNowCents: 0 });
    expect(keep.changes.map((c) => c.feature)).toContain("coach_console");
    await owner.changePlan({ ...ws(team), plan: "coach" });
    summary = await owner.summary(ws(team));
    expect(summary).toMatchObject({
      subscription: { pendingChange: null },
      nextInvoice: { amountDueCents: 4 * 1500 },
    });

    // Scheduled again, the period ends: the workspace is on Team.
    await owner.changePlan({ ...ws(team), plan: "team" });
    await fake.fake.advance(subscriptionId);
    await syncCustomer(deps, customerId, { source: "test" });
    expect(await owner.summary(ws(team))).toMatchObject({
      plan: { key: "team" },
      subscription: { plan: "team", pendingChange: null },
    });
  });

  it("downgrade to Free: the subscription ends at the period's end, no next invoice", async () => {
    const team = await freeWorkspace();
    const { subscriptionId, customerId } = await subscribe(team);
    const owner = as(team, team.owner);
    const preview = await owner.previewPlanChange({ ...ws(team), plan: "free" });
    expect(preview).toMatchObject({ kind: "downgrade", nextInvoice: null, dueNowCents: 0 });
    expect(preview.changes.find((c) => c.feature === "membersPerWorkspace")).toMatchObject({
      from: "Unlimited",
      to: "5 members",
      isLoss: true,
    });
    await owner.changePlan({ ...ws(team), plan: "free" });
    expect(fake.fake.subscription(subscriptionId).cancel_at_period_end).toBe(true);
    expect(await owner.summary(ws(team))).toMatchObject({
      plan: { key: "team" },
      subscription: { cancelAtPeriodEnd: true, pendingChange: { plan: "free" } },
      nextInvoice: null,
    });
    await fake.fake.advance(subscriptionId);
    await syncCustomer(deps, customerId, { source: "test" });
    expect(await owner.summary(ws(team))).toMatchObject({
      plan: { key: "free" },
      subscription: null,
      trialAvailable: false,
    });
    // Back to a paid plan: Checkout again, without a second trial.
    const { url } = await owner.checkout({
      ...ws(team),
      plan: "team",
      idempotencyKey: randomUUID(),
    });
    expect(fake.fake.checkoutSessions.get(url.split("/").at(-1)!)).toMatchObject({
      trialDays: null,
      quantity: 4,
    });
  });

  it("is refused while a payment is overdue", async () => {
    const team = await freeWorkspace();
    const { subscriptionId, customerId } = await subscribe(team);
    await fake.fake.failPayment(subscriptionId);
    await syncCustomer(deps, customerId, { source: "test" });
    const owner = as(team, team.owner);
    expect(
      await rejectionOf(owner.previewPlanChange({ ...ws(team), plan: "coach" })),
    ).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/payment is overdue/),
    });
    const summary = await owner.summary(ws(team));
    expect(summary).toMatchObject({ dunning: { stage: "past_due" } });
  });
});

describe("the past-due banner's data", () => {
  it("comes with the workspace for owners and admins (the ladder's dates), never for members", async () => {
    const team = await freeWorkspace();
    const since = new Date(Date.now() - 8 * 86_400_000);
    const team_ = await h.admin.plan.findUniqueOrThrow({ where: { key: "team" } });
    await h.admin.subscription.create({
      data: {
        workspaceId: team.workspaceId,
        planId: team_.id,
        status: "past_due",
        pastDueSince: since,
      },
    });
    for (const who of [team.owner, team.admin]) {
      expect((await h.as(who, null).workspace.current(ws(team))).dunning).toEqual({
        stage: "paused",
        pastDueSince: since.toISOString(),
        pausesAt: new Date(since.getTime() + 7 * 86_400_000).toISOString(),
        readOnlyAt: new Date(since.getTime() + 14 * 86_400_000).toISOString(),
      });
    }
    for (const who of [team.member, team.coach]) {
      expect((await h.as(who, null).workspace.current(ws(team))).dunning).toBeNull();
    }
  });
});

describe("the Customer Portal", () => {
  it("opens for the workspace's customer and returns to /billing", async () => {
    const team = await freeWorkspace();
    const { customerId } = await subscribe(team);
    const { url } = await as(team, team.owner).portal(ws(team));
    const session = fake.fake.portalSessions.get(url.split("/").at(-1)!)!;
    expect(session).toMatchObject({ customer: customerId, return_url: `${APP_URL}/billing` });
  });
});

describe("invoices", () => {
  it("come from Stripe newest first, a page at a time, with their links; a foreign cursor is refused", async () => {
    const team = await freeWorkspace();
    const { subscriptionId } = await subscribe(team);
    await fake.fake.advance(subscriptionId);
    await fake.fake.advance(subscriptionId);
    const admin = as(team, team.admin);
    const first = await admin.invoices({ ...ws(team), limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]!.id);
    const second = await admin.invoices({ ...ws(team), limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    const all = [...first.items, ...second.items];
    expect(all.map((i) => i.number)).toEqual(
      fake.fake.invoicesOf({ subscription: subscriptionId }).map((i) => i.number),
    );
    expect(all.at(-1)).toMatchObject({ amountDueCents: 0, status: "paid" }); // the trial's
    expect(all[0]!.hostedInvoiceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invoices\/in_/);
    expect(all[0]!.invoicePdfUrl).toMatch(/\/pdf$/);

    const other = await freeWorkspace();
    await subscribe(other);
    const foreign = (await as(other, other.owner).invoices(ws(other))).items[0]!.id;
    expect(await rejectionOf(admin.invoices({ ...ws(team), cursor: foreign }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await rejectionOf(admin.invoices({ ...ws(team), cursor: "nope" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("Stripe failing", () => {
  let down: Server;
  let broken: BillingPageDeps;
  let unreachable: BillingPageDeps;

  beforeAll(async () => {
    // Answers every call with Stripe's 500 envelope.
    down = createServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { type: "api_error", message: "Stripe is down" } }));
    });
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    const { port } = down.address() as AddressInfo;
    const once = (url: string) =>
      new Stripe("sk_test_failing", {
        apiVersion: STRIPE_API_VERSION,
        maxNetworkRetries: 0,
        ...parseApiBase(url),
      });
    broken = { ...deps, stripe: once(`http://127.0.0.1:${port}`) };
    // A port nothing listens on: the listener above, closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    unreachable = { ...deps, stripe: once(`http://127.0.0.1:${closedPort}`) };
  });

  afterAll(async () => {
    await new Promise((resolve) => down?.close(resolve));
  });

  it("answers 502 or 503 in the owner's words, never a 500", async () => {
    const team = await freeWorkspace();
    await subscribe(team);
    const failing = await rejectionOf(as(team, team.owner, broken).invoices(ws(team)));
    expect(failing).toMatchObject({
      code: "BAD_GATEWAY",
      message:
        "Stripe could not list the invoices: reload the page to see where things stand, then try again.",
    });
    const away = await rejectionOf(as(team, team.owner, unreachable).portal(ws(team)));
    expect(away).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message:
        "Stripe cannot be reached right now, so Atlas could not open the payment settings. Try again in a minute.",
    });
  });

  it("still shows the summary from the database, and says what is missing", async () => {
    const team = await freeWorkspace();
    await subscribe(team);
    const summary = await as(team, team.owner, unreachable).summary(ws(team));
    expect(summary).toMatchObject({
      plan: { key: "team" },
      seats: { used: 4, paid: 4 },
      subscription: { status: "trialing" },
      nextInvoice: null,
      stripeUnavailable: expect.stringMatching(/^Stripe cannot be reached right now/),
    });
  });
});
