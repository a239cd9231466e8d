import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ProgressBar,
} from "@atlas/ui";
import type { ReactNode } from "react";
import {
  SEAT_POLICY,
  STATUS_LABEL,
  STATUS_TONE,
  formatMoney,
  planName,
  type BillingOn,
} from "~/lib/billing-format.ts";
import { getLocale } from "@atlas/next-app/server";
import { formatInstant } from "@atlas/ui/dates";

/**
 * The workspace's plan as billing stands now (docs/domain.md "Billing page"): status, trial,
 * seats used against seats paid, the next invoice, a change waiting for the period's end, and
 * `actions` (the owner's "Manage payment method").
 */
export async function PlanCard({
  summary,
  timeZone,
  actions,
}: {
  summary: BillingOn;
  timeZone: string;
  actions: ReactNode;
}) {
  const { subscription, seats, nextInvoice } = summary;
  const locale = await getLocale();
  const day = (iso: string) => formatInstant(iso, "date", locale, timeZone);
  return (
    <Card aria-labelledby="plan-title">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id="plan-title">{summary.plan.name} plan</CardTitle>
          {subscription ? (
            <Badge tone={STATUS_TONE[subscription.status]}>
              {STATUS_LABEL[subscription.status]}
            </Badge>
          ) : null}
        </div>
        <CardDescription>
          {subscription
            ? subscription.status === "trialing" && subscription.trialEnd
              ? `Free trial until ${day(subscription.trialEnd)}.`
              : subscription.currentPeriodEnd
                ? `The current period ends on ${day(subscription.currentPeriodEnd)}.`
                : null
            : "No subscription: the workspace is on the Free plan."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-2">
            <dt className="text-sm text-muted-foreground">Seats</dt>
            <dd className="flex flex-col gap-2">
              <span className="text-sm font-medium">
                {seats.used} {seats.used === 1 ? "member" : "members"}
                {seats.paid !== null
                  ? ` · ${seats.paid} ${seats.paid === 1 ? "seat" : "seats"} paid`
                  : ""}
              </span>
              {seats.paid !== null ? (
                <ProgressBar
                  label="Seats used of seats paid"
                  value={seats.paid === 0 ? 1 : seats.used / seats.paid}
                  valueText={`${seats.used} of ${seats.paid} seats`}
                />
              ) : null}
            </dd>
          </div>
          <div className="flex flex-col gap-2">
            <dt className="text-sm text-muted-foreground">Next invoice</dt>
            <dd className="text-sm font-medium">
              {nextInvoice
                ? `${formatMoney(nextInvoice.amountDueCents, nextInvoice.currency)} on ${day(nextInvoice.date)}`
                : subscription?.pendingChange?.plan === "free"
                  ? "None: the subscription ends with this period."
                  : subscription && summary.stripeUnavailable
                    ? "Not available right now."
                    : "None."}
            </dd>
          </div>
        </dl>
        {subscription?.pendingChange ? (
          <p
            role="status"
            className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm"
          >
            The workspace moves to the {planName(summary, subscription.pendingChange.plan)} plan on{" "}
            {day(subscription.pendingChange.effectiveAt)}. Until then nothing changes.
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">{SEAT_POLICY}</p>
        {actions}
      </CardContent>
    </Card>
  );
}
