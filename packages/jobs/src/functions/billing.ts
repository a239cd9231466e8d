/**
 * Billing in Inngest (docs/architecture.md "Billing"): one function per handled Stripe event,
 * one run at a time per customer (steps: converge the customer, apply the seats, notify the
 * owners); the seat sync after a join and the reconcile, one run at a time per workspace; the
 * nightly cron fans the reconcile out per workspace with a Stripe customer. Every step re-reads
 * Stripe and is idempotent.
 */
import { isNoticeEvent, notifyOwnersOf, syncCustomer, syncSeats } from "@atlas/billing";
import { listReconcileWorkspaces, runReconcile, runSeatsSync } from "../billing.ts";
import { inngest } from "../client.ts";
import { degradeAfterPlanChange } from "../notifications.ts";
import { billingOf, defaultDeps, type JobDeps } from "../deps.ts";
import {
  BILLING_RECONCILE_CRON,
  billingCustomerSync,
  billingReconcileRequested,
  billingSeatsSync,
} from "../events.ts";

/** Inngest accepts a bounded batch per send: fan out in chunks. */
const FAN_OUT_CHUNK = 500;

export function createBillingFunctions(deps: JobDeps = defaultDeps) {
  const billingCustomerSyncFunction = inngest.createFunction(
    {
      id: "billing-customer-sync",
      triggers: [billingCustomerSync],
      concurrency: { key: "event.data.customerId", limit: 1 },
    },
    async ({ event, step }) => {
      const billing = billingOf(deps);
      if (!billing) return { skipped: "billing is off" };
      const source = "job:billing-customer-sync";
      const { customerId, type, objectId } = event.data;
      const customer = await step.run("sync-customer", () =>
        syncCustomer(billing, customerId, { source }),
      );
      if (customer.outcome !== "applied") return { customer: customer.outcome };
      const { workspaceId } = customer;
      const seats = await step.run("sync-seats", () => syncSeats(billing, workspaceId, { source }));
      // A lower plan: what waits on a channel it lost is degraded, never lost.
      await step.run("degrade-deliveries", () => degradeAfterPlanChange(deps, workspaceId));
      const notified = isNoticeEvent(type)
        ? await step.run("notify-owners", () =>
            notifyOwnersOf(billing, { workspaceId, type, objectId }),
          )
        : 0;
      return { customer: customer.outcome, workspaceId, seats: seats.outcome, notified };
    },
  );

  const billingSeatsSyncFunction = inngest.createFunction(
    {
      id: "billing-seats-sync",
      triggers: [billingSeatsSync],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => step.run("sync-seats", () => runSeatsSync(deps, event.data)),
  );

  const billingReconcileCron = inngest.createFunction(
    { id: "billing-reconcile-cron", triggers: [{ cron: BILLING_RECONCILE_CRON }] },
    async ({ step }) => {
      const workspaceIds = await step.run("list-workspaces", () => listReconcileWorkspaces(deps));
      for (let i = 0; i < workspaceIds.length; i += FAN_OUT_CHUNK) {
        await step.sendEvent(
          `fan-out-${i / FAN_OUT_CHUNK}`,
          workspaceIds
            .slice(i, i + FAN_OUT_CHUNK)
            .map((workspaceId) => billingReconcileRequested.create({ workspaceId })),
        );
      }
      return { workspaces: workspaceIds.length };
    },
  );

  const billingReconcileWorkspace = inngest.createFunction(
    {
      id: "billing-reconcile-workspace",
      triggers: [billingReconcileRequested],
      concurrency: { key: "event.data.workspaceId", limit: 1 },
    },
    async ({ event, step }) => step.run("reconcile", () => runReconcile(deps, event.data)),
  );

  return {
    billingCustomerSync: billingCustomerSyncFunction,
    billingSeatsSync: billingSeatsSyncFunction,
    billingReconcileCron,
    billingReconcileWorkspace,
  };
}
