"use client";

import type { RouterOutputs } from "@atlas/api";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ScrollRegion,
} from "@atlas/ui";
import { usePages } from "~/lib/api.ts";
import { formatMoney } from "~/lib/billing-format.ts";
import { describeError } from "~/lib/errors.ts";
import { formatInstant } from "@atlas/ui/dates";
import { useLocale } from "@atlas/ui/locale";

type Page = RouterOutputs["billing"]["invoices"];
type Invoice = Page["items"][number];

const PAGE_SIZE = 10;

const STATUS: Record<
  Invoice["status"],
  { label: string; tone: "success" | "warning" | "neutral" }
> = {
  paid: { label: "Paid", tone: "success" },
  open: { label: "Due", tone: "warning" },
  draft: { label: "Draft", tone: "neutral" },
  uncollectible: { label: "Uncollectible", tone: "warning" },
  void: { label: "Void", tone: "neutral" },
};

/** The workspace's invoices from Stripe, newest first, ten at a time, with their links. */
export function InvoicesCard({
  workspaceId,
  timeZone,
  initial,
}: {
  workspaceId: string;
  timeZone: string;
  /** The first page, or why it could not be read (Stripe unreachable). */
  initial: Page | { error: string };
}) {
  const locale = useLocale();
  const pages = usePages(
    "error" in initial ? { items: [], nextCursor: null } : initial,
    (api, cursor) => api.billing.invoices.query({ workspaceId, cursor, limit: PAGE_SIZE }),
  );
  const invoices = pages.items;
  const loading = pages.isLoading;
  // Stripe unreachable for the first page (the server says why), or for a later one.
  const error = pages.error
    ? describeError(pages.error).form
    : "error" in initial
      ? initial.error
      : null;

  return (
    <Card aria-labelledby="invoices-title">
      <CardHeader>
        <CardTitle id="invoices-title">Invoices</CardTitle>
        <CardDescription>From Stripe, newest first.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {invoices.length === 0 && !error ? (
          <p className="text-sm text-muted-foreground">No invoices yet.</p>
        ) : null}
        {invoices.length > 0 ? (
          <ScrollRegion label="Invoices">
            <table className="w-full text-left text-sm">
              <thead className="text-muted-foreground">
                <tr className="border-b border-border">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Invoice
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Date
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Amount
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Links</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((invoice) => {
                  const name = invoice.number ?? "Draft";
                  return (
                    <tr key={invoice.id} className="border-b border-border last:border-0">
                      <th scope="row" className="py-2 pr-4 font-medium">
                        {name}
                      </th>
                      <td className="py-2 pr-4">
                        {formatInstant(invoice.createdAt, "date", locale, timeZone)}
                      </td>
                      <td className="py-2 pr-4">
                        {formatMoney(invoice.amountDueCents, invoice.currency)}
                      </td>
                      <td className="py-2 pr-4">
                        <Badge tone={STATUS[invoice.status].tone}>
                          {STATUS[invoice.status].label}
                        </Badge>
                      </td>
                      <td className="flex gap-3 py-2">
                        {invoice.hostedInvoiceUrl ? (
                          <a
                            href={invoice.hostedInvoiceUrl}
                            className="text-primary hover:underline"
                            aria-label={`View invoice ${name}`}
                          >
                            View
                          </a>
                        ) : null}
                        {invoice.invoicePdfUrl ? (
                          <a
                            href={invoice.invoicePdfUrl}
                            className="text-primary hover:underline"
                            aria-label={`PDF of invoice ${name}`}
                          >
                            PDF
                          </a>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        {pages.hasMore ? (
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              aria-disabled={loading}
              onClick={() => !loading && void pages.more()}
            >
              Show more invoices
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
