/**
 * A local Stripe (docs/architecture.md "Billing", "The fake Stripe"): a real node:http server on
 * loopback that speaks Stripe's wire format for every call Atlas makes, so the real SDK, the real
 * webhook route and a real browser run against it in tests and in the e2e stack.
 *
 * The API (`/v1/…`, Bearer test key): form-encoded requests in bracket notation (`expand[]`
 * included), JSON objects shaped like Stripe's (typed against the stripe package's own types,
 * fake-stripe-objects.ts), Stripe's error envelope `{ error: { type, message, code, param } }`
 * with Stripe's statuses, `Stripe-Version` honoured (the fake speaks the SDK's pinned version and
 * refuses another), `Idempotency-Key` honoured (same key and parameters → the same response,
 * different parameters → 400), unknown parameters refused as Stripe refuses them.
 *   customers: create, retrieve, update · prices: retrieve · checkout.sessions: create, retrieve ·
 *   billing_portal.sessions: create · subscriptions: list (status=all…), retrieve, update (items'
 *   quantity/price, proration_behavior none | create_prorations | always_invoice, proration_date,
 *   cancel_at_period_end), cancel · invoices: list, retrieve, create_preview ·
 *   subscription_schedules: create (from_subscription), retrieve, update (two phases), release
 *   (fake-stripe-schedules.ts; `advance` moves a subscription into its schedule's next phase).
 *
 * Pages a browser visits: `/checkout/<session>` (a "Pay" or "Start trial" button: creates the
 * subscription, trialing when asked, and its first invoice, delivers checkout.session.completed,
 * customer.subscription.created and invoice.paid, then 303 to success_url) and `/portal/<session>`
 * (change seats or plan, cancel at period end or renew: customer.subscription.updated).
 *
 * Test controls under `/_fake/…` (JSON, no key; the same methods are on the FakeStripe object):
 * advance a subscription to its next period (renewal invoice; a cancel-at-period-end subscription
 * ends: customer.subscription.deleted), fail a payment (past_due + invoice.payment_failed),
 * succeed the retry (active + invoice.paid), the trial's end is near
 * (customer.subscription.trial_will_end), change a quantity behind Atlas's back (drift), list
 * events, hold deliveries, deliver chosen events in a chosen order, deliver one again.
 *
 * Webhooks are signed with the SDK's `webhooks.generateTestHeaderString` and POSTed to the
 * configured URL one at a time, in the order they happened (unless held). State is in memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { z } from "zod";
import { parseStripeForm, FormEncodingError, type FormObject } from "./fake-stripe-form.ts";
import {
  checkoutSessionObject,
  customerObject,
  invoiceObject,
  portalSessionObject,
  priceObject,
  stripeId,
  subscriptionItemObject,
  subscriptionObject,
  type FakePrice,
  type InvoiceLine,
  type Wire,
  type WireCheckoutSession,
  type WireCustomer,
  type WireEvent,
  type WireInvoice,
  type WirePortalSession,
  type WirePrice,
  type WireSubscription,
} from "./fake-stripe-objects.ts";
import { checkoutPage, money, portalPage } from "./fake-stripe-pages.ts";
import {
  phaseItem,
  phaseObject,
  phaseStartingAt,
  scheduleCreateParams,
  scheduleObject,
  scheduleReleaseParams,
  scheduleUpdateParams,
  type WireSubscriptionSchedule,
} from "./fake-stripe-schedules.ts";

export type { FakePrice } from "./fake-stripe-objects.ts";

/** The version the fake speaks: the one the installed SDK pins. */
export const FAKE_STRIPE_API_VERSION = Stripe.API_VERSION;

/** Prices the fake sells when none are configured (the e2e stack's STRIPE_PRICE_* defaults). */
export const DEFAULT_FAKE_PRICES: FakePrice[] = [
  { id: "price_atlas_team", unitAmount: 800, nickname: "Team" },
  { id: "price_atlas_coach", unitAmount: 1500, nickname: "Coach" },
];

export interface FakeStripeOptions {
  prices?: FakePrice[];
  /** Where events are POSTed; unset = stored only (deliver them with `deliver`). */
  webhookUrl?: string;
  /** The `whsec_…` secret events are signed with. */
  webhookSecret?: string;
  /** The one API key accepted; unset = any test key (`sk_test_…`, `rk_test_…`). */
  secretKey?: string;
  /** The fake's clock (Stripe timestamps are its seconds); default the system clock. */
  now?: () => Date;
  log?: (line: string) => void;
}

// ── Errors ───────────────────────────────────────────────────────────────────────────────────

type ErrorType =
  | "invalid_request_error"
  | "api_error"
  | "card_error"
  | "idempotency_error"
  | "authentication_error";

