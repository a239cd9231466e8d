import { describe, expect, it } from "vitest";
import { capacityOn } from "./capacity.ts";
import { d } from "./test/fixtures.ts";

const VERSIONS = [
  { effectiveFrom: d("2024-03-04"), week: [1, 2, 3, 4, 5, 6, 7] as const },
  { effectiveFrom: d("2024-03-13"), week: [10, 20, 30, 40, 50, 60, 70] as const },
];

describe("capacityOn", () => {
  it.each([
    ["2024-03-01", 5], // a Friday before the first version: the first version applies
    ["2024-03-04", 1], // Monday
    ["2024-03-12", 2], // Tuesday, the day before the edit
    ["2024-03-13", 30], // Wednesday, the edit's day
    ["2024-03-17", 70], // Sunday
  ])("%s → %i", (date, minutes) => {
    expect(capacityOn(VERSIONS, d(date))).toBe(minutes);
  });

  it("no version at all is no capacity", () => {
    expect(capacityOn([], d("2024-03-13"))).toBe(0);
  });
});
