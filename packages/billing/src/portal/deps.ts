/**
 * What the billing page's services need (docs/architecture.md "Billing"): billing's deps (the
 * Stripe client, the prices, the audited bypass client for the customer) and the web app's own
 * URL, where Checkout and the Customer Portal send the owner back (`<appUrl>/billing`). Built once
 * per process by the web app; null when billing is off.
 */
import { billingDeps, type BillingDeps } from "../deps.ts";

export interface BillingPageDeps extends BillingDeps {
  /** The web app's public origin, e.g. https://app.atlas.example. */
  appUrl: string;
}

/** The billing page's address, where Stripe's hosted pages return to. */
export function billingPageUrl(deps: BillingPageDeps, query?: Record<string, string>): string {
  const url = new URL("/billing", deps.appUrl);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

/** The page's deps from the environment (and `overrides`), or null when billing is off. */
export function billingPageDeps(
  appUrl: string,
  overrides: Parameters<typeof billingDeps>[0] = {},
): BillingPageDeps | null {
  const deps = billingDeps(overrides);
  return deps && { ...deps, appUrl };
}
