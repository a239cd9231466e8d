import { toLocalDate, type LocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { versionOn } from "./versions.ts";

const d = toLocalDate;
const V = [
  { effectiveFrom: d("2024-03-01"), n: 1 },
  { effectiveFrom: d("2024-03-10"), n: 2 },
  { effectiveFrom: d("2024-03-10"), n: 3 },
  { effectiveFrom: d("2024-04-01"), n: 4 },
];

describe("versionOn", () => {
  it.each<[string, number | null]>([
    ["2024-02-29", null],
    ["2024-03-01", 1],
    ["2024-03-09", 1],
    ["2024-03-10", 3],
    ["2024-03-31", 3],
    ["2024-04-01", 4],
    ["2030-01-01", 4],
  ])("on %s → version %s", (date, n) => {
    expect(versionOn(V, d(date))?.n ?? null).toBe(n);
  });

  it("is null with no versions", () => {
    expect(versionOn([] as { effectiveFrom: LocalDate }[], d("2024-01-01"))).toBeNull();
  });
});
