import { AppError } from "@atlas/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Stripe } from "../client.ts";
import { STRIPE_RETRY_AFTER_SECONDS, fromStripe, stripeFailure } from "./stripe-errors.ts";

type RawError = ConstructorParameters<typeof Stripe.errors.StripeError>[0];

const raw = (type: NonNullable<RawError>["type"]): RawError => ({
  message: "Stripe's own words, for developers",
  type,
  requestId: "req_123",
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Stripe's failures in the owner's words", () => {
  it.each([
    [new Stripe.errors.StripeConnectionError(raw("api_error")), "SERVICE_UNAVAILABLE"],
    [new Stripe.errors.StripeRateLimitError(raw("rate_limit_error")), "SERVICE_UNAVAILABLE"],
    [new Stripe.errors.StripeAPIError(raw("api_error")), "BAD_GATEWAY"],
    [new Stripe.errors.StripeInvalidRequestError(raw("invalid_request_error")), "BAD_GATEWAY"],
    [new Stripe.errors.StripeAuthenticationError(raw("invalid_request_error")), "BAD_GATEWAY"],
    [new Stripe.errors.StripeCardError(raw("card_error")), "PRECONDITION_FAILED"],
    [new Stripe.errors.StripeIdempotencyError(raw("idempotency_error")), "CONFLICT"],
  ])("%s → %s, naming what could not be done, never Stripe's own message", (error, code) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = stripeFailure(error, "open Checkout");
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code, details: { stripeRequestId: "req_123" } });
    expect((failure as AppError).message).not.toContain("for developers");
    if (code !== "CONFLICT") expect((failure as AppError).message).toContain("open Checkout");
  });

  it("tells when to retry when Stripe cannot be reached", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = stripeFailure(
      new Stripe.errors.StripeConnectionError(raw("api_error")),
      "list the invoices",
    ) as AppError;
    expect(failure.details).toMatchObject({ retryAfterSeconds: STRIPE_RETRY_AFTER_SECONDS });
  });

  it("lets anything that is not Stripe's pass through unchanged", async () => {
    const own = new AppError("CONFLICT", "mine");
    await expect(fromStripe("x", () => Promise.reject(own))).rejects.toBe(own);
    expect(await fromStripe("x", () => Promise.resolve(42))).toBe(42);
  });
});
