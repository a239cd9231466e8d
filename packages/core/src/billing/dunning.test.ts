import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  BILLING_ACTIONS,
  DUNNING_STAGES,
  assertBillingAllows,
  dunningAllows,
  dunningRefusal,
  dunningStage,
  type DunningStage,
} from "./dunning.ts";

const DAY = 24 * 60 * 60 * 1000;
const SINCE = new Date("2026-03-01T09:30:00.000Z");
const at = (ms: number) => new Date(SINCE.getTime() + ms);

const STATUSES = ["trialing", "active", "past_due", "canceled", "incomplete", "unpaid"] as const;
const status = fc.option(fc.constantFrom(...STATUSES), { nil: null });
const instant = fc.date({
  min: new Date("2020-01-01T00:00:00.000Z"),
  max: new Date("2035-01-01T00:00:00.000Z"),
  noInvalidDate: true,
});
const rank = (stage: DunningStage) => DUNNING_STAGES.indexOf(stage);

describe("dunningStage", () => {
  it.each([
    [0, "past_due"],
    [7 * DAY - 1, "past_due"],
    [7 * DAY, "paused"],
    [14 * DAY - 1, "paused"],
    [14 * DAY, "read_only"],
    [400 * DAY, "read_only"],
    [-DAY, "past_due"],
  ] as const)("past due for %i ms is %s (elapsed time, not calendar days)", (elapsed, stage) => {
    expect(dunningStage({ status: "past_due", pastDueSince: SINCE }, at(elapsed))).toBe(stage);
  });

  it("follows an unpaid subscription the same way, and waits for a start it does not know", () => {
    expect(dunningStage({ status: "unpaid", pastDueSince: SINCE }, at(15 * DAY))).toBe("read_only");
    expect(dunningStage({ status: "past_due", pastDueSince: null }, at(90 * DAY))).toBe("past_due");
  });

  it("is none for every other status and without a subscription, whatever the dates", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, "trialing", "active", "canceled", "incomplete"),
        fc.option(instant, { nil: null }),
        instant,
        (s, pastDueSince, now) => dunningStage({ status: s, pastDueSince }, now) === "none",
      ),
    );
  });

  /** A subscription, an instant, and a later one. */
  const timeline = fc.record({
    billing: fc.record({ status, pastDueSince: fc.option(instant, { nil: null }) }),
    now: instant,
    laterMs: fc.integer({ min: 0, max: 60 * DAY }),
  });
  type Timeline = typeof timeline extends fc.Arbitrary<infer T> ? T : never;
  const stagesOf = ({ billing, now, laterMs }: Timeline) => ({
    before: dunningStage(billing, now),
    after: dunningStage(billing, new Date(now.getTime() + laterMs)),
  });

  it("never moves back down the ladder as time passes", () => {
    fc.assert(
      fc.property(timeline, (t) => {
        const { before, after } = stagesOf(t);
        return rank(after) >= rank(before);
      }),
    );
  });

  it("allows later only what it allowed before: the allowed actions only shrink", () => {
    fc.assert(
      fc.property(timeline, fc.constantFrom(...BILLING_ACTIONS), (t, action) => {
        const { before, after } = stagesOf(t);
        return !dunningAllows(after, action) || dunningAllows(before, action);
      }),
    );
  });

  it("blocks nothing in the first 7 days, and writes only from 14 days on", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * DAY }), (since, elapsed) => {
        const stage = dunningStage(
          { status: "past_due", pastDueSince: since },
          new Date(since.getTime() + elapsed),
        );
        const blocked = BILLING_ACTIONS.filter((a) => !dunningAllows(stage, a));
        if (elapsed < 7 * DAY) return blocked.length === 0;
        if (elapsed < 14 * DAY) return blocked.join() === "invite,ai_suggestion";
        return blocked.join() === "write,invite,ai_suggestion";
      }),
    );
  });
});

describe("dunningAllows and its refusals", () => {
  it("has a message exactly where it refuses, naming the days and what an owner can do", () => {
    for (const stage of DUNNING_STAGES) {
      for (const action of BILLING_ACTIONS) {
        const refusal = dunningRefusal(stage, action);
        expect(refusal === null, `${stage} ${action}`).toBe(dunningAllows(stage, action));
        if (refusal !== null) expect(refusal).toMatch(/billing page\.$/);
      }
    }
    expect(dunningRefusal("read_only", "write")).toBe(
      "This workspace is read-only because a payment has been failing for 14 days: an owner can update the card on the billing page.",
    );
    expect(dunningRefusal("paused", "invite")).toBe(
      "Invitations are paused because a payment has been failing for 7 days: an owner can update the card on the billing page.",
    );
  });

  it("throws PAYMENT_REQUIRED with the stage, and nothing when allowed", () => {
    const billing = { status: "past_due", pastDueSince: SINCE };
    expect(() => assertBillingAllows(billing, "write", at(10 * DAY))).not.toThrow();
    let thrown: unknown;
    try {
      assertBillingAllows(billing, "ai_suggestion", at(10 * DAY));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: "PAYMENT_REQUIRED",
      details: { dunningStage: "paused", action: "ai_suggestion" },
    });
  });
});
