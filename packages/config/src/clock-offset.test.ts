import { describe, expect, it } from "vitest";
import { clockOffsetMs, parseClockOffset } from "./clock-offset.ts";
import { AtlasConfigError } from "./errors.ts";

describe("parseClockOffset", () => {
  it.each([
    ["86400000", 86_400_000],
    ["-3600000", -3_600_000],
    ["+5", 5],
    ["P3D", 3 * 86_400_000],
    ["-PT90M", -90 * 60_000],
    ["P1W", 7 * 86_400_000],
    ["P1DT2H30M", 86_400_000 + 2 * 3_600_000 + 30 * 60_000],
    ["PT1.5S", 1500],
    ["PT0S", 0],
  ])("%s → %i ms", (text, ms) => {
    expect(parseClockOffset(text)).toBe(ms);
  });

  it.each(["", "P", "PT", "-P", "P1Y", "P2M", "1.5", "3 days", "PT1.5H", "P1DT", "86400000ms"])(
    "refuses %j",
    (text) => {
      expect(parseClockOffset(text)).toBeUndefined();
    },
  );
});

describe("clockOffsetMs", () => {
  it("is undefined when unset or empty, whatever the mode", () => {
    expect(clockOffsetMs({})).toBeUndefined();
    expect(clockOffsetMs({ ATLAS_CLOCK_OFFSET: " " })).toBeUndefined();
  });

  it.each(["embedded", "test"])("is the offset in %s mode", (mode) => {
    expect(clockOffsetMs({ ATLAS_MODE: mode, ATLAS_CLOCK_OFFSET: "-PT90M" })).toBe(-5_400_000);
  });

  it.each([
    [{ ATLAS_CLOCK_OFFSET: "3600000" }, /production/],
    [{ ATLAS_MODE: "production", ATLAS_CLOCK_OFFSET: "3600000" }, /production/],
    [{ ATLAS_MODE: "test", ATLAS_CLOCK_OFFSET: "P1Y" }, /ISO 8601/],
  ])("refuses %j, naming ATLAS_CLOCK_OFFSET", (env, message) => {
    expect(() => clockOffsetMs(env)).toThrow(message);
    expect(() => clockOffsetMs(env)).toThrow(AtlasConfigError);
    try {
      clockOffsetMs(env);
    } catch (error) {
      expect((error as AtlasConfigError).variables).toEqual(["ATLAS_CLOCK_OFFSET"]);
    }
  });
});
