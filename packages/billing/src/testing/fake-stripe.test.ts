/**
 * The fake Stripe through the real SDK over real HTTP: every call Atlas makes, Stripe's errors,
 * idempotency, the version header, the checkout page's button and signed webhooks verified with
 * the SDK's own constructEvent.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseApiBase, type BillingConfig } from "../env.ts";
import { STRIPE_API_VERSION, stripeClient } from "../client.ts";
import { parseStripeForm } from "./fake-stripe-form.ts";
import { addMonth, startFakeStripe, type RunningFakeStripe } from "./fake-stripe.ts";

const SECRET = "whsec_fake_stripe_test_secret";
let fake: RunningFakeStripe;
let receiver: Server;
let received: Stripe.Event[];
let stripe: Stripe;

beforeAll(async () => {
  received = [];
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        const event = Stripe.webhooks.constructEvent(
          Buffer.concat(chunks).toString("utf8"),
          String(request.headers["stripe-signature"]),
          SECRET,
        );
        received.push(event);
        response.writeHead(200).end("{}");
      } catch {
        response.writeHead(400).end("bad signature");
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  fake = await startFakeStripe({
    webhookUrl: `http://127.0.0.1:${port}/`,
    webhookSecret: SECRET,
    prices: [
      { id: "price_team", unitAmount: 800, nickname: "Team" },
      { id: "price_coach", unitAmount: 1500, nickname: "Coach" },
    ],
  });
  const config: BillingConfig = {
    secretKey: "sk_test_fake",
    webhookSecret: SECRET,
    prices: { team: "price_team", coach: "price_coach" },
    apiBase: parseApiBase(fake.url),
  };
  stripe = stripeClient(config);
});

afterAll(async () => {
  await fake?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(() => {
  received = [];
});

async function subscribe(quantity: number, trialDays?: number) {
  const customer = await stripe.customers.create({
    email: "owner@example.test",
    metadata: { workspaceId: "w1" },
  });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: "price_team", quantity }],
    success_url: "http://127.0.0.1:1/billing?session={CHECKOUT_SESSION_ID}",
    ...(trialDays ? { subscription_data: { trial_period_days: trialDays } } : {}),
  });
  const page = await fetch(session.url!);
  const html = await page.text();
  const pay = await fetch(session.url!, { method: "POST", redirect: "manual" });
  return { customer, session, html, pay };
}

describe("parseStripeForm", () => {
  it.each([
    ["a=1&b=2", { a: "1", b: "2" }],
    ["metadata[workspaceId]=w1", { metadata: { workspaceId: "w1" } }],
    [
      "line_items[0][price]=p&line_items[0][quantity]=3",
      { line_items: [{ price: "p", quantity: "3" }] },
    ],
    ["expand[]=a&expand[]=b.c", { expand: ["a", "b.c"] }],
    ["expand[0]=a&expand[1]=b", { expand: ["a", "b"] }],
  ])("%s", (text, expected) => {
    expect(parseStripeForm(text)).toEqual(expected);
  });

  it.each(["a[=1", "a[0]=1&a[x]=2", "a=1&a[b]=2", "a[2]=1", "__proto__[x]=1"])(
    "refuses %s",
    (text) => {
      expect(() => parseStripeForm(text)).toThrow(/Invalid request parameter encoding/);
    },
  );
});

describe("addMonth", () => {
  it("keeps the anchor day, clamped to the month's end", () => {
    const jan31 = Date.UTC(2026, 0, 31, 9) / 1000;
    const feb28 = addMonth(jan31, 31);
    expect(new Date(feb28 * 1000).toISOString()).toBe("2026-02-28T09:00:00.000Z");
    expect(new Date(addMonth(feb28, 31) * 1000).toISOString()).toBe("2026-03-31T09:00:00.000Z");
  });
});

describe("the fake Stripe API", () => {
  it("creates, retrieves and updates customers, merging metadata", async () => {
    const created = await stripe.customers.create({
      email: "a@example.test",
      name: "Acme",
      metadata: { workspaceId: "w1" },
    });
    expect(created).toMatchObject({ object: "customer", metadata: { workspaceId: "w1" } });
    expect(created.id).toMatch(/^cus_/);
    const updated = await stripe.customers.update(created.id, { metadata: { plan: "team" } });
    expect(updated.metadata).toEqual({ workspaceId: "w1", plan: "team" });
    expect((await stripe.customers.retrieve(created.id)).id).toBe(created.id);
  });

  it("answers with Stripe's error envelope and statuses", async () => {
    await expect(stripe.customers.retrieve("cus_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(
      stripe.customers.create({ nonsense: "x" } as Stripe.CustomerCreateParams),
    ).rejects.toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "nonsense" });
    const response = await fetch(`${fake.url}/v1/customers`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });

  it("speaks the SDK's pinned version and refuses another", async () => {
    const headers = { authorization: "Bearer sk_test_x", "stripe-version": "2020-08-27" };
    const refused = await fetch(`${fake.url}/v1/subscriptions`, { headers });
    expect(refused.status).toBe(400);
    const accepted = await fetch(`${fake.url}/v1/subscriptions`, {
      headers: { ...headers, "stripe-version": STRIPE_API_VERSION },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("stripe-version")).toBe(STRIPE_API_VERSION);
  });

  it("replays a request with the same idempotency key, refuses it with other parameters", async () => {
    const first = await stripe.customers.create(
      { email: "i@example.test" },
      { idempotencyKey: "k1" },
    );
    const again = await stripe.customers.create(
      { email: "i@example.test" },
      { idempotencyKey: "k1" },
    );
    expect(again.id).toBe(first.id);
    await expect(
      stripe.customers.create({ email: "other@example.test" }, { idempotencyKey: "k1" }),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError" });
  });
});

describe("checkout", () => {
  it("shows Start trial, then creates a trialing subscription and delivers three signed events", async () => {
    const { customer, session, html, pay } = await subscribe(3, 14);
    expect(html).toContain("Start trial");
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe(`http://127.0.0.1:1/billing?session=${session.id}`);
    expect(received.map((e) => e.type)).toEqual([
      "checkout.session.completed",
      "customer.subscription.created",
      "invoice.paid",
    ]);
    const { data } = await stripe.subscriptions.list({ customer: customer.id, status: "all" });
    expect(data).toHaveLength(1);
    const [subscription] = data as [Stripe.Subscription];
    expect(subscription.status).toBe("trialing");
    expect(subscription.items.data[0]).toMatchObject({ quantity: 3, price: { id: "price_team" } });
    expect(subscription.trial_end! - subscription.trial_start!).toBe(14 * 86_400);
    const invoice = received[2]!.data.object as Stripe.Invoice;
    expect(invoice.amount_paid).toBe(0);
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
    // A second submit does not subscribe twice.
    await fetch(session.url!, { method: "POST", redirect: "manual" });
    expect(
      (await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data,
    ).toHaveLength(1);
  });

  it("shows Pay without a trial and charges seats × price", async () => {
    const { customer, html } = await subscribe(2);
    expect(html).toContain(">Pay<");
    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(invoices.data[0]).toMatchObject({ amount_paid: 1600, status: "paid" });
  });
});

describe("subscriptions", () => {
  it("updates the quantity without proration, previews the next invoice, cancels", async () => {
    const { customer } = await subscribe(2);
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data as [
      Stripe.Subscription,
    ];
    const item = subscription.items.data[0]!;
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, quantity: 4 }],
      proration_behavior: "none",
    });
    expect(updated.items.data[0]!.quantity).toBe(4);
    const event = received.find((e) => e.type === "customer.subscription.updated")!;
    expect(event.data.previous_attributes).toHaveProperty("items");
    const preview = await stripe.invoices.createPreview({ customer: customer.id });
    expect(preview.amount_due).toBe(3200);
    expect(preview.next_payment_attempt).toBe(item.current_period_end);

    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe("canceled");
    expect(received.at(-1)!.type).toBe("customer.subscription.deleted");
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect(
      (await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data,
    ).toHaveLength(1);
  });

  it("expands ids into objects", async () => {
    const { customer } = await subscribe(1);
    const { data } = await stripe.subscriptions.list({
      customer: customer.id,
      expand: ["data.latest_invoice", "data.customer"],
    });
    expect(data[0]!.latest_invoice).toMatchObject({ object: "invoice" });
    expect(data[0]!.customer).toMatchObject({ object: "customer", id: customer.id });
  });
});

describe("the portal", () => {
  it("changes seats (prorated), cancels at period end, and the next period ends it", async () => {
    const { customer } = await subscribe(2);
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data as [
      Stripe.Subscription,
    ];
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: "http://127.0.0.1:9/billing",
    });
    const page = await (await fetch(portal.url)).text();
    for (const label of ["Update seats", "Switch plan", "Cancel plan", "Return to Atlas"]) {
      expect(page).toContain(label);
    }
    const post = (action: string, body = "") =>
      fetch(`${fake.url}/portal/${portal.id}/subscriptions/${subscription.id}/${action}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });

    received = [];
    expect((await post("seats", "quantity=5")).status).toBe(303);
    expect(received.map((e) => e.type)).toEqual(["customer.subscription.updated"]);
    const preview = await stripe.invoices.createPreview({ customer: customer.id });
    expect(preview.lines.data.some((line) => line.amount < 0)).toBe(true); // the portal prorates

    await post("cancel");
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at_period_end: true,
      status: "active",
    });
    received = [];
    await fetch(`${fake.url}/_fake/subscriptions/${subscription.id}/advance`, { method: "POST" });
    expect(received.map((e) => e.type)).toEqual(["customer.subscription.deleted"]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("canceled");
  });
});

describe("test controls", () => {
  it("renews, fails a payment, then succeeds the retry", async () => {
    const { customer } = await subscribe(1);
    const [subscription] = (await stripe.subscriptions.list({ customer: customer.id })).data as [
      Stripe.Subscription,
    ];
    const control = (action: string) =>
      fetch(`${fake.url}/_fake/subscriptions/${subscription.id}/${action}`, { method: "POST" });

    received = [];
    expect((await control("advance")).status).toBe(200);
    expect(received.map((e) => e.type)).toEqual(["customer.subscription.updated", "invoice.paid"]);
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]!.current_period_start).toBe(
      subscription.items.data[0]!.current_period_end,
    );

    received = [];
    await control("fail_payment");
    expect(received.map((e) => e.type)).toEqual([
      "customer.subscription.updated",
      "invoice.payment_failed",
    ]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");

    received = [];
    await control("pay");
    expect(received.map((e) => e.type)).toEqual(["customer.subscription.updated", "invoice.paid"]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("holds events and delivers them in a chosen order, and again", async () => {
    await fetch(`${fake.url}/_fake/webhooks`, {
      method: "POST",
      body: JSON.stringify({ autoDeliver: false }),
    });
    try {
      await subscribe(1);
      expect(received).toEqual([]);
      const held = fake.fake.heldEvents();
      expect(held).toHaveLength(3);
      const ids = [held[1]!.id, held[0]!.id];
      const response = await fetch(`${fake.url}/_fake/events/deliver`, {
        method: "POST",
        body: JSON.stringify({ ids }),
      });
      expect(response.status).toBe(200);
      expect(received.map((e) => e.id)).toEqual(ids);
      await fetch(`${fake.url}/_fake/events/${ids[0]}/deliver`, { method: "POST" });
      expect(received.map((e) => e.id)).toEqual([...ids, ids[0]]);
    } finally {
      fake.fake.autoDeliver = true;
    }
  });
});
