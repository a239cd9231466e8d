import { AtlasConfigError } from "@atlas/config";
import { describe, expect, it } from "vitest";
import { apiEnv, createClockFromEnv } from "./env.ts";

describe("createClockFromEnv", () => {
  it("is the system clock when no offset is set, whatever the mode", () => {
    const before = Date.now();
    const now = createClockFromEnv({}).now().getTime();
    const after = Date.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });

  it.each(["embedded", "test"] as const)("honours the offset in %s mode", (mode) => {
    const before = Date.now();
    const now = createClockFromEnv({ ATLAS_MODE: mode, ATLAS_CLOCK_OFFSET: "P2D" }).now().getTime();
    const after = Date.now();
    expect(now).toBeGreaterThanOrEqual(before + 2 * 86_400_000);
    expect(now).toBeLessThanOrEqual(after + 2 * 86_400_000);
  });

  it.each([undefined, "production"] as const)(
    "refuses an offset in production (ATLAS_MODE %s), naming it",
    (mode) => {
      let error: unknown;
      try {
        createClockFromEnv({ ATLAS_MODE: mode, ATLAS_CLOCK_OFFSET: "3600000" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AtlasConfigError);
      expect((error as AtlasConfigError).variables).toEqual(["ATLAS_CLOCK_OFFSET"]);
      expect((error as Error).message).toMatch(/ATLAS_CLOCK_OFFSET/);
    },
  );
});

describe("apiEnv", () => {
  it("reads the fragment; empty values count as unset", () => {
    expect(
      apiEnv({ ATLAS_MODE: "test", REDIS_URL: "redis://127.0.0.1:6379", ATLAS_CLOCK_OFFSET: "" }),
    ).toMatchObject({
      ATLAS_MODE: "test",
      REDIS_URL: "redis://127.0.0.1:6379",
      ATLAS_CLOCK_OFFSET: undefined,
    });
  });

  it("names every invalid variable without echoing its value", () => {
    let error: unknown;
    try {
      apiEnv({ ATLAS_MODE: "test", REDIS_URL: "http://secret-host", ATLAS_CLOCK_OFFSET: "P1Y" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtlasConfigError);
    expect((error as AtlasConfigError).variables).toEqual(["REDIS_URL", "ATLAS_CLOCK_OFFSET"]);
    expect((error as Error).message).not.toMatch(/secret-host/);
  });

  it("refuses an offset in production at start", () => {
    expect(() => apiEnv({ ATLAS_CLOCK_OFFSET: "P1D" })).toThrow(/ATLAS_CLOCK_OFFSET/);
  });

  it("checks the self-hosted plan's limits at start, naming the variable", () => {
    expect(
      apiEnv({ ATLAS_MODE: "test", ATLAS_SELF_HOSTED_LIMITS: '{"membersPerWorkspace": 25}' }),
    ).toMatchObject({ ATLAS_SELF_HOSTED_LIMITS: '{"membersPerWorkspace": 25}' });
    let error: unknown;
    try {
      apiEnv({ ATLAS_MODE: "test", ATLAS_SELF_HOSTED_LIMITS: '{"members": 25}' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtlasConfigError);
    expect((error as AtlasConfigError).variables).toEqual(["ATLAS_SELF_HOSTED_LIMITS"]);
    expect((error as Error).message).toMatch(/ATLAS_SELF_HOSTED_LIMITS is invalid .*"members"/);
  });
});
