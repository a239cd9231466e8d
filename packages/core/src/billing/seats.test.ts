import { describe, expect, it } from "vitest";
import { prng } from "../prng.ts";
import { seatsToBill } from "./seats.ts";

const may1 = new Date("2026-05-01T00:00:00Z");
const jun1 = new Date("2026-06-01T00:00:00Z");

describe("seatsToBill", () => {
  it.each([
    // [stripe, billable, seatsPeriodStart, quantity, reason]
    [3, 4, may1, 4, "raised"], // a join raises at once
    [4, 3, may1, 4, "unchanged"], // a leave never lowers mid-period
    [4, 4, may1, 4, "unchanged"],
    [4, 0, may1, 4, "unchanged"],
  ] as const)(
    "within a period: %i paid, %i billable → %i (%s)",
    (stripe, billable, since, quantity, reason) => {
      expect(
        seatsToBill({
          stripeQuantity: stripe,
          billable,
          periodStart: may1,
          seatsPeriodStart: since,
        }),
      ).toEqual({ quantity, seatsPeriodStart: may1, changed: quantity !== stripe, reason });
    },
  );

  it.each([
    [6, 3, may1, 3],
    [3, 5, may1, 5],
    [2, 0, may1, 1], // never below one seat
    [2, 2, null, 2], // never set: this period is new
  ] as const)("a new period: %i paid, %i billable → %i", (stripe, billable, since, quantity) => {
    expect(
      seatsToBill({ stripeQuantity: stripe, billable, periodStart: jun1, seatsPeriodStart: since }),
    ).toEqual({
      quantity,
      seatsPeriodStart: jun1,
      changed: quantity !== stripe,
      reason: "new_period",
    });
  });
});

describe("seatsToBill over random histories (the invoice charges the period's peak)", () => {
  const RUNS = Number(process.env.ATLAS_PROPERTY_RUNS ?? 200);

  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))("seed %i", (seed) => {
    const random = prng(seed);
    let billable = 1 + Math.floor(random() * 5);
    let periodStart = may1;
    // The first sync of the subscription (checkout billed the members then).
    let state = seatsToBill({
      stripeQuantity: billable,
      billable,
      periodStart,
      seatsPeriodStart: null,
    });
    let stripe = state.quantity;
    let peak = billable;
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.1) {
        // The period ends: the invoice charges what Stripe bills now, which is the peak.
        expect(stripe).toBe(Math.max(1, peak));
        periodStart = new Date(periodStart.getTime() + 31 * 86_400_000);
        peak = billable;
      } else if (roll < 0.55) {
        billable += 1;
        peak = Math.max(peak, billable);
      } else if (billable > 0) {
        billable -= 1;
      }
      const before = stripe;
      const isNewPeriod = periodStart.getTime() > state.seatsPeriodStart.getTime();
      state = seatsToBill({
        stripeQuantity: stripe,
        billable,
        periodStart,
        seatsPeriodStart: state.seatsPeriodStart,
      });
      stripe = state.quantity;
      expect(stripe).toBeGreaterThanOrEqual(Math.max(1, billable));
      if (!isNewPeriod) expect(stripe).toBeGreaterThanOrEqual(before); // never lowered mid-period
      expect(state.seatsPeriodStart).toEqual(periodStart);
      expect(state.changed).toBe(stripe !== before);
    }
  });
});
