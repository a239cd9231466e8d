import { describe, expect, it } from "vitest";
import { decimalToMilli, milliToDecimal } from "./values.ts";

describe("Decimal(12,3) <-> thousandths", () => {
  it.each([
    ["12.500", 12_500],
    ["0.001", 1],
    ["-3.250", -3_250],
    ["1000000.000", 1_000_000_000],
    ["7", 7_000],
    ["0.5", 500],
  ])("%s is %i thousandths, from text and from a Decimal", (text, milli) => {
    expect(decimalToMilli(text)).toBe(milli);
    expect(decimalToMilli({ toFixed: () => Number(text).toFixed(3) })).toBe(milli);
  });

  it("round-trips through the column's text exactly", () => {
    for (const milli of [0, 1, 999, 1000, 12_345, -1, -12_345, 999_999_999]) {
      expect(decimalToMilli(milliToDecimal(milli))).toBe(milli);
    }
  });
});
