/**
 * Billing's part of Atlas's configuration (docs/architecture.md "Billing").
 *
 * Billing is ON iff `STRIPE_SECRET_KEY` is set, in every mode; then all of these are required:
 * - `STRIPE_SECRET_KEY` (`sk_test_…`, `sk_live_…` or a restricted `rk_…` key);
 * - `STRIPE_WEBHOOK_SECRET` (`whsec_…`, the signing secret of the endpoint that points at
 *   `/api/webhooks/stripe`, or the one `stripe listen` prints);
 * - `STRIPE_PRICE_TEAM`, `STRIPE_PRICE_COACH` (`price_…`, the per-seat monthly prices of the two
 *   plans on sale; the price → plan mapping is prices.ts).
 * Optional: `STRIPE_API_BASE`, an `http(s)://host:port` of a Stripe-compatible server (the local
 * fake in tests and the e2e stack); unset = Stripe itself.
 *
 * Off (no key), every workspace runs the self-hosted plan (docs/domain.md "Plans and
 * entitlements") and the other variables are not read. Errors name variables, never values.
 */
import { createEnv } from "@t3-oss/env-core";
import { AtlasConfigError, read, variableOf, type Env } from "@atlas/config";
import { z } from "zod";

export const BILLING_VARIABLES = [
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_PRICE_TEAM",
  "STRIPE_PRICE_COACH",
] as const;

const priceId = z.string().regex(/^price_\w+$/, "must be a Stripe price id (price_…)");

/** The fragment's variables and formats, all optional here: `billingConfig` decides what is required. */
export const billingEnvShape = {
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_test_…, sk_live_…, rk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "must be a Stripe webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_PRICE_TEAM: priceId.optional(),
  STRIPE_PRICE_COACH: priceId.optional(),
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/ })
    .refine((value) => {
      const url = new URL(value);
      return (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash;
    }, "must be http(s)://host[:port] with no path")
    .optional(),
};

/** Where the SDK sends requests: Stripe itself, or a compatible server (`STRIPE_API_BASE`). */
export interface StripeApiBase {
  protocol: "http" | "https";
  host: string;
  port: number;
}

export interface BillingConfig {
  secretKey: string;
  webhookSecret: string;
  /** The per-seat price of each plan on sale. */
  prices: { team: string; coach: string };
  /** Unset: Stripe's own API. */
  apiBase?: StripeApiBase;
}

/** `http://127.0.0.1:12111` → { protocol: "http", host: "127.0.0.1", port: 12111 }. */
export function parseApiBase(value: string): StripeApiBase {
  const url = new URL(value);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    protocol,
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
  };
}

/** Whether billing is on: a Stripe secret key is configured. */
export function billingEnabled(env: Env = process.env): boolean {
  return read(env, "STRIPE_SECRET_KEY") !== undefined;
}

/**
 * The validated billing configuration, or null when billing is off. Throws an AtlasConfigError
 * naming every missing or malformed variable when the key is set.
 */
export function billingConfig(env: Env = process.env): BillingConfig | null {
  if (!billingEnabled(env)) return null;
  const parsed = createEnv({
    server: billingEnvShape,
    runtimeEnv: Object.fromEntries(
      Object.keys(billingEnvShape).map((name) => [name, read(env, name)]),
    ),
    emptyStringAsUndefined: true,
    isServer: true,
    onValidationError: (issues) => {
      const names = [...new Set(issues.map(variableOf))];
      const details = issues.map((issue) => `${variableOf(issue)} ${issue.message}`).join("; ");
      throw new AtlasConfigError(`Invalid billing configuration: ${details}.`, names);
    },
  });
  const missing = BILLING_VARIABLES.filter((name) => parsed[name] === undefined);
  if (missing.length > 0) {
    throw new AtlasConfigError(
      `Missing ${missing.join(", ")}: STRIPE_SECRET_KEY is set, so billing is on and needs all of ${BILLING_VARIABLES.join(", ")}; unset STRIPE_SECRET_KEY to run without billing.`,
      missing,
    );
  }
  return {
    secretKey: parsed.STRIPE_SECRET_KEY!,
    webhookSecret: parsed.STRIPE_WEBHOOK_SECRET!,
    prices: { team: parsed.STRIPE_PRICE_TEAM!, coach: parsed.STRIPE_PRICE_COACH! },
    ...(parsed.STRIPE_API_BASE ? { apiBase: parseApiBase(parsed.STRIPE_API_BASE) } : {}),
  };
}

/** The configuration when billing must be on (a caller that only runs with billing). */
export function requireBillingConfig(env: Env = process.env): BillingConfig {
  const config = billingConfig(env);
  if (!config) {
    throw new AtlasConfigError(
      "Billing is off: set STRIPE_SECRET_KEY (and the other Stripe variables) to turn it on.",
      ["STRIPE_SECRET_KEY"],
    );
  }
  return config;
}
