/** Words and numbers of the billing page (docs/domain.md "Billing page"), for server and client. */
import type { RouterOutputs } from "@atlas/api";

type Summary = RouterOutputs["billing"]["summary"];
export type BillingOn = Extract<Summary, { billingEnabled: true }>;
export type SubscriptionStatus = NonNullable<BillingOn["subscription"]>["status"];
export type PlanId = BillingOn["plans"][number]["id"];

/** The seat policy (docs/adr/0010), in one sentence. */
export const SEAT_POLICY =
  "Members who join are billed from your next invoice; members who leave are billed until the period ends.";

/** The plan catalog's prices (core's pricePerSeatMonthlyCents) are in US dollars. */
export const CATALOG_CURRENCY = "usd";

/** "$12.00" (Stripe's amounts are in the currency's smallest unit). */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}

export const STATUS_LABEL: Record<SubscriptionStatus, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Payment overdue",
  unpaid: "Unpaid",
  canceled: "Canceled",
  incomplete: "Payment incomplete",
  incomplete_expired: "Expired",
  paused: "Paused",
};

export const STATUS_TONE: Record<SubscriptionStatus, "success" | "warning" | "danger" | "info"> = {
  trialing: "info",
  active: "success",
  past_due: "danger",
  unpaid: "danger",
  canceled: "warning",
  incomplete: "warning",
  incomplete_expired: "warning",
  paused: "warning",
};

/** A plan's name as the summary gives it (core's catalog). */
export function planName(summary: BillingOn, id: PlanId): string {
  return summary.plans.find((plan) => plan.id === id)?.name ?? id;
}
