/**
 * Billing's plain steps for the jobs (docs/architecture.md "Billing"); the Inngest functions and
 * the local runner only order them. Each re-reads Stripe and is idempotent. With billing off
 * (no STRIPE_SECRET_KEY) each is a no-op.
 */
import {
  listBillingWorkspaces,
  processStripeEvent,
  reconcileWorkspace,
  syncSeats,
  type ReconcileResult,
  type SeatSyncResult,
  type StripeEventResult,
} from "@atlas/billing";
import { billingOf, type JobDeps } from "./deps.ts";
import { degradeAfterPlanChange } from "./notifications.ts";
import type { AtlasEventData } from "./events.ts";

const OFF = { skipped: "billing is off" } as const;

/** One handled Stripe event: converge the customer, apply the seats, notify the owners. */
export async function runCustomerSync(
  deps: JobDeps,
  data: AtlasEventData<"atlas/billing.customer-sync">,
): Promise<StripeEventResult | typeof OFF> {
  const billing = billingOf(deps);
  if (!billing) return OFF;
  const result = await processStripeEvent(billing, data);
  // A lower plan: what waits on a channel it lost is degraded, never lost.
  if (result.customer.outcome === "applied") {
    await degradeAfterPlanChange(deps, result.customer.workspaceId);
  }
  return result;
}

/** A member joined: raise the paid seats if the policy says so. */
export async function runSeatsSync(
  deps: JobDeps,
  data: AtlasEventData<"atlas/billing.seats-sync">,
): Promise<SeatSyncResult | typeof OFF> {
  const billing = billingOf(deps);
  return billing ? syncSeats(billing, data.workspaceId, { source: "job:billing-seats" }) : OFF;
}

/** The workspaces the nightly reconcile visits (none with billing off). */
export async function listReconcileWorkspaces(deps: JobDeps): Promise<string[]> {
  const billing = billingOf(deps);
  return billing ? listBillingWorkspaces(billing) : [];
}

/** The nightly reconcile of one workspace. */
export async function runReconcile(
  deps: JobDeps,
  data: AtlasEventData<"atlas/billing.reconcile.requested">,
): Promise<ReconcileResult | typeof OFF> {
  const billing = billingOf(deps);
  return billing ? reconcileWorkspace(billing, data.workspaceId) : OFF;
}
