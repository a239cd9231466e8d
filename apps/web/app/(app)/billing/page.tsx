import { can } from "@atlas/api/permissions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@atlas/ui";
import { isTRPCError } from "@atlas/next-app/server";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { InvoicesCard } from "~/components/billing/invoices-card.tsx";
import { ManagePaymentButton } from "~/components/billing/manage-payment-button.tsx";
import { PlanCard } from "~/components/billing/plan-card.tsx";
import { PlanChoices } from "~/components/billing/plan-choices.tsx";
import { PlanComparison } from "~/components/billing/plan-comparison.tsx";
import { RefreshWhilePending } from "~/components/billing/refresh-while-pending.tsx";
import { NoWorkspace } from "~/components/no-workspace.tsx";
import { getActiveWorkspace, getMySettings } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";

export const metadata: Metadata = { title: "Billing" };

/** Stripe's answer for the first page of invoices, or why there is none (Stripe unreachable). */
async function firstInvoices(api: Awaited<ReturnType<typeof getApi>>, workspaceId: string) {
  try {
    return await api.billing.invoices({ workspaceId, limit: 10 });
  } catch (error) {
    if (isTRPCError(error, "BAD_GATEWAY") || isTRPCError(error, "SERVICE_UNAVAILABLE")) {
      return { error: error.message };
    }
    throw error;
  }
}

/**
 * The billing page (docs/domain.md "Billing page"): owners see and change the plan, seats,
 * invoices and the payment method; admins see the same without the actions; anyone else gets
 * forbidden.tsx with a real HTTP 403 (no loading boundary here: nothing streams before the role
 * is checked). Billing off: the self-hosted plan and its limits.
 */
export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<{ checkout?: string }>;
}) {
  const active = await getActiveWorkspace();
  if (!active) return <NoWorkspace title="Billing" />;
  if (!can("seeBilling", { role: active.role, sharesProgress: false })) forbidden();

  const api = await getApi();
  const workspaceId = active.id;
  const [summary, settings, { checkout }] = await Promise.all([
    api.billing.summary({ workspaceId }),
    getMySettings(),
    searchParams,
  ]);
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Billing</h1>
      <p className="mt-1 text-sm text-muted-foreground">{active.name}</p>
    </div>
  );

  if (!summary.billingEnabled) {
    return (
      <div className="flex flex-col gap-6">
        {heading}
        <Card aria-labelledby="off-title">
          <CardHeader>
            <CardTitle id="off-title">Billing is off on this server</CardTitle>
            <CardDescription>
              This Atlas runs without billing, on the {summary.plan.name} plan: nothing is charged,
              and every workspace has the limits below, set by whoever runs this server.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {summary.features.map((f) => (
                <div
                  key={f.feature}
                  className="flex justify-between gap-4 border-b border-border py-1"
                >
                  <dt>{f.label[0]!.toUpperCase() + f.label.slice(1)}</dt>
                  <dd className="font-medium">{f.value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    );
  }

  const invoices = await firstInvoices(api, workspaceId);
  const timeZone = settings.timeZone;
  const owner = summary.canManage;
  return (
    <div className="flex flex-col gap-6">
      {heading}
      {checkout === "success" ? (
        <p role="status" className="rounded-md border border-success/30 bg-success/10 p-3 text-sm">
          {summary.subscription
            ? `Thank you: the workspace is on the ${summary.plan.name} plan.`
            : "Thank you: Stripe has your payment, and the plan changes here in a moment."}
          {summary.subscription ? null : <RefreshWhilePending />}
        </p>
      ) : checkout === "canceled" ? (
        <p role="status" className="rounded-md border border-border bg-muted p-3 text-sm">
          Checkout was canceled: nothing was charged.
        </p>
      ) : null}
      {summary.stripeUnavailable ? (
        <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
          {summary.stripeUnavailable}
        </p>
      ) : null}
      <PlanCard
        summary={summary}
        timeZone={timeZone}
        actions={
          owner ? (
            summary.subscription ? (
              <ManagePaymentButton workspaceId={workspaceId} />
            ) : null
          ) : (
            <p className="text-sm text-muted-foreground">
              You can see billing as an admin; only owners change the plan or the payment method.
            </p>
          )
        }
      />
      {owner ? (
        <PlanChoices
          key={workspaceId}
          workspaceId={workspaceId}
          summary={summary}
          timeZone={timeZone}
        />
      ) : null}
      <PlanComparison summary={summary} />
      <InvoicesCard
        key={workspaceId}
        workspaceId={workspaceId}
        timeZone={timeZone}
        initial={invoices}
      />
    </div>
  );
}
