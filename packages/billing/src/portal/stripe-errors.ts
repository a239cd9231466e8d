/**
 * Stripe's failures in the owner's words (docs/domain.md "Billing page"): a call the billing page
 * makes never ends in a 500 because Stripe refused or could not be reached. Stripe unreachable or
 * busy → SERVICE_UNAVAILABLE (503, retry later); Stripe answered with an error →
 * BAD_GATEWAY (502); a declined card → PRECONDITION_FAILED (the owner fixes the card); a reused
 * idempotency key with other details → CONFLICT. Stripe's own message (written for developers)
 * and request id go to the server's log, the request id also to the caller (for support).
 */
import { AppError } from "@atlas/core";
import { Stripe } from "../client.ts";

/** How long a caller should wait before retrying when Stripe cannot be reached. */
export const STRIPE_RETRY_AFTER_SECONDS = 30;

/** Stripe's answer to a preview when no invoice is coming (the subscription ends at period end). */
export const NO_UPCOMING_INVOICE = "invoice_upcoming_none";

export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** The AppError that tells the owner what happened; anything that is not Stripe's passes through. */
export function stripeFailure(error: unknown, what: string): unknown {
  if (!isStripeError(error)) return error;
  const details = error.requestId ? { stripeRequestId: error.requestId } : undefined;
  console.error(
    `[billing] Stripe could not ${what}: ${error.type} ${error.code ?? ""} ${error.message}`,
  );
  switch (error.type) {
    case "StripeConnectionError":
    case "StripeRateLimitError":
      return new AppError(
        "SERVICE_UNAVAILABLE",
        `Stripe cannot be reached right now, so Atlas could not ${what}. Try again in a minute.`,
        { ...details, retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS },
        { cause: error },
      );
    case "StripeCardError":
      return new AppError(
        "PRECONDITION_FAILED",
        `The card was declined, so Atlas could not ${what}: update the payment method (Manage payment method) and try again.`,
        details,
        { cause: error },
      );
    case "StripeIdempotencyError":
      return new AppError(
        "CONFLICT",
        "This request was already sent with other details: reload the page and try again.",
        details,
        { cause: error },
      );
    case "StripeAuthenticationError":
    case "StripePermissionError":
      return new AppError(
        "BAD_GATEWAY",
        `Stripe refused this server's key, so Atlas could not ${what}: billing is not set up correctly here. Tell whoever runs Atlas.`,
        details,
        { cause: error },
      );
    default:
      return new AppError(
        "BAD_GATEWAY",
        `Stripe could not ${what}: reload the page to see where things stand, then try again.`,
        details,
        { cause: error },
      );
  }
}

/** Runs one Stripe call; its failure becomes the owner's message (`what`: "open Checkout"). */
export async function fromStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw stripeFailure(error, what);
  }
}
