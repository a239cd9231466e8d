/**
 * Stripe → Atlas: `POST /api/webhooks/stripe` (docs/architecture.md "Billing", "Webhooks").
 *
 * Contract of `handleStripeWebhook`:
 * - The signature is verified on the raw body with the SDK's `webhooks.constructEvent` (which
 *   also refuses a timestamp more than 5 minutes off). A missing or bad signature is 400 and
 *   nothing is read from or written to the database.
 * - Event types Atlas does not handle are 200 `{ status: "ignored" }`, nothing stored.
 * - A handled event whose object names no customer is 400 `{ error: "malformed payload" }`.
 * - A handled event runs one transaction that inserts `ProcessedWebhookEvent` (provider
 *   "stripe", the event id) with ON CONFLICT DO NOTHING and, when the row is new, hands the work
 *   on (`handOn`: the web app sends `atlas/billing.customer-sync` to the Inngest function keyed by
 *   customer). A redelivery finds the row: 200 `{ status: "duplicate" }`, nothing handed on; a
 *   concurrent duplicate waits on the unique index until the first commits, then does the same.
 *   A failure to hand on rolls the row back: 503, and Stripe retries.
 * - The work never trusts the event's copy of the object: it re-reads the customer's
 *   subscriptions from Stripe (sync.ts), so replays and out-of-order deliveries converge.
 */
import type { Env } from "@atlas/config";
import type { Db } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import Stripe from "stripe";
import { z } from "zod";
import { billingConfig } from "../env.ts";

export const STRIPE_WEBHOOK_PROVIDER = "stripe";

/** Every event Atlas acts on (docs/domain.md "Billing events"). */
export const HANDLED_STRIPE_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.trial_will_end",
  "invoice.paid",
  "invoice.payment_failed",
] as const satisfies readonly Stripe.Event.Type[];

export type HandledStripeEvent = (typeof HANDLED_STRIPE_EVENTS)[number];

export function isHandledStripeEvent(type: string): type is HandledStripeEvent {
  return (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);
}

/** What the webhook hands on: enough to re-read Stripe, nothing to trust. */
export interface StripeEventWork {
  customerId: string;
  eventId: string;
  type: HandledStripeEvent;
  /** The event's object: the invoice, subscription or checkout session id. */
  objectId: string;
}

export interface StripeWebhookOptions {
  /** STRIPE_WEBHOOK_SECRET (`whsec_…`). */
  secret: string;
  /** Starts the work (in the same transaction that records the event). */
  handOn(work: StripeEventWork): Promise<void>;
  /** The bypass client; tests pass their own (default: DATABASE_ADMIN_URL's). */
  db?: Db;
  log?: { error(message: string, fields?: Record<string, unknown>): void };
}

const objectOf = z.object({
  id: z.string().min(1),
  customer: z.union([z.string().min(1), z.object({ id: z.string().min(1) })]),
});

function json(status: number, body: Record<string, unknown>) {
  return Response.json(body, { status });
}

/** Verifies, records once and hands on one Stripe delivery; see the module comment. */
export async function handleStripeWebhook(
  request: Request,
  options: StripeWebhookOptions,
): Promise<Response> {
  const signature = request.headers.get("stripe-signature");
  const payload = await request.text();
  if (!signature) return json(400, { error: "missing Stripe-Signature header" });
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, options.secret);
  } catch {
    return json(400, { error: "invalid signature" });
  }
  const { type } = event;
  if (!isHandledStripeEvent(type)) return json(200, { status: "ignored", type });

  const object = objectOf.safeParse(event.data.object);
  if (!object.success) {
    return json(400, {
      error: "malformed payload",
      issues: object.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const { customer } = object.data;
  const work: StripeEventWork = {
    customerId: typeof customer === "string" ? customer : customer.id,
    eventId: event.id,
    type,
    objectId: object.data.id,
  };

  try {
    const status = await withBypass(
      { actor: "webhook:stripe", reason: `Stripe ${type} (${event.id})` },
      (db) =>
        db.$transaction(async (tx) => {
          const claimed = await tx.processedWebhookEvent.createMany({
            data: [{ provider: STRIPE_WEBHOOK_PROVIDER, eventId: event.id, type }],
            skipDuplicates: true,
          });
          if (claimed.count === 0) return "duplicate" as const;
          await options.handOn(work);
          return "processed" as const;
        }),
      options.db,
    );
    return json(200, { status, type });
  } catch (error) {
    (options.log ?? console).error("Stripe webhook not handed on; Stripe will retry", {
      eventId: event.id,
      type,
      error,
    });
    return json(503, { error: "Could not record the event now; Stripe retries it." });
  }
}

/**
 * The route's whole body: with billing off (no STRIPE_SECRET_KEY) 404 and a message saying so;
 * otherwise `handleStripeWebhook` with the configured secret.
 */
export async function receiveStripeWebhook(
  request: Request,
  options: Omit<StripeWebhookOptions, "secret"> & { env?: Env },
): Promise<Response> {
  const config = billingConfig(options.env);
  if (!config) {
    return json(404, {
      error: "Billing is off on this server (no STRIPE_SECRET_KEY): it receives no Stripe events.",
    });
  }
  return handleStripeWebhook(request, { ...options, secret: config.webhookSecret });
}
