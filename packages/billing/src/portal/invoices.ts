/**
 * The workspace's invoices as Stripe keeps them (docs/domain.md "Billing page"), newest first, a
 * page at a time: Stripe's own cursor (`starting_after`, the last invoice id of the page before),
 * so a page costs one call whatever the history. Each with its number, date, amount, status and
 * Stripe's links (the hosted page, the PDF).
 */
import { AppError } from "@atlas/core";
import { stripeCustomerOf } from "@atlas/core/services/billing/account";
import type { TenantDb } from "@atlas/db";
import type Stripe from "stripe";
import type { BillingPageDeps } from "./deps.ts";
import { isoOfSeconds } from "./live-subscription.ts";
import { fromStripe, isStripeError } from "./stripe-errors.ts";

export interface InvoiceRow {
  id: string;
  /** Null for a draft (not numbered yet). */
  number: string | null;
  /** When it was issued (ISO). */
  createdAt: string;
  amountDueCents: number;
  amountPaidCents: number;
  currency: string;
  status: "draft" | "open" | "paid" | "uncollectible" | "void";
  hostedInvoiceUrl: string | null;
  invoicePdfUrl: string | null;
}

const STATUSES: readonly InvoiceRow["status"][] = [
  "draft",
  "open",
  "paid",
  "uncollectible",
  "void",
];

function rowOf(invoice: Stripe.Invoice): InvoiceRow {
  return {
    id: invoice.id,
    number: invoice.number,
    createdAt: isoOfSeconds(invoice.created),
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    currency: invoice.currency,
    status: STATUSES.find((s) => s === invoice.status) ?? "open",
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdfUrl: invoice.invoice_pdf ?? null,
  };
}

export async function listInvoices(
  db: TenantDb,
  deps: BillingPageDeps,
  input: { workspaceId: string; cursor?: string; limit: number },
): Promise<{ items: InvoiceRow[]; nextCursor: string | null }> {
  const customerId = await stripeCustomerOf(db, input.workspaceId);
  if (!customerId) return { items: [], nextCursor: null };
  const page = await fromStripe("list the invoices", async () => {
    try {
      return await deps.stripe.invoices.list({
        customer: customerId,
        limit: input.limit,
        ...(input.cursor ? { starting_after: input.cursor } : {}),
      });
    } catch (error) {
      // A cursor that is no invoice of this customer (another's, or made up).
      if (input.cursor && isStripeError(error) && error.code === "resource_missing") {
        throw new AppError(
          "BAD_REQUEST",
          "There is no such page of invoices: start from the first page.",
        );
      }
      throw error;
    }
  });
  const items = page.data.map(rowOf);
  return { items, nextCursor: page.has_more ? (items.at(-1)?.id ?? null) : null };
}
