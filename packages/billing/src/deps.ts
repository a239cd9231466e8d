/**
 * What billing's work runs on: the configuration, the Stripe client, the bypass client (every
 * use audited through withBypass), a clock and a log. `billingDeps()` is null when billing is off.
 */
import type { Env } from "@atlas/config";
import type { OwnerNotice } from "@atlas/core/services/billing/notify-owners";
import type { Db } from "@atlas/db";
import type Stripe from "stripe";
import { stripeClient } from "./client.ts";
import { billingConfig, type BillingConfig } from "./env.ts";

export interface BillingLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface BillingDeps {
  config: BillingConfig;
  stripe: Stripe;
  /** The admin-role client; unset = withBypass's shared one (DATABASE_ADMIN_URL). */
  bypassDb?: Db;
  now(): Date;
  log: BillingLog;
  /**
   * Tells one owner a billing notice through notify() (the jobs pass it: docs/architecture.md
   * "Jobs" → "Notifications"); true when it was new. Unset: the in-app row alone (notifyOwners).
   */
  notifyOwner?: OwnerNotifier;
}

export type OwnerNotifier = (
  recipient: { workspaceId: string; userId: string },
  notice: OwnerNotice,
) => Promise<boolean>;

export const consoleBillingLog: BillingLog = {
  info: (message, fields) => console.info(`[billing] ${message}`, fields ?? ""),
  warn: (message, fields) => console.warn(`[billing] ${message}`, fields ?? ""),
};

/** The deps from the environment (and `overrides`), or null when billing is off. */
export function billingDeps(
  overrides: Partial<BillingDeps> & { env?: Env } = {},
): BillingDeps | null {
  const config = overrides.config ?? billingConfig(overrides.env);
  if (!config) return null;
  return {
    config,
    stripe: overrides.stripe ?? stripeClient(config),
    bypassDb: overrides.bypassDb,
    now: overrides.now ?? (() => new Date()),
    log: overrides.log ?? consoleBillingLog,
    notifyOwner: overrides.notifyOwner,
  };
}
