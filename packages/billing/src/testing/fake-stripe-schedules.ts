/**
 * Subscription schedules in the fake Stripe: what a downgrade at the period's end uses
 * (docs/domain.md "Billing page"). Atlas makes three calls: create a schedule from a subscription
 * (one phase: the current period as it is), update it with a second phase (the cheaper price,
 * from the period's end, for one month, then released), and release it (the owner keeps the
 * plan). The fake applies the next phase when the subscription reaches its next period
 * (`advance`), and the invoice preview shows the next phase's price.
 */
import type Stripe from "stripe";
import { z } from "zod";
import type { Wire, WirePrice } from "./fake-stripe-objects.ts";

export type WireSubscriptionSchedule = Wire<Stripe.SubscriptionSchedule>;
type WirePhase = WireSubscriptionSchedule["phases"][number];

const int = z
  .string()
  .regex(/^-?\d+$/, "Invalid integer")
  .transform(Number);
const expand = z.array(z.string()).optional();
const PRORATION = z.enum(["create_prorations", "none", "always_invoice"]);

export const scheduleCreateParams = z.strictObject({
  from_subscription: z.string().min(1),
  metadata: z.record(z.string(), z.string()).optional(),
  expand,
});

export const scheduleUpdateParams = z.strictObject({
  end_behavior: z.enum(["release", "cancel"]).optional(),
  proration_behavior: PRORATION.optional(),
  phases: z
    .array(
      z.strictObject({
        items: z
          .array(
            z.strictObject({
              price: z.string().min(1),
              quantity: int.refine((n) => n >= 1, "must be at least 1").optional(),
            }),
          )
          .length(1, "This fake supports one item per phase"),
        start_date: int.optional(),
        end_date: int.optional(),
        duration: z
          .strictObject({
            interval: z.literal("month", "This fake supports monthly phases"),
            interval_count: int.optional(),
          })
          .optional(),
        proration_behavior: PRORATION.optional(),
      }),
    )
    .min(1)
    .max(2, "This fake supports at most two phases")
    .optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  expand,
});

export const scheduleReleaseParams = z.strictObject({
  preserve_cancel_date: z.enum(["true", "false"]).optional(),
  expand,
});

export function phaseObject(input: {
  price: WirePrice;
  quantity: number;
  startDate: number;
  endDate: number;
  currency: string;
  prorationBehavior: "create_prorations" | "none" | "always_invoice";
}): WirePhase {
  return {
    add_invoice_items: [],
    application_fee_percent: null,
    billing_cycle_anchor: null,
    billing_thresholds: null,
    collection_method: null,
    currency: input.currency,
    default_payment_method: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    end_date: input.endDate,
    invoice_settings: null,
    items: [
      {
        billing_thresholds: null,
        discounts: [],
        metadata: {},
        plan: input.price.id,
        price: input.price.id,
        quantity: input.quantity,
        tax_rates: [],
      },
    ],
    metadata: {},
    on_behalf_of: null,
    proration_behavior: input.prorationBehavior,
    start_date: input.startDate,
    transfer_data: null,
    trial_end: null,
  };
}

export function scheduleObject(input: {
  id: string;
  created: number;
  customer: string;
  subscription: string;
  phases: WirePhase[];
  metadata: Record<string, string>;
}): WireSubscriptionSchedule {
  const first = input.phases[0]!;
  return {
    id: input.id,
    object: "subscription_schedule",
    application: null,
    billing_mode: { flexible: null, type: "classic" },
    canceled_at: null,
    completed_at: null,
    created: input.created,
    current_phase: { start_date: first.start_date, end_date: first.end_date },
    customer: input.customer,
    customer_account: null,
    default_settings: {
      application_fee_percent: null,
      automatic_tax: { disabled_reason: null, enabled: false, liability: null },
      billing_cycle_anchor: "automatic",
      billing_thresholds: null,
      collection_method: "charge_automatically",
      default_payment_method: null,
      description: null,
      invoice_settings: {
        account_tax_ids: null,
        custom_fields: null,
        days_until_due: null,
        description: null,
        footer: null,
        issuer: { type: "self" },
      },
      on_behalf_of: null,
      transfer_data: null,
    },
    end_behavior: "release",
    livemode: false,
    metadata: input.metadata,
    pause_schedules: [],
    phases: input.phases,
    released_at: null,
    released_subscription: null,
    status: "active",
    subscription: input.subscription,
    test_clock: null,
  };
}

/** The phase that starts at `at` (the end of the current one), if the schedule has one. */
export function phaseStartingAt(
  schedule: WireSubscriptionSchedule | undefined,
  at: number,
): WirePhase | undefined {
  if (!schedule || schedule.status !== "active") return undefined;
  return schedule.phases.find((phase) => phase.start_date === at);
}

/** The phase's one item: its price id and quantity. */
export function phaseItem(phase: WirePhase): { price: string; quantity: number } {
  const item = phase.items[0]!;
  return { price: item.price as string, quantity: item.quantity ?? 1 };
}
