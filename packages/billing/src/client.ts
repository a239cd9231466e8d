/**
 * The one Stripe client (docs/architecture.md "Billing"): the API version pinned to the one the
 * installed SDK's types describe (payload shapes follow it: periods on subscription items,
 * `invoice.parent.subscription_details`), network retries on (the SDK then sends an idempotency
 * key with every POST, so a retried write happens once), and `STRIPE_API_BASE` honoured.
 */
import Stripe from "stripe";
import { requireBillingConfig, type BillingConfig } from "./env.ts";

/** The Stripe API version Atlas speaks; webhook endpoints must be created with the same one. */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

/** Retries of a request that failed on the network or with a retryable status (409, 5xx). */
export const STRIPE_MAX_NETWORK_RETRIES = 2;

const clients = new Map<string, Stripe>();

/** The client for `config` (default: the environment's), one per key and API base. */
export function stripeClient(config: BillingConfig = requireBillingConfig()): Stripe {
  const { apiBase } = config;
  const cacheKey = `${config.secretKey}@${apiBase ? `${apiBase.protocol}://${apiBase.host}:${apiBase.port}` : "stripe"}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Stripe(config.secretKey, {
      apiVersion: STRIPE_API_VERSION,
      maxNetworkRetries: STRIPE_MAX_NETWORK_RETRIES,
      timeout: 20_000,
      telemetry: false,
      appInfo: { name: "Atlas" },
      ...(apiBase ? { host: apiBase.host, port: apiBase.port, protocol: apiBase.protocol } : {}),
    });
    clients.set(cacheKey, client);
  }
  return client;
}

export { Stripe };
