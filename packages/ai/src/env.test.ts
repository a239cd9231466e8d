import { AtlasConfigError } from "@atlas/config";
import { describe, expect, it } from "vitest";
import { aiEnv } from "./env.ts";
import { costMicroUsd, priceOf } from "./openai-pricing.ts";

describe("aiEnv", () => {
  it("runs the local planner alone without a key, in every mode", () => {
    expect(aiEnv({})).toEqual({ openai: null, timeoutMs: 20_000 });
    expect(aiEnv({ ATLAS_MODE: "production", OPENAI_API_KEY: " " }).openai).toBeNull();
  });

  it("configures OpenAI from the key, with defaults", () => {
    expect(
      aiEnv({
        OPENAI_API_KEY: "sk-x",
        OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
        ATLAS_AI_TIMEOUT_MS: "5000",
      }).openai,
    ).toEqual({
      apiKey: "sk-x",
      baseURL: "http://127.0.0.1:9/v1",
      model: "gpt-4o-mini",
      timeoutMs: 5000,
      maxRetries: 2,
    });
  });

  it("names the variable at fault, never its value", () => {
    try {
      aiEnv({ OPENAI_API_KEY: "sk-secret", OPENAI_BASE_URL: "ftp://x", ATLAS_AI_MAX_RETRIES: "9" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AtlasConfigError);
      const e = error as AtlasConfigError;
      expect(e.message).toMatch(/OPENAI_BASE_URL/);
      expect(e.message).toMatch(/ATLAS_AI_MAX_RETRIES/);
      expect(e.message).not.toContain("sk-secret");
    }
  });
});

describe("costMicroUsd", () => {
  it("prices tokens per model, dated snapshots included; an unknown model has no price", () => {
    expect(costMicroUsd("gpt-4o-mini", 1000, 0)).toBe(150);
    expect(costMicroUsd("gpt-4o-mini-2024-07-18", 1000, 1000)).toBe(750);
    expect(costMicroUsd("gpt-4.1", 1, 1)).toBe(10);
    expect(costMicroUsd("gpt-5-nano", 1, 0)).toBe(1); // 0.05 µ$ rounds up to a whole one
    expect(priceOf("llama3")).toBeNull();
    expect(costMicroUsd("llama3", 1000, 1000)).toBeNull();
  });
});
