/**
 * The dunning ladder (docs/domain.md "Dunning"): what a workspace whose payment is failing may
 * still do, as a pure function of the subscription's status, the start of the current run of
 * failed payments and the instant asked about. Reads and exports are never an action here: they
 * are never blocked.
 */
import { AppError } from "../errors.ts";

export const DUNNING_STAGES = ["none", "past_due", "paused", "read_only"] as const;
/** Ordered: each stage allows at most what the one before it allows. */
export type DunningStage = (typeof DUNNING_STAGES)[number];

/** What the ladder may refuse (every other call, reads and exports above all, it never sees). */
export const BILLING_ACTIONS = ["write", "invite", "ai_suggestion"] as const;
export type BillingAction = (typeof BILLING_ACTIONS)[number];

/** Elapsed time past due, in whole days of 24 hours, from which a stage starts. */
export const PAUSED_AFTER_DAYS = 7;
export const READ_ONLY_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The subscription statuses on the ladder: `past_due` (Stripe retries the payment) and `unpaid`
 * (Stripe gave up retrying but kept the subscription). Every other status, no subscription
 * included, is "none"; canceled moves the workspace to the free plan instead (nothing deleted).
 */
const FAILING = new Set(["past_due", "unpaid"]);

export interface DunningInput {
  /** Subscription.status, null without a subscription. */
  status: string | null;
  /** Subscription.pastDueSince: when the current run of failed payments began. */
  pastDueSince: Date | null;
}

/**
 * The stage at `now`. The days are elapsed time, not calendar days: "paused" from exactly
 * 7 × 24 hours after `pastDueSince`, "read_only" from 14 × 24 hours (so the answer is the same
 * in every time zone). A failing status without its start (not recorded yet) stays "past_due": the
 * banner shows, nothing is blocked until the start is known.
 */
export function dunningStage(input: DunningInput, now: Date): DunningStage {
  if (input.status === null || !FAILING.has(input.status)) return "none";
  if (input.pastDueSince === null) return "past_due";
  const elapsed = now.getTime() - input.pastDueSince.getTime();
  if (elapsed >= READ_ONLY_AFTER_DAYS * DAY_MS) return "read_only";
  if (elapsed >= PAUSED_AFTER_DAYS * DAY_MS) return "paused";
  return "past_due";
}

/** What each stage refuses. */
const REFUSED: Readonly<Record<DunningStage, readonly BillingAction[]>> = {
  none: [],
  past_due: [],
  paused: ["invite", "ai_suggestion"],
  read_only: ["write", "invite", "ai_suggestion"],
};

export function dunningAllows(stage: DunningStage, action: BillingAction): boolean {
  return !REFUSED[stage].includes(action);
}

const FIX = "an owner can update the card on the billing page.";

const PAUSED_WHAT: Readonly<Record<BillingAction, string>> = {
  write: "Changes are",
  invite: "Invitations are",
  ai_suggestion: "New AI suggestions are",
};

/** Why `action` is refused at `stage`, in the user's words; null when it is allowed. */
export function dunningRefusal(stage: DunningStage, action: BillingAction): string | null {
  if (dunningAllows(stage, action)) return null;
  if (stage === "read_only") {
    return `This workspace is read-only because a payment has been failing for ${READ_ONLY_AFTER_DAYS} days: ${FIX}`;
  }
  return `${PAUSED_WHAT[action]} paused because a payment has been failing for ${PAUSED_AFTER_DAYS} days: ${FIX}`;
}

/** Refuses `action` (PAYMENT_REQUIRED, HTTP 402) unless the workspace's stage at `now` allows it. */
export function assertBillingAllows(billing: DunningInput, action: BillingAction, now: Date): void {
  const stage = dunningStage(billing, now);
  const refusal = dunningRefusal(stage, action);
  if (refusal !== null) {
    throw new AppError("PAYMENT_REQUIRED", refusal, { dunningStage: stage, action });
  }
}
