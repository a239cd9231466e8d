/**
 * What the jobs run on: the application role's client (row-level security applies), the admin
 * role's client for the audited bypass, the server's clock and the AI planner (the configured
 * model with the local planner as fallback). Created lazily from the mode's configuration, so
 * importing the package connects to nothing; tests pass their own.
 */
import { billingDeps, type BillingDeps } from "@atlas/billing";
import { aiEnv, plannerFromEnv } from "@atlas/ai";
import type { SuggestionPlanner } from "@atlas/core/services/ai/request";
import type { DeliverDeps } from "@atlas/notify";
import type { InboxBus } from "@atlas/notify/inbox-bus";
import { createPrismaClient, databaseUrls, type Db } from "@atlas/db";
import { systemClock, type Clock } from "@atlas/time";
import { notifyOwnerOfBilling } from "./notifications.ts";

export interface JobDeps {
  appDb(): Db;
  bypassDb(): Db;
  clock: Clock;
  /** Billing's deps (Stripe), or null when billing is off; unset = from the environment. */
  billing?: () => BillingDeps | null;
  /** The AI planner of the scheduled suggestions (docs/architecture.md "AI planner"). */
  planner(): SuggestionPlanner;
  /**
   * Notifications' senders and live-inbox bus (docs/architecture.md "Jobs" → "Notifications");
   * unset = from the environment (notifications.ts).
   */
  notify?: () => NotifyChannels;
}

/** What the notification jobs send with besides the database and the clock. */
export interface NotifyChannels extends Pick<DeliverDeps, "config" | "email" | "push"> {
  inboxBus: InboxBus;
}

/**
 * The billing deps of `deps`: its own, else the environment's over its clients and clock; either
 * way its owner notices go through notify() (notifications.ts `notifyOwnerOfBilling`).
 */
export function billingOf(deps: JobDeps): BillingDeps | null {
  const billing = deps.billing
    ? deps.billing()
    : billingDeps({ bypassDb: deps.bypassDb(), now: () => deps.clock.now() });
  return (
    billing && {
      ...billing,
      notifyOwner: (recipient, notice) => notifyOwnerOfBilling(deps, recipient, notice),
    }
  );
}

let app: Db | undefined;
let admin: Db | undefined;
let planner: SuggestionPlanner | undefined;

export const defaultDeps: JobDeps = {
  appDb: () => (app ??= createPrismaClient(databaseUrls().appUrl)),
  bypassDb: () => (admin ??= createPrismaClient(databaseUrls().adminUrl)),
  clock: systemClock,
  planner: () => (planner ??= plannerFromEnv(aiEnv())),
};
