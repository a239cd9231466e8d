import "server-only";
import { billingDeps } from "@atlas/billing";
import type { BillingPageDeps } from "@atlas/billing/portal/deps";
import { serverEnv } from "~/env.ts";

let deps: BillingPageDeps | null | undefined;

/**
 * What the billing procedures run on in this process (docs/architecture.md "Billing"): Stripe,
 * the prices and this app's URL; null when billing is off.
 */
export function billingPage(): BillingPageDeps | null {
  if (deps === undefined) {
    const { billing, webUrl } = serverEnv();
    const base = billing ? billingDeps({ config: billing }) : null;
    deps = base && webUrl ? { ...base, appUrl: webUrl } : null;
  }
  return deps;
}
