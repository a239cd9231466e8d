import { describe, expect, it } from "vitest";
import { dunningTimeline } from "./dunning-timeline.ts";

const since = new Date("2027-03-01T10:00:00.000Z");
const at = (iso: string) => new Date(iso);

describe("the dunning timeline", () => {
  it("dates each step from the start of the failed payments", () => {
    expect(
      dunningTimeline({ status: "past_due", pastDueSince: since }, at("2027-03-03T00:00:00Z")),
    ).toEqual({
      stage: "past_due",
      pastDueSince: "2027-03-01T10:00:00.000Z",
      pausesAt: "2027-03-08T10:00:00.000Z",
      readOnlyAt: "2027-03-15T10:00:00.000Z",
    });
  });

  it.each([
    ["2027-03-08T10:00:00Z", "paused"],
    ["2027-03-15T09:59:59Z", "paused"],
    ["2027-03-15T10:00:00Z", "read_only"],
  ] as const)("at %s the stage is %s", (now, stage) => {
    expect(dunningTimeline({ status: "unpaid", pastDueSince: since }, at(now)).stage).toBe(stage);
  });

  it("has no dates when the payment is not failing, or its start is not known yet", () => {
    expect(dunningTimeline({ status: "active", pastDueSince: since }, since)).toEqual({
      stage: "none",
      pastDueSince: null,
      pausesAt: null,
      readOnlyAt: null,
    });
    expect(dunningTimeline({ status: "past_due", pastDueSince: null }, since)).toMatchObject({
      stage: "past_due",
      pausesAt: null,
    });
  });
});