/** A Stripe error response: status and envelope. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
  envelope() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

const missing = (kind: string, id: string) =>
  new FakeStripeError(
    404,
    "invalid_request_error",
    `No such ${kind}: '${id}'`,
    "resource_missing",
    "id",
  );

const invalid = (message: string, param?: string, code?: string) =>
  new FakeStripeError(400, "invalid_request_error", message, code, param);

// ── Parameters (strict: Stripe refuses what it does not know) ────────────────────────────────

const int = z
  .string()
  .regex(/^-?\d+$/, "Invalid integer")
  .transform(Number);
const nonNegativeInt = int.refine((n) => n >= 0, "must be at least 0");
const bool = z.enum(["true", "false"]).transform((value) => value === "true");
const metadata = z.record(z.string(), z.string()).optional();
const expand = z.array(z.string()).optional();
const url = z.url();
const PRORATION = z.enum(["create_prorations", "none", "always_invoice"]);
const SUBSCRIPTION_STATUSES = [
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "paused",
] as const;

const customerParams = z.strictObject({
  email: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  metadata,
  expand,
});
const expandOnly = z.strictObject({ expand });
const checkoutParams = z.strictObject({
  mode: z.literal("subscription", "This fake supports only mode=subscription"),
  customer: z.string().min(1),
  line_items: z
    .array(z.strictObject({ price: z.string().min(1), quantity: nonNegativeInt }))
    .length(1, "This fake supports one line item"),
  success_url: url,
  cancel_url: url.optional(),
  client_reference_id: z.string().optional(),
  metadata,
  subscription_data: z
    .strictObject({
      trial_period_days: int.refine((n) => n >= 1 && n <= 730, "must be 1..730").optional(),
      metadata,
      description: z.string().optional(),
    })
    .optional(),
  allow_promotion_codes: bool.optional(),
  billing_address_collection: z.enum(["auto", "required"]).optional(),
  payment_method_collection: z.enum(["always", "if_required"]).optional(),
  customer_update: z
    .strictObject({
      address: z.enum(["auto", "never"]).optional(),
      name: z.enum(["auto", "never"]).optional(),
    })
    .optional(),
  locale: z.string().optional(),
  expand,
});
const portalParams = z.strictObject({
  customer: z.string().min(1),
  return_url: url.optional(),
  locale: z.string().optional(),
  expand,
});
const itemChange = z.strictObject({
  id: z.string().optional(),
  price: z.string().optional(),
  quantity: nonNegativeInt.optional(),
});
const subscriptionListParams = z.strictObject({
  customer: z.string().optional(),
  price: z.string().optional(),
  status: z.enum([...SUBSCRIPTION_STATUSES, "all", "ended"]).optional(),
  limit: int.refine((n) => n >= 1 && n <= 100, "must be 1..100").optional(),
  starting_after: z.string().optional(),
  expand,
});
const subscriptionUpdateParams = z.strictObject({
  items: z.array(itemChange).optional(),
  proration_behavior: PRORATION.optional(),
  proration_date: int.optional(),
  cancel_at_period_end: bool.optional(),
  metadata,
  payment_behavior: z
    .enum([
      "allow_incomplete",
      "default_incomplete",
      "error_if_incomplete",
      "pending_if_incomplete",
    ])
    .optional(),
  expand,
});
const subscriptionCancelParams = z.strictObject({
  invoice_now: bool.optional(),
  prorate: bool.optional(),
  expand,
});
const invoiceListParams = z.strictObject({
  customer: z.string().optional(),
  subscription: z.string().optional(),
  status: z.enum(["draft", "open", "paid", "uncollectible", "void"]).optional(),
  limit: int.refine((n) => n >= 1 && n <= 100, "must be 1..100").optional(),
  starting_after: z.string().optional(),
  expand,
});
const previewParams = z.strictObject({
  customer: z.string().optional(),
  subscription: z.string().optional(),
  subscription_details: z
    .strictObject({
      items: z.array(itemChange).optional(),
      proration_behavior: PRORATION.optional(),
      proration_date: int.optional(),
      cancel_at_period_end: bool.optional(),
    })
    .optional(),
  expand,
});

/** `line_items.0.price` → `line_items[0][price]`, as Stripe names a parameter. */
function paramName(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? ""}${rest.map((segment) => `[${segment}]`).join("")}`;
}

function parseParams<S extends z.ZodType>(schema: S, form: FormObject): z.output<S> {
  const result = schema.safeParse(form);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const param = paramName([...issue.path, issue.keys[0]!]);
    throw invalid(`Received unknown parameter: ${param}`, param, "parameter_unknown");
  }
  const param = paramName(issue.path);
  if (issue.code === "invalid_type" && issue.input === undefined) {
    throw invalid(`Missing required param: ${param}.`, param, "parameter_missing");
  }
  const code = issue.message === "Invalid integer" ? "parameter_invalid_integer" : undefined;
  throw invalid(`Invalid ${param}: ${issue.message}`, param, code);
}

// ── Time ─────────────────────────────────────────────────────────────────────────────────────

/** One calendar month after `seconds` (UTC), the day clamped to the month's end like Stripe's anchor. */
export function addMonth(seconds: number, anchorDay: number): number {
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const next = new Date(date);
  next.setUTCDate(1);
  next.setUTCMonth(month);
  next.setUTCDate(Math.min(anchorDay, lastDay));
  return Math.floor(next.getTime() / 1000);
}

const DAY = 86_400;

// ── State ────────────────────────────────────────────────────────────────────────────────────

interface SubscriptionRecord {
  subscription: WireSubscription;
  /** The billing day of month (the anchor). */
  anchorDay: number;
  /** Proration lines waiting for the next invoice (create_prorations). */
  pendingLines: InvoiceLine[];
}

interface CheckoutRecord {
  session: WireCheckoutSession;
  price: string;
  quantity: number;
  trialDays: number | null;
  subscriptionMetadata: Record<string, string>;
}

interface EventRecord {
  event: WireEvent;
  /** HTTP statuses of each delivery (0 = the webhook URL could not be reached). */
  deliveries: number[];
  held: boolean;
}

interface IdempotentResponse {
  fingerprint: string;
  status: number;
  body: unknown;
}

interface Reply {
  status: number;
  body?: unknown;
  html?: string;
  redirect?: string;
}

export interface DeliveryResult {
  eventId: string;
  type: string;
  status: number;
}

export interface ControlResult {
  subscription: WireSubscription;
  events: string[];
  deliveries: DeliveryResult[];
}

type EventType = Stripe.Event.Type;
type RequestInfo = { id: string; idempotency_key: string | null } | null;

export class FakeStripe {
  readonly prices = new Map<string, WirePrice>();
  readonly customers = new Map<string, WireCustomer>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly invoices = new Map<string, WireInvoice>();
  readonly checkoutSessions = new Map<string, CheckoutRecord>();
  readonly portalSessions = new Map<string, WirePortalSession>();
  readonly schedules = new Map<string, WireSubscriptionSchedule>();
  readonly events: EventRecord[] = [];
  private readonly idempotency = new Map<string, IdempotentResponse>();
  private invoiceNumber = 0;
  /** Set when the server listens: URLs of checkout and portal pages start with it. */
  baseUrl = "http://127.0.0.1";
  webhookUrl: string | undefined;
  autoDeliver = true;
  private readonly webhookSecret: string | undefined;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(private readonly options: FakeStripeOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.webhookUrl = options.webhookUrl;
    this.webhookSecret = options.webhookSecret;
    for (const price of options.prices ?? DEFAULT_FAKE_PRICES) {
      this.prices.set(price.id, priceObject(price, this.seconds()));
    }
  }

  seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  // ── Look-ups ──

  price(id: string): WirePrice {
    const price = this.prices.get(id);
    if (!price) throw missing("price", id);
    return price;
  }

  customer(id: string): WireCustomer {
    const customer = this.customers.get(id);
    if (!customer) throw missing("customer", id);
    return customer;
  }

  subscription(id: string): WireSubscription {
    return this.record(id).subscription;
  }

  private record(id: string): SubscriptionRecord {
    const record = this.subscriptions.get(id);
    if (!record) throw missing("subscription", id);
    return record;
  }

  invoice(id: string): WireInvoice {
    const invoice = this.invoices.get(id);
    if (!invoice) throw missing("invoice", id);
    return invoice;
  }

  /** The customer's subscriptions, newest first. */
  subscriptionsOf(customerId: string): WireSubscription[] {
    return newestFirst(
      [...this.subscriptions.values()]
        .map((r) => r.subscription)
        .filter((s) => s.customer === customerId),
    );
  }

  /** An object by its id's prefix, for `expand`. */
  private lookup(id: string): unknown {
    if (id.startsWith("cus_")) return this.customers.get(id);
    if (id.startsWith("sub_sched_")) return this.schedules.get(id);
    if (id.startsWith("sub_")) return this.subscriptions.get(id)?.subscription;
    if (id.startsWith("in_")) return this.invoices.get(id);
    if (id.startsWith("price_")) return this.prices.get(id);
    if (id.startsWith("cs_")) return this.checkoutSessions.get(id)?.session;
    return undefined;
  }

  // ── Events ──

  private emit<T extends EventType>(
    type: T,
    object: unknown,
    request: RequestInfo,
    previousAttributes?: Record<string, unknown>,
  ): EventRecord {
    const event = {
      id: stripeId("evt"),
      object: "event",
      api_version: FAKE_STRIPE_API_VERSION,
      created: this.seconds(),
      data: {
        object: structuredClone(object),
        ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}),
      },
      livemode: false,
      pending_webhooks: this.webhookUrl ? 1 : 0,
      request,
      type,
    } as unknown as WireEvent;
    const record: EventRecord = { event, deliveries: [], held: !this.autoDeliver };
    this.events.push(record);
    return record;
  }

  event(id: string): EventRecord {
    const record = this.events.find((e) => e.event.id === id);
    if (!record) throw missing("event", id);
    return record;
  }

  /** POSTs one event, signed, to the webhook URL; returns the status (0: unreachable). */
  async deliver(id: string): Promise<DeliveryResult> {
    const record = this.event(id);
    const { event } = record;
    if (!this.webhookUrl || !this.webhookSecret) {
      throw new FakeStripeError(
        400,
        "invalid_request_error",
        "No webhook endpoint is configured: start the fake with webhookUrl and webhookSecret.",
      );
    }
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: this.webhookSecret,
    });
    let status = 0;
    try {
      const response = await fetch(this.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signature,
          "user-agent": "Stripe/1.0 (fake)",
        },
        body: payload,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      this.log(`webhook ${event.type} ${event.id} not delivered: ${String(error)}`);
    }
    record.deliveries.push(status);
    record.held = false;
    this.log(`webhook ${event.type} ${event.id} → ${status}`);
    return { eventId: event.id, type: event.type, status };
  }

  /** Delivers `ids` one after the other, in that order. */
  async deliverAll(ids: string[]): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const id of ids) results.push(await this.deliver(id));
    return results;
  }

  /** Events not yet delivered while deliveries are held. */
  heldEvents(): WireEvent[] {
    return this.events.filter((e) => e.held).map((e) => e.event);
  }

  private async flush(records: EventRecord[]): Promise<DeliveryResult[]> {
    if (!this.autoDeliver || !this.webhookUrl) return [];
    return this.deliverAll(records.map((r) => r.event.id));
  }

  // ── Customers ──

  createCustomer(params: z.output<typeof customerParams>): WireCustomer {
    const id = stripeId("cus");
    const customer = customerObject({
      id,
      created: this.seconds(),
      email: params.email ?? null,
      name: params.name ?? null,
      description: params.description ?? null,
      metadata: mergeMetadata({}, params.metadata),
    });
    this.customers.set(id, customer);
    return customer;
  }

  updateCustomer(id: string, params: z.output<typeof customerParams>): WireCustomer {
    const customer = this.customer(id);
    if (params.email !== undefined) customer.email = params.email || null;
    if (params.name !== undefined) customer.name = params.name || null;
    if (params.description !== undefined) customer.description = params.description || null;
    customer.metadata = mergeMetadata(customer.metadata, params.metadata);
    return customer;
  }

  // ── Checkout ──

  createCheckoutSession(params: z.output<typeof checkoutParams>): WireCheckoutSession {
    this.customer(params.customer);
    const line = params.line_items[0]!;
    const price = this.price(line.price);
    const id = stripeId("cs_test");
    const trialDays = params.subscription_data?.trial_period_days ?? null;
    const session = checkoutSessionObject({
      id,
      created: this.seconds(),
      customer: params.customer,
      url: `${this.baseUrl}/checkout/${id}`,
      successUrl: params.success_url,
      cancelUrl: params.cancel_url ?? null,
      clientReferenceId: params.client_reference_id ?? null,
      metadata: mergeMetadata({}, params.metadata),
      amountTotal: trialDays ? 0 : line.quantity * (price.unit_amount ?? 0),
      currency: price.currency,
    });
    this.checkoutSessions.set(id, {
      session,
      price: price.id,
      quantity: line.quantity,
      trialDays,
      subscriptionMetadata: mergeMetadata({}, params.subscription_data?.metadata),
    });
    return session;
  }

  private checkout(id: string): CheckoutRecord {
    const record = this.checkoutSessions.get(id);
    if (!record) throw missing("checkout.session", id);
    return record;
  }

  /**
   * The buyer pays (or starts the trial): the subscription, its first invoice and the three
   * events. A second submit of a completed session changes nothing. Returns where to go next.
   */
  async completeCheckout(id: string): Promise<{ redirect: string; deliveries: DeliveryResult[] }> {
    const record = this.checkout(id);
    const { session } = record;
    const redirect = (session.success_url ?? this.baseUrl).replaceAll("{CHECKOUT_SESSION_ID}", id);
    if (session.status === "complete") return { redirect, deliveries: [] };

    const now = this.seconds();
    const customer = this.customer(session.customer as string);
    const price = this.price(record.price);
    const subscriptionId = stripeId("sub");
    const trialEnd = record.trialDays ? now + record.trialDays * DAY : null;
    const anchorDay = new Date((trialEnd ?? now) * 1000).getUTCDate();
    const periodEnd = trialEnd ?? addMonth(now, anchorDay);
    const item = subscriptionItemObject({
      id: stripeId("si"),
      subscription: subscriptionId,
      created: now,
      price,
      quantity: record.quantity,
      periodStart: now,
      periodEnd,
    });
    const subscription = subscriptionObject({
      id: subscriptionId,
      customer: customer.id,
      created: now,
      status: trialEnd ? "trialing" : "active",
      item,
      trialStart: trialEnd ? now : null,
      trialEnd,
      metadata: record.subscriptionMetadata,
      currency: price.currency,
    });
    subscription.billing_cycle_anchor = trialEnd ?? now;
    this.subscriptions.set(subscriptionId, { subscription, anchorDay, pendingLines: [] });
    const invoice = this.createInvoice(subscription, {
      billingReason: "subscription_create",
      lines: [
        trialEnd
          ? {
              ...seatsLine(price, record.quantity, item.id, now, periodEnd),
              description: `Trial period for ${price.nickname}`,
              amount: 0,
            }
          : seatsLine(price, record.quantity, item.id, now, periodEnd),
      ],
      periodStart: now,
      periodEnd: now,
      paid: true,
    });

    session.status = "complete";
    session.payment_status = trialEnd ? "no_payment_required" : "paid";
    session.subscription = subscriptionId;
    session.invoice = invoice.id;
    session.customer_details = {
      address: null,
      business_name: null,
      email: customer.email,
      individual_name: null,
      name: customer.name ?? null,
      phone: null,
      tax_exempt: "none",
      tax_ids: [],
    };
    const events = [
      this.emit("checkout.session.completed", session, null),
      this.emit("customer.subscription.created", subscription, null),
      this.emit("invoice.paid", invoice, null),
    ];
    return { redirect, deliveries: await this.flush(events) };
  }

  // ── Portal ──

  createPortalSession(params: z.output<typeof portalParams>): WirePortalSession {
    this.customer(params.customer);
    const id = stripeId("bps");
    const session = portalSessionObject({
      id,
      created: this.seconds(),
      customer: params.customer,
      returnUrl: params.return_url ?? null,
      url: `${this.baseUrl}/portal/${id}`,
    });
    this.portalSessions.set(id, session);
    return session;
  }

  private portal(id: string): WirePortalSession {
    const session = this.portalSessions.get(id);
    if (!session) throw missing("billing_portal.session", id);
    return session;
  }

  // ── Invoices ──

  private createInvoice(
    subscription: WireSubscription,
    input: {
      billingReason: Stripe.Invoice.BillingReason;
      lines: InvoiceLine[];
      periodStart: number;
      periodEnd: number;
      paid: boolean;
    },
  ): WireInvoice {
    const now = this.seconds();
    const customer = this.customer(subscription.customer as string);
    const invoice = invoiceObject({
      id: stripeId("in"),
      customer,
      subscription: subscription.id,
      created: now,
      number: `${customer.invoice_prefix}-${String(++this.invoiceNumber).padStart(4, "0")}`,
      billingReason: input.billingReason,
      status: input.paid ? "paid" : "open",
      lines: input.lines,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      attemptCount: 1,
      paidAt: input.paid ? now : null,
      nextPaymentAttempt: input.paid ? null : now + 3 * DAY,
      currency: subscription.currency,
      baseUrl: this.baseUrl,
    });
    this.invoices.set(invoice.id, invoice);
    subscription.latest_invoice = invoice.id;
    return invoice;
  }

  private markPaid(invoice: WireInvoice) {
    invoice.status = "paid";
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.status_transitions.paid_at = this.seconds();
    invoice.next_payment_attempt = null;
    invoice.auto_advance = false;
  }

  /** The customer's invoices, newest first. */
  invoicesOf(filter: { customer?: string; subscription?: string; status?: string }): WireInvoice[] {
    return newestFirst(
      [...this.invoices.values()].filter(
        (invoice) =>
          (filter.customer === undefined || invoice.customer === filter.customer) &&
          (filter.subscription === undefined ||
            invoice.parent?.subscription_details?.subscription === filter.subscription) &&
          (filter.status === undefined || invoice.status === filter.status),
      ),
    );
  }

  /** The invoice the subscription will next be charged, with `changes` applied as a preview. */
  previewInvoice(params: z.output<typeof previewParams>): WireInvoice {
    const subscription = params.subscription
      ? this.subscription(params.subscription)
      : this.subscriptionsOf(params.customer ?? "").find((s) => !isEnded(s.status));
    if (params.customer !== undefined) this.customer(params.customer);
    if (!subscription || isEnded(subscription.status)) {
      throw new FakeStripeError(
        404,
        "invalid_request_error",
        `No upcoming invoices for customer: ${params.customer ?? params.subscription ?? ""}`,
        "invoice_upcoming_none",
      );
    }
    const record = this.record(subscription.id);
    const details = params.subscription_details;
    if (details?.cancel_at_period_end ?? subscription.cancel_at_period_end) {
      throw new FakeStripeError(
        404,
        "invalid_request_error",
        `No upcoming invoices for customer: ${subscription.customer as string}`,
        "invoice_upcoming_none",
      );
    }
    const item = subscription.items.data[0]!;
    const change = this.itemChange(subscription, details?.items);
    const prorations =
      change && (details?.proration_behavior ?? "create_prorations") !== "none"
        ? this.prorationLines(record, change, details?.proration_date ?? this.seconds())
        : [];
    // Without a change asked for, the next period is the schedule's next phase when there is one.
    const next = change ? undefined : this.nextPhaseItem(subscription);
    const price = change?.price ?? (next ? this.price(next.price) : item.price);
    const quantity = change?.quantity ?? next?.quantity ?? item.quantity ?? 1;
    const nextStart = item.current_period_end;
    const nextEnd = addMonth(nextStart, record.anchorDay);
    const customer = this.customer(subscription.customer as string);
    return {
      ...invoiceObject({
        id: `upcoming_${stripeId("in")}`,
        customer,
        subscription: subscription.id,
        created: nextStart,
        number: null,
        billingReason: "upcoming",
        status: "draft",
        lines: [
          ...record.pendingLines,
          ...prorations,
          seatsLine(price, quantity, item.id, nextStart, nextEnd),
        ],
        periodStart: item.current_period_start,
        periodEnd: nextStart,
        attemptCount: 0,
        paidAt: null,
        nextPaymentAttempt: nextStart,
        currency: subscription.currency,
        baseUrl: this.baseUrl,
      }),
      webhooks_delivered_at: null,
    };
  }

  // ── Subscriptions ──

  /** The single item's proposed price and quantity, or null when nothing changes. */
  private itemChange(
    subscription: WireSubscription,
    items: z.output<typeof itemChange>[] | undefined,
  ): { price: WirePrice; quantity: number } | null {
    if (!items || items.length === 0) return null;
    const item = subscription.items.data[0]!;
    if (items.length > 1 || (items[0]!.id !== undefined && items[0]!.id !== item.id)) {
      throw invalid(
        "This fake supports one item per subscription: pass items[0][id] of that item.",
        "items",
      );
    }
    const change = items[0]!;
    if (change.id === undefined) {
      throw invalid("Missing required param: items[0][id].", "items[0][id]", "parameter_missing");
    }
    const price = change.price ? this.price(change.price) : item.price;
    const priceChanged = price.id !== item.price.id;
    // Stripe: a new price without a quantity resets the quantity to 1.
    const quantity = change.quantity ?? (priceChanged ? 1 : (item.quantity ?? 1));
    if (!priceChanged && quantity === item.quantity) return null;
    return { price, quantity };
  }

  /** Credit for the unused time on the old item, charge for the remaining time on the new one. */
  private prorationLines(
    record: SubscriptionRecord,
    change: { price: WirePrice; quantity: number },
    at: number,
  ): InvoiceLine[] {
    const { subscription } = record;
    if (subscription.status === "trialing") return [];
    const item = subscription.items.data[0]!;
    const start = item.current_period_start;
    const end = item.current_period_end;
    const fraction = Math.min(Math.max((end - at) / (end - start), 0), 1);
    const oldQuantity = item.quantity ?? 1;
    return [
      {
        description: `Unused time on ${oldQuantity} × ${item.price.nickname}`,
        amount: -Math.round(oldQuantity * (item.price.unit_amount ?? 0) * fraction),
        quantity: oldQuantity,
        price: item.price,
        periodStart: at,
        periodEnd: end,
        proration: true,
        subscriptionItem: item.id,
      },
      {
        description: `Remaining time on ${change.quantity} × ${change.price.nickname}`,
        amount: Math.round(change.quantity * (change.price.unit_amount ?? 0) * fraction),
        quantity: change.quantity,
        price: change.price,
        periodStart: at,
        periodEnd: end,
        proration: true,
        subscriptionItem: item.id,
      },
    ];
  }

  /** subscriptions.update: quantity/price (prorated as asked), cancel at period end, metadata. */
  updateSubscription(
    id: string,
    params: z.output<typeof subscriptionUpdateParams>,
    request: RequestInfo,
  ): { subscription: WireSubscription; events: EventRecord[] } {
    const record = this.record(id);
    const { subscription } = record;
    if (isEnded(subscription.status)) {
      throw invalid(
        "A canceled subscription can only update its cancellation_details and metadata.",
        undefined,
        "invalid_canceled_subscription_fields",
      );
    }
    const before = structuredClone(subscription);
    const change = this.itemChange(subscription, params.items);
    const events: EventRecord[] = [];
    if (change) {
      const behavior = params.proration_behavior ?? "create_prorations";
      const at = params.proration_date ?? this.seconds();
      const item = subscription.items.data[0]!;
      const given = params.proration_date !== undefined;
      if (given && (at < item.current_period_start || at > item.current_period_end)) {
        throw invalid(
          "proration_date must be within the subscription's current period.",
          "proration_date",
        );
      }
      const lines = behavior === "none" ? [] : this.prorationLines(record, change, at);
      setItemPrice(item, change.price, change.quantity);
      if (behavior === "always_invoice" && lines.length > 0) {
        const invoice = this.createInvoice(subscription, {
          billingReason: "subscription_update",
          lines,
          periodStart: this.seconds(),
          periodEnd: this.seconds(),
          paid: true,
        });
        events.push(this.emit("invoice.paid", invoice, request));
      } else {
        record.pendingLines.push(...lines);
      }
    }
    if (params.cancel_at_period_end !== undefined && subscription.schedule) {
      throw invalid(
        `The subscription is managed by the subscription schedule \`${subscription.schedule as string}\`, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.`,
        "cancel_at_period_end",
      );
    }
    if (params.cancel_at_period_end !== undefined) {
      this.setCancelAtPeriodEnd(subscription, params.cancel_at_period_end);
    }
    if (params.metadata)
      subscription.metadata = mergeMetadata(subscription.metadata, params.metadata);
    const previous = changedFields(before, subscription);
    if (Object.keys(previous).length > 0) {
      events.unshift(this.emit("customer.subscription.updated", subscription, request, previous));
    }
    return { subscription, events };
  }

  private setCancelAtPeriodEnd(subscription: WireSubscription, cancel: boolean) {
    subscription.cancel_at_period_end = cancel;
    subscription.cancel_at = cancel ? subscription.items.data[0]!.current_period_end : null;
    subscription.canceled_at = cancel ? this.seconds() : null;
    subscription.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: cancel ? "cancellation_requested" : null,
    };
  }

  /** subscriptions.cancel: ends it now. */
  cancelSubscription(
    id: string,
    request: RequestInfo,
  ): { subscription: WireSubscription; events: EventRecord[] } {
    const { subscription } = this.record(id);
    if (isEnded(subscription.status)) {
      throw invalid(
        "A canceled subscription can only update its cancellation_details and metadata.",
        undefined,
        "invalid_canceled_subscription_fields",
      );
    }
    this.end(subscription);
    return {
      subscription,
      events: [this.emit("customer.subscription.deleted", subscription, request)],
    };
  }

  private end(subscription: WireSubscription) {
    const now = this.seconds();
    subscription.status = "canceled";
    subscription.canceled_at ??= now;
    subscription.ended_at = now;
    subscription.cancel_at_period_end = false;
    subscription.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: "cancellation_requested",
    };
  }

  // ── Subscription schedules (fake-stripe-schedules.ts) ──

  schedule(id: string): WireSubscriptionSchedule {
    const schedule = this.schedules.get(id);
    if (!schedule) throw missing("subscription_schedule", id);
    return schedule;
  }

  private activeSchedule(id: string): WireSubscriptionSchedule {
    const schedule = this.schedule(id);
    if (schedule.status !== "active") {
      throw invalid(
        `You cannot update a subscription schedule that is currently in the \`${schedule.status}\` status.`,
      );
    }
    return schedule;
  }

  /** A schedule over the subscription as it is: one phase, the current period. */
  createSchedule(
    params: z.output<typeof scheduleCreateParams>,
    request: RequestInfo,
  ): { schedule: WireSubscriptionSchedule; events: EventRecord[] } {
    const { subscription } = this.record(params.from_subscription);
    if (isEnded(subscription.status)) {
      throw invalid(`Subscription ${subscription.id} has ended.`, "from_subscription");
    }
    if (subscription.schedule) {
      throw invalid(
        `You cannot migrate a subscription that is already attached to a schedule: \`${subscription.schedule as string}\`.`,
        "from_subscription",
      );
    }
    const item = subscription.items.data[0]!;
    const schedule = scheduleObject({
      id: stripeId("sub_sched"),
      created: this.seconds(),
      customer: subscription.customer as string,
      subscription: subscription.id,
      metadata: mergeMetadata({}, params.metadata),
      phases: [
        phaseObject({
          price: item.price,
          quantity: item.quantity ?? 1,
          startDate: item.current_period_start,
          endDate: item.current_period_end,
          currency: subscription.currency,
          prorationBehavior: "create_prorations",
        }),
      ],
    });
    this.schedules.set(schedule.id, schedule);
    const before = structuredClone(subscription);
    subscription.schedule = schedule.id;
    const previous = changedFields(before, subscription);
    return {
      schedule,
      events: [this.emit("customer.subscription.updated", subscription, request, previous)],
    };
  }

  /** New phases: the first is the current period unchanged, the second follows it at once. */
  updateSchedule(
    id: string,
    params: z.output<typeof scheduleUpdateParams>,
  ): WireSubscriptionSchedule {
    const schedule = this.activeSchedule(id);
    if (params.phases) {
      const subscription = this.subscription(schedule.subscription as string);
      const record = this.record(subscription.id);
      const item = subscription.items.data[0]!;
      let start = item.current_period_start;
      schedule.phases = params.phases.map((phase, index) => {
        const param = `phases[${index}]`;
        if (phase.start_date !== undefined && phase.start_date !== start) {
          throw invalid(
            index === 0
              ? "You can not modify the start date of the current phase."
              : "Phases must be contiguous: each starts where the one before it ends.",
            `${param}[start_date]`,
          );
        }
        const months = phase.duration ? (phase.duration.interval_count ?? 1) : 0;
        let end = phase.end_date;
        if (end === undefined && months > 0) {
          end = start;
          for (let i = 0; i < months; i++) end = addMonth(end, record.anchorDay);
        }
        if (end === undefined || end <= start) {
          throw invalid(`Missing required param: ${param}[end_date].`, `${param}[end_date]`);
        }
        const { price: priceId, quantity } = phase.items[0]!;
        const price = this.price(priceId);
        if (
          index === 0 &&
          (price.id !== item.price.id || (quantity ?? 1) !== (item.quantity ?? 1))
        ) {
          throw invalid(
            "This fake does not change the current phase's items: change the subscription instead.",
            `${param}[items]`,
          );
        }
        const built = phaseObject({
          price,
          quantity: quantity ?? 1,
          startDate: start,
          endDate: end,
          currency: subscription.currency,
          prorationBehavior:
            phase.proration_behavior ?? params.proration_behavior ?? "create_prorations",
        });
        start = end;
        return built;
      });
      schedule.current_phase = {
        start_date: schedule.phases[0]!.start_date,
        end_date: schedule.phases[0]!.end_date,
      };
    }
    if (params.end_behavior) schedule.end_behavior = params.end_behavior;
    if (params.metadata)
      schedule.metadata = mergeMetadata(schedule.metadata ?? {}, params.metadata);
    return schedule;
  }

  /** The schedule lets go: the subscription stays as it is now, with no phase to come. */
  releaseSchedule(
    id: string,
    request: RequestInfo,
  ): { schedule: WireSubscriptionSchedule; events: EventRecord[] } {
    const schedule = this.activeSchedule(id);
    const subscription = this.subscription(schedule.subscription as string);
    const before = structuredClone(subscription);
    this.release(schedule, subscription);
    return {
      schedule,
      events: [
        this.emit(
          "customer.subscription.updated",
          subscription,
          request,
          changedFields(before, subscription),
        ),
      ],
    };
  }

  private release(schedule: WireSubscriptionSchedule, subscription: WireSubscription) {
    schedule.status = "released";
    schedule.released_at = this.seconds();
    schedule.released_subscription = subscription.id;
    schedule.subscription = null;
    schedule.current_phase = null;
    subscription.schedule = null;
  }

  /** The price and quantity the schedule gives the subscription's next period, if any. */
  private nextPhaseItem(subscription: WireSubscription) {
    const schedule = subscription.schedule
      ? this.schedules.get(subscription.schedule as string)
      : undefined;
    const next = phaseStartingAt(schedule, subscription.items.data[0]!.current_period_end);
    return next ? phaseItem(next) : undefined;
  }

  /**
   * At a period's end the schedule's next phase takes over (its price and quantity); after its
   * last phase the schedule is released (end_behavior release) or the subscription ends (cancel).
   */
  private enterNextPhase(subscription: WireSubscription) {
    if (!subscription.schedule) return;
    const schedule = this.schedule(subscription.schedule as string);
    const item = subscription.items.data[0]!;
    const next = phaseStartingAt(schedule, item.current_period_end);
    if (next) {
      const { price, quantity } = phaseItem(next);
      setItemPrice(item, this.price(price), quantity);
      schedule.current_phase = { start_date: next.start_date, end_date: next.end_date };
    } else {
      this.release(schedule, subscription);
    }
  }

  // ── Test controls ──

  /**
   * The subscription reaches its next period: a cancel-at-period-end subscription ends
   * (customer.subscription.deleted); otherwise a trial ends or the period renews, with a renewal
   * invoice that is paid (invoice.paid) or, with `paymentFails`, left open (past_due,
   * invoice.payment_failed).
   */
  async advance(id: string, options: { paymentFails?: boolean } = {}): Promise<ControlResult> {
    const record = this.record(id);
    const { subscription } = record;
    if (isEnded(subscription.status)) throw invalid(`Subscription ${id} has ended.`);
    const before = structuredClone(subscription);
    const item = subscription.items.data[0]!;
    if (subscription.cancel_at_period_end) {
      this.end(subscription);
      return this.controlResult(subscription, [
        this.emit("customer.subscription.deleted", subscription, null),
      ]);
    }
    const start = item.current_period_end;
    const end = addMonth(start, record.anchorDay);
    this.enterNextPhase(subscription);
    item.current_period_start = start;
    item.current_period_end = end;
    const quantity = item.quantity ?? 1;
    const invoice = this.createInvoice(subscription, {
      billingReason: "subscription_cycle",
      lines: [
        ...record.pendingLines.splice(0),
        seatsLine(item.price, quantity, item.id, start, end),
      ],
      periodStart: before.items.data[0]!.current_period_start,
      periodEnd: start,
      paid: !options.paymentFails,
    });
    subscription.status = options.paymentFails ? "past_due" : "active";
    const events = [
      this.emit(
        "customer.subscription.updated",
        subscription,
        null,
        changedFields(before, subscription),
      ),
      options.paymentFails
        ? this.emit("invoice.payment_failed", invoice, null)
        : this.emit("invoice.paid", invoice, null),
    ];
    return this.controlResult(subscription, events);
  }

  /**
   * A payment fails: the open invoice's retry fails again (invoice.payment_failed), or, when the
   * last invoice was paid, the next renewal fails (past_due).
   */
  async failPayment(id: string): Promise<ControlResult> {
    const { subscription } = this.record(id);
    const open = this.openInvoice(subscription);
    if (!open) return this.advance(id, { paymentFails: true });
    open.attempt_count += 1;
    open.next_payment_attempt = this.seconds() + 3 * DAY;
    const before = structuredClone(subscription);
    subscription.status = "past_due";
    const events = [this.emit("invoice.payment_failed", open, null)];
    const previous = changedFields(before, subscription);
    if (Object.keys(previous).length > 0) {
      events.unshift(this.emit("customer.subscription.updated", subscription, null, previous));
    }
    return this.controlResult(subscription, events);
  }

  /** The retry succeeds: the open invoice is paid, the subscription active again. */
  async payOpenInvoice(id: string): Promise<ControlResult> {
    const { subscription } = this.record(id);
    const open = this.openInvoice(subscription);
    if (!open) throw invalid(`Subscription ${id} has no open invoice.`);
    this.markPaid(open);
    open.attempt_count += 1;
    const before = structuredClone(subscription);
    subscription.status = "active";
    return this.controlResult(subscription, [
      this.emit(
        "customer.subscription.updated",
        subscription,
        null,
        changedFields(before, subscription),
      ),
      this.emit("invoice.paid", open, null),
    ]);
  }

  /** Three days before the trial ends Stripe says so: customer.subscription.trial_will_end. */
  async trialWillEnd(id: string): Promise<ControlResult> {
    const { subscription } = this.record(id);
    if (subscription.status !== "trialing") throw invalid(`Subscription ${id} is not trialing.`);
    return this.controlResult(subscription, [
      this.emit("customer.subscription.trial_will_end", subscription, null),
    ]);
  }

  /** Someone changes the quantity outside Atlas (the dashboard): drift; `emit` sends the event. */
  async setQuantity(
    id: string,
    quantity: number,
    options: { emit?: boolean } = {},
  ): Promise<ControlResult> {
    const { subscription } = this.record(id);
    const before = structuredClone(subscription);
    subscription.items.data[0]!.quantity = quantity;
    const events = options.emit
      ? [
          this.emit(
            "customer.subscription.updated",
            subscription,
            null,
            changedFields(before, subscription),
          ),
        ]
      : [];
    return this.controlResult(subscription, events);
  }

  private openInvoice(subscription: WireSubscription): WireInvoice | undefined {
    const latest = subscription.latest_invoice
      ? this.invoices.get(subscription.latest_invoice as string)
      : undefined;
    return latest?.status === "open" ? latest : undefined;
  }

  private async controlResult(
    subscription: WireSubscription,
    events: EventRecord[],
  ): Promise<ControlResult> {
    const deliveries = await this.flush(events);
    return { subscription, events: events.map((e) => e.event.id), deliveries };
  }

  // ── HTTP ──

  /** Replaces ids at `paths` (`latest_invoice`, `data.customer`) with their objects. */
  private expand<T>(value: T, paths: string[] | undefined): T {
    if (!paths || paths.length === 0) return value;
    const copy = structuredClone(value) as unknown;
    for (const path of paths) this.expandPath(copy, path.split("."), path);
    return copy as T;
  }

  private expandPath(node: unknown, segments: string[], path: string) {
    if (segments.length === 0 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) this.expandPath(item, segments, path);
      return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    const holder = node as Record<string, unknown>;
    if (!(head in holder)) throw invalid(`This property cannot be expanded (${path}).`, "expand");
    let value = holder[head];
    if (typeof value === "string") {
      const found = this.lookup(value);
      if (found === undefined)
        throw invalid(`This property cannot be expanded (${path}).`, "expand");
      value = structuredClone(found);
      holder[head] = value;
    }
    this.expandPath(value, rest, path);
  }

  private list<T extends { id: string }>(
    items: T[],
    params: { limit?: number; starting_after?: string },
    path: string,
  ): Wire<Stripe.ApiList<T>> {
    let start = 0;
    if (params.starting_after !== undefined) {
      const index = items.findIndex((item) => item.id === params.starting_after);
      if (index < 0) throw missing("object", params.starting_after);
      start = index + 1;
    }
    const limit = params.limit ?? 10;
    const page = items.slice(start, start + limit);
    return {
      object: "list",
      data: page,
      has_more: start + limit < items.length,
      url: path,
    } as Wire<Stripe.ApiList<T>>;
  }

  private authenticate(request: IncomingMessage) {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match) {
      throw new FakeStripeError(
        401,
        "invalid_request_error",
        "You did not provide an API key. Provide it in the Authorization header (Bearer auth).",
      );
    }
    const key = match[1]!;
    const accepted = this.options.secretKey
      ? key === this.options.secretKey
      : /^(sk|rk)_test_\w+$/.test(key);
    if (!accepted) {
      throw new FakeStripeError(
        401,
        "invalid_request_error",
        `Invalid API Key provided: ${key.slice(0, 8)}****`,
      );
    }
  }

  private checkVersion(request: IncomingMessage) {
    const asked = request.headers["stripe-version"];
    if (asked !== undefined && asked !== FAKE_STRIPE_API_VERSION) {
      throw invalid(
        `Invalid Stripe API version: ${String(asked)}. This server speaks ${FAKE_STRIPE_API_VERSION}.`,
        undefined,
        "api_version_invalid",
      );
    }
  }

  /** The API: `/v1/…` routes. */
  private async api(
    method: string,
    path: string,
    form: FormObject,
    request: RequestInfo,
  ): Promise<Reply> {
    let m: RegExpExecArray | null;
    const ok = (body: unknown): Reply => ({ status: 200, body });
    const route = (pattern: RegExp) => (m = pattern.exec(path)) !== null;

    if (method === "POST" && path === "/v1/customers") {
      const params = parseParams(customerParams, form);
      return ok(this.expand(this.createCustomer(params), params.expand));
    }
    if (route(/^\/v1\/customers\/([^/]+)$/)) {
      const id = m![1]!;
      if (method === "GET") {
        const params = parseParams(expandOnly, form);
        return ok(this.expand(this.customer(id), params.expand));
      }
      if (method === "POST") {
        const params = parseParams(customerParams, form);
        return ok(this.expand(this.updateCustomer(id, params), params.expand));
      }
    }
    if (method === "GET" && route(/^\/v1\/prices\/([^/]+)$/)) {
      const params = parseParams(expandOnly, form);
      return ok(this.expand(this.price(m![1]!), params.expand));
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const params = parseParams(checkoutParams, form);
      return ok(this.expand(this.createCheckoutSession(params), params.expand));
    }
    if (method === "GET" && route(/^\/v1\/checkout\/sessions\/([^/]+)$/)) {
      const params = parseParams(expandOnly, form);
      return ok(this.expand(this.checkout(m![1]!).session, params.expand));
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      const params = parseParams(portalParams, form);
      return ok(this.expand(this.createPortalSession(params), params.expand));
    }
    if (method === "GET" && path === "/v1/subscriptions") {
      const params = parseParams(subscriptionListParams, form);
      if (params.customer !== undefined) this.customer(params.customer);
      const matching = newestFirst(
        [...this.subscriptions.values()].map((r) => r.subscription),
      ).filter(
        (s) =>
          (params.customer === undefined || s.customer === params.customer) &&
          (params.price === undefined || s.items.data[0]!.price.id === params.price) &&
          statusMatches(s.status, params.status),
      );
      return ok(this.expand(this.list(matching, params, "/v1/subscriptions"), params.expand));
    }
    if (route(/^\/v1\/subscriptions\/([^/]+)$/)) {
      const id = m![1]!;
      if (method === "GET") {
        const params = parseParams(expandOnly, form);
        return ok(this.expand(this.subscription(id), params.expand));
      }
      if (method === "POST") {
        const params = parseParams(subscriptionUpdateParams, form);
        const { subscription, events } = this.updateSubscription(id, params, request);
        await this.flush(events);
        return ok(this.expand(subscription, params.expand));
      }
      if (method === "DELETE") {
        const params = parseParams(subscriptionCancelParams, form);
        const { subscription, events } = this.cancelSubscription(id, request);
        await this.flush(events);
        return ok(this.expand(subscription, params.expand));
      }
    }
    if (method === "POST" && path === "/v1/subscription_schedules") {
      const params = parseParams(scheduleCreateParams, form);
      const { schedule, events } = this.createSchedule(params, request);
      await this.flush(events);
      return ok(this.expand(schedule, params.expand));
    }
    if (method === "POST" && route(/^\/v1\/subscription_schedules\/([^/]+)\/release$/)) {
      const params = parseParams(scheduleReleaseParams, form);
      const { schedule, events } = this.releaseSchedule(m![1]!, request);
      await this.flush(events);
      return ok(this.expand(schedule, params.expand));
    }
    if (route(/^\/v1\/subscription_schedules\/([^/]+)$/)) {
      const id = m![1]!;
      if (method === "GET") {
        const params = parseParams(expandOnly, form);
        return ok(this.expand(this.schedule(id), params.expand));
      }
      if (method === "POST") {
        const params = parseParams(scheduleUpdateParams, form);
        return ok(this.expand(this.updateSchedule(id, params), params.expand));
      }
    }
    if (method === "GET" && path === "/v1/invoices") {
      const params = parseParams(invoiceListParams, form);
      if (params.customer !== undefined) this.customer(params.customer);
      const matching = this.invoicesOf(params);
      return ok(this.expand(this.list(matching, params, "/v1/invoices"), params.expand));
    }
    if (method === "POST" && path === "/v1/invoices/create_preview") {
      const params = parseParams(previewParams, form);
      if (params.customer === undefined && params.subscription === undefined) {
        throw invalid("Missing required param: customer.", "customer", "parameter_missing");
      }
      return ok(this.expand(this.previewInvoice(params), params.expand));
    }
    if (method === "GET" && route(/^\/v1\/invoices\/([^/]+)$/)) {
      const params = parseParams(expandOnly, form);
      return ok(this.expand(this.invoice(m![1]!), params.expand));
    }
    throw new FakeStripeError(
      404,
      "invalid_request_error",
      `Unrecognized request URL (${method}: ${path}). This fake serves only the calls Atlas makes.`,
    );
  }

  /** Checkout and portal pages. */
  private async pages(method: string, path: string, form: FormObject): Promise<Reply | undefined> {
    let m: RegExpExecArray | null;
    if ((m = /^\/checkout\/([^/]+)$/.exec(path))) {
      const record = this.checkout(m[1]!);
      if (method === "GET") {
        const price = this.price(record.price);
        return {
          status: 200,
          html: checkoutPage({
            session: record.session,
            price,
            quantity: record.quantity,
            trialDays: record.trialDays,
            customer: this.customer(record.session.customer as string),
          }),
        };
      }
      if (method === "POST") {
        const { redirect } = await this.completeCheckout(m[1]!);
        return { status: 303, redirect };
      }
    }
    if ((m = /^\/portal\/([^/]+)$/.exec(path)) && method === "GET") {
      const session = this.portal(m[1]!);
      return {
        status: 200,
        html: portalPage({
          session,
          subscriptions: this.subscriptionsOf(session.customer).filter((s) => !isEnded(s.status)),
          prices: [...this.prices.values()],
        }),
      };
    }
    if (
      (m = /^\/portal\/([^/]+)\/subscriptions\/([^/]+)\/(seats|plan|cancel|renew)$/.exec(path)) &&
      method === "POST"
    ) {
      const session = this.portal(m[1]!);
      const subscription = this.subscription(m[2]!);
      if (subscription.customer !== session.customer) throw missing("subscription", m[2]!);
      const item = subscription.items.data[0]!;
      const action = m[3]!;
      const portalForm = z
        .object({ quantity: nonNegativeInt.optional(), price: z.string().optional() })
        .parse(form);
      const params: z.output<typeof subscriptionUpdateParams> =
        action === "seats"
          ? {
              items: [{ id: item.id, quantity: portalForm.quantity ?? item.quantity }],
              proration_behavior: "create_prorations",
            }
          : action === "plan"
            ? {
                items: [{ id: item.id, price: portalForm.price, quantity: item.quantity }],
                proration_behavior: "create_prorations",
              }
            : { cancel_at_period_end: action === "cancel" };
      const { events } = this.updateSubscription(subscription.id, params, null);
      await this.flush(events);
      return { status: 303, redirect: `${this.baseUrl}/portal/${session.id}` };
    }
    return undefined;
  }

  /** Test controls: `/_fake/…`. */
  private async controls(method: string, path: string, body: unknown): Promise<Reply | undefined> {
    let m: RegExpExecArray | null;
    const ok = (value: unknown): Reply => ({ status: 200, body: value });
    if (
      (m =
        /^\/_fake\/subscriptions\/([^/]+)\/(advance|fail_payment|pay|trial_will_end|quantity)$/.exec(
          path,
        )) &&
      method === "POST"
    ) {
      const id = m[1]!;
      switch (m[2]) {
        case "advance": {
          const { paymentFails } = z
            .object({ paymentFails: z.boolean().optional() })
            .parse(body ?? {});
          return ok(await this.advance(id, { paymentFails }));
        }
        case "fail_payment":
          return ok(await this.failPayment(id));
        case "pay":
          return ok(await this.payOpenInvoice(id));
        case "trial_will_end":
          return ok(await this.trialWillEnd(id));
        case "quantity": {
          const input = z
            .object({ quantity: z.number().int().min(0), emit: z.boolean().optional() })
            .parse(body);
          return ok(await this.setQuantity(id, input.quantity, { emit: input.emit }));
        }
      }
    }
    if (path === "/_fake/events" && method === "GET") {
      return ok({
        data: this.events.map((e) => ({
          id: e.event.id,
          type: e.event.type,
          created: e.event.created,
          object: (e.event.data.object as { id?: string }).id ?? null,
          held: e.held,
          deliveries: e.deliveries,
        })),
      });
    }
    if (path === "/_fake/events/deliver" && method === "POST") {
      const { ids } = z.object({ ids: z.array(z.string()).min(1) }).parse(body);
      return ok({ deliveries: await this.deliverAll(ids) });
    }
    if ((m = /^\/_fake\/events\/([^/]+)\/deliver$/.exec(path)) && method === "POST") {
      return ok({ deliveries: [await this.deliver(m[1]!)] });
    }
    if (path === "/_fake/webhooks" && method === "POST") {
      const input = z
        .object({ autoDeliver: z.boolean().optional(), url: z.url().optional() })
        .parse(body);
      if (input.autoDeliver !== undefined) this.autoDeliver = input.autoDeliver;
      if (input.url !== undefined) this.webhookUrl = input.url;
      return ok({ autoDeliver: this.autoDeliver, url: this.webhookUrl ?? null });
    }
    return undefined;
  }

  /** The node:http request listener. */
  readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
    void this.serve(request, response);
  };

  private async serve(request: IncomingMessage, response: ServerResponse) {
    const requestId = stripeId("req");
    const method = request.method ?? "GET";
    const target = new URL(request.url ?? "/", this.baseUrl);
    const path = target.pathname;
    const send = (reply: Reply) => {
      response.setHeader("request-id", requestId);
      if (reply.redirect) {
        response.writeHead(reply.status, { location: reply.redirect });
        response.end();
      } else if (reply.html !== undefined) {
        response.writeHead(reply.status, { "content-type": "text/html; charset=utf-8" });
        response.end(reply.html);
      } else {
        response.writeHead(reply.status, { "content-type": "application/json" });
        response.end(JSON.stringify(reply.body ?? {}, null, 2));
      }
    };
    try {
      const raw = await readBody(request);
      if (path.startsWith("/v1/")) {
        this.authenticate(request);
        this.checkVersion(request);
        response.setHeader("stripe-version", FAKE_STRIPE_API_VERSION);
        const bodyText = method === "GET" || method === "DELETE" ? target.search.slice(1) : raw;
        const form = parseStripeForm(bodyText);
        const key = header(request, "idempotency-key");
        const fingerprint = `${method} ${path} ${bodyText}`;
        if (key && method === "POST") {
          const seen = this.idempotency.get(key);
          if (seen) {
            if (seen.fingerprint !== fingerprint) {
              throw new FakeStripeError(
                400,
                "idempotency_error",
                `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              );
            }
            response.setHeader("idempotent-replayed", "true");
            send({ status: seen.status, body: seen.body });
            return;
          }
        }
        let reply: Reply;
        try {
          reply = await this.api(method, path, form, {
            id: requestId,
            idempotency_key: key ?? null,
          });
        } catch (error) {
          if (!(error instanceof FakeStripeError)) throw error;
          reply = { status: error.status, body: error.envelope() };
        }
        // Stripe keeps the first result of a key, errors from validation included.
        if (key && method === "POST" && reply.status < 500) {
          this.idempotency.set(key, { fingerprint, status: reply.status, body: reply.body });
        }
        send(reply);
        return;
      }
      if (path.startsWith("/_fake/")) {
        const body = raw ? (JSON.parse(raw) as unknown) : undefined;
        const reply = await this.controls(method, path, body);
        send(
          reply ?? { status: 404, body: invalid(`No test control ${method} ${path}.`).envelope() },
        );
        return;
      }
      const reply = await this.pages(method, path, parseStripeForm(raw));
      send(
        reply ?? { status: 404, html: "<!doctype html><title>Not found</title><h1>Not found</h1>" },
      );
    } catch (error) {
      if (error instanceof FakeStripeError) {
        send({ status: error.status, body: error.envelope() });
      } else if (error instanceof FormEncodingError) {
        send({ status: 400, body: invalid(error.message, error.param).envelope() });
      } else if (error instanceof z.ZodError || error instanceof SyntaxError) {
        send({ status: 400, body: invalid(`Invalid request: ${error.message}`).envelope() });
      } else {
        this.log(`fake Stripe error on ${method} ${path}: ${String(error)}`);
        send({
          status: 500,
          body: new FakeStripeError(500, "api_error", "Internal error in the fake.").envelope(),
        });
      }
    }
  }
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** An invoice's line for `quantity` seats of `price` over a period. */
function seatsLine(
  price: WirePrice,
  quantity: number,
  subscriptionItem: string,
  periodStart: number,
  periodEnd: number,
): InvoiceLine {
  return {
    description: `${quantity} × ${price.nickname} (at ${money(price.unit_amount ?? 0)} / month)`,
    amount: quantity * (price.unit_amount ?? 0),
    quantity,
    price,
    periodStart,
    periodEnd,
    proration: false,
    subscriptionItem,
  };
}

/** Newest first; the later of two created in the same second first. */
function newestFirst<T extends { created: number }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.created - a.item.created || b.index - a.index)
    .map(({ item }) => item);
}

function isEnded(status: Stripe.Subscription.Status): boolean {
  return status === "canceled" || status === "incomplete_expired";
}

/** The item now bills `price` for `quantity` seats (the legacy `plan` mirrors the price). */
function setItemPrice(
  item: WireSubscription["items"]["data"][number],
  price: WirePrice,
  quantity: number,
) {
  item.price = price;
  item.plan = { ...item.plan, id: price.id, amount: price.unit_amount, nickname: price.nickname };
  item.quantity = quantity;
}

/** Stripe's list filter: no status = every subscription not canceled; "ended" = canceled ones. */
function statusMatches(status: Stripe.Subscription.Status, filter: string | undefined): boolean {
  if (filter === "all") return true;
  if (filter === undefined) return status !== "canceled";
  if (filter === "ended") return isEnded(status);
  return status === filter;
}

/** Stripe merges metadata; an empty value removes the key. */
function mergeMetadata(
  current: Record<string, string>,
  update: Record<string, string> | undefined,
): Record<string, string> {
  const next = { ...current };
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The fields of `before` that differ in `after` (a webhook's `previous_attributes`). */
function changedFields(before: WireSubscription, after: WireSubscription): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof WireSubscription)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key];
  }
  return previous;
}

// ── Running it ───────────────────────────────────────────────────────────────────────────────

export interface StartFakeStripeOptions extends FakeStripeOptions {
  /** 0 (default) = any free port. */
  port?: number;
}

export interface RunningFakeStripe {
  /** `http://127.0.0.1:<port>`: STRIPE_API_BASE for Atlas. */
  url: string;
  fake: FakeStripe;
  stop(): Promise<void>;
}

/** Starts the fake on loopback; `stop()` closes it (and every open connection). */
export async function startFakeStripe(
  options: StartFakeStripeOptions = {},
): Promise<RunningFakeStripe> {
  const fake = new FakeStripe(options);
  const server: Server = createServer(fake.listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  fake.baseUrl = url;
  return {
    url,
    fake,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
