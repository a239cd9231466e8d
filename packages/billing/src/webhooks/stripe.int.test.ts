/**
 * The Stripe webhook handler over real HTTP against the real database: signatures (the SDK's
 * generateTestHeaderString), one record per event under concurrent duplicates, events ignored,
 * and a failure to hand on that leaves nothing behind so Stripe retries.
 */
import { providedTestServer } from "@atlas/db/testing/vitest";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  startBillingHarness,
  TEST_WEBHOOK_SECRET,
  type BillingHarness,
} from "../testing/harness.ts";
import { handleStripeWebhook, receiveStripeWebhook } from "./stripe.ts";

let h: BillingHarness;

beforeAll(async () => {
  h = await startBillingHarness(providedTestServer());
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(() => {
  h.queue.length = 0;
});

let sequence = 0;

/** A Stripe-shaped event of `type` about customer `customer`, as JSON. */
function eventPayload(type: string, customer = "cus_webhook_test") {
  sequence += 1;
  return JSON.stringify({
    id: `evt_webhook_test_${Date.now()}_${sequence}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: `sub_webhook_test_${sequence}`, object: "subscription", customer } },
    livemode: false,
    pending_webhooks: 1,
    request: null,
    type,
  });
}

function post(payload: string, signature: string | null) {
  return fetch(h.webhookUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature === null ? {} : { "stripe-signature": signature }),
    },
    body: payload,
  });
}

const sign = (payload: string, secret = TEST_WEBHOOK_SECRET) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret });

const idOf = (payload: string) => (JSON.parse(payload) as { id: string }).id;

describe("POST /api/webhooks/stripe", () => {
  it("records a signed event once and hands its work on", async () => {
    const payload = eventPayload("customer.subscription.updated");
    const response = await post(payload, sign(payload));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "processed",
      type: "customer.subscription.updated",
    });
    expect(h.queue).toEqual([
      {
        customerId: "cus_webhook_test",
        eventId: idOf(payload),
        type: "customer.subscription.updated",
        objectId: expect.stringMatching(/^sub_webhook_test_/),
      },
    ]);
  });

  it("refuses a wrong or missing signature with 400 and stores nothing", async () => {
    const audits = await h.admin.auditLog.count();
    const payload = eventPayload("invoice.paid");
    for (const signature of [sign(payload, "whsec_someone_else"), "t=1,v1=deadbeef", null]) {
      const response = await post(payload, signature);
      expect(response.status).toBe(400);
    }
    // A valid signature of another body.
    expect(
      (await post(payload.replace("invoice.paid", "invoice.voided"), sign(payload))).status,
    ).toBe(400);
    expect(await h.admin.processedWebhookEvent.count({ where: { eventId: idOf(payload) } })).toBe(
      0,
    );
    expect(await h.admin.auditLog.count()).toBe(audits);
    expect(h.queue).toEqual([]);
  });

  it("under concurrent duplicate deliveries keeps one record and hands on once", async () => {
    const payload = eventPayload("invoice.payment_failed");
    const signature = sign(payload);
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(payload, signature)));
    const statuses = await Promise.all(
      responses.map(async (r) => [r.status, ((await r.json()) as { status: string }).status]),
    );
    expect(statuses.filter(([, status]) => status === "processed")).toHaveLength(1);
    expect(statuses.filter(([, status]) => status === "duplicate")).toHaveLength(5);
    expect(statuses.every(([code]) => code === 200)).toBe(true);
    expect(
      await h.admin.processedWebhookEvent.count({
        where: { provider: "stripe", eventId: idOf(payload) },
      }),
    ).toBe(1);
    expect(h.queue).toHaveLength(1);
  });

  it("acknowledges events Atlas does not handle and stores nothing", async () => {
    const payload = eventPayload("invoice.finalized");
    const response = await post(payload, sign(payload));
    expect(await response.json()).toEqual({ status: "ignored", type: "invoice.finalized" });
    expect(await h.admin.processedWebhookEvent.count({ where: { eventId: idOf(payload) } })).toBe(
      0,
    );
  });

  it("answers 503 and keeps no record when the work cannot be handed on, so Stripe retries", async () => {
    const payload = eventPayload("invoice.paid");
    const request = () =>
      new Request("http://127.0.0.1/api/webhooks/stripe", {
        method: "POST",
        headers: { "stripe-signature": sign(payload) },
        body: payload,
      });
    const failed = await handleStripeWebhook(request(), {
      secret: TEST_WEBHOOK_SECRET,
      db: h.admin,
      handOn: () => Promise.reject(new Error("queue down")),
      log: { error: () => undefined },
    });
    expect(failed.status).toBe(503);
    expect(await h.admin.processedWebhookEvent.count({ where: { eventId: idOf(payload) } })).toBe(
      0,
    );
    const retried = await handleStripeWebhook(request(), {
      secret: TEST_WEBHOOK_SECRET,
      db: h.admin,
      handOn: async () => undefined,
    });
    expect(await retried.json()).toMatchObject({ status: "processed" });
  });

  it("answers 404 with billing off, and verifies with the configured secret when on", async () => {
    const payload = eventPayload("invoice.paid");
    const request = () =>
      new Request("http://127.0.0.1/api/webhooks/stripe", {
        method: "POST",
        headers: { "stripe-signature": sign(payload) },
        body: payload,
      });
    const handOn = async () => undefined;
    const off = await receiveStripeWebhook(request(), { env: {}, handOn, db: h.admin });
    expect(off.status).toBe(404);
    expect(await off.json()).toEqual({ error: expect.stringMatching(/^Billing is off/) });
    const on = await receiveStripeWebhook(request(), {
      env: {
        STRIPE_SECRET_KEY: "sk_test_route",
        STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        STRIPE_PRICE_TEAM: "price_test_team",
        STRIPE_PRICE_COACH: "price_test_coach",
      },
      handOn,
      db: h.admin,
    });
    expect(await on.json()).toMatchObject({ status: "processed" });
  });

  it("refuses a handled event whose object names no customer", async () => {
    const payload = eventPayload("invoice.paid").replace(
      '"customer":"cus_webhook_test"',
      '"customer":null',
    );
    const response = await post(payload, sign(payload));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "malformed payload" });
  });
});
