import { AtlasConfigError } from "@atlas/config";
import { describe, expect, it } from "vitest";
import { BILLING_VARIABLES, billingConfig, billingEnabled, parseApiBase } from "./env.ts";
import { planForPrice, priceForPlan } from "./prices.ts";

const FULL = {
  STRIPE_SECRET_KEY: "sk_test_abc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc",
  STRIPE_PRICE_TEAM: "price_team",
  STRIPE_PRICE_COACH: "price_coach",
};

/** An AtlasConfigError naming exactly `variables`. */
const namingOnly = (variables: string[]) =>
  expect.objectContaining({ name: "AtlasConfigError", variables });

describe("billingConfig", () => {
  it("is off (null) without a secret key, whatever else is set", () => {
    expect(billingEnabled({})).toBe(false);
    expect(billingConfig({ STRIPE_SECRET_KEY: " ", STRIPE_PRICE_TEAM: "nonsense" })).toBeNull();
  });

  it("is on with a key and needs every other variable, naming each missing one", () => {
    const fn = () => billingConfig({ STRIPE_SECRET_KEY: "sk_test_abc" });
    expect(fn).toThrow(namingOnly(BILLING_VARIABLES.slice(1)));
    expect(fn).not.toThrow(/sk_test_abc/);
  });

  it("names malformed variables, never their values", () => {
    const fn = () =>
      billingConfig({ ...FULL, STRIPE_WEBHOOK_SECRET: "secret-value", STRIPE_API_BASE: "ftp://x" });
    expect(fn).toThrow(namingOnly(["STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"]));
    expect(fn).not.toThrow(/secret-value/);
  });

  it("parses the API base into the SDK's host, port and protocol", () => {
    expect(billingConfig({ ...FULL, STRIPE_API_BASE: "http://127.0.0.1:12111" })).toEqual({
      secretKey: "sk_test_abc",
      webhookSecret: "whsec_abc",
      prices: { team: "price_team", coach: "price_coach" },
      apiBase: { protocol: "http", host: "127.0.0.1", port: 12111 },
    });
    expect(parseApiBase("https://stripe.internal")).toEqual({
      protocol: "https",
      host: "stripe.internal",
      port: 443,
    });
    expect(() => billingConfig({ ...FULL, STRIPE_API_BASE: "http://x:1/v1" })).toThrow(
      AtlasConfigError,
    );
  });
});

describe("price ↔ plan", () => {
  const config = { prices: { team: "price_team", coach: "price_coach" } };
  it("maps the configured prices both ways; an unknown price is no plan", () => {
    expect(planForPrice(config, "price_team")).toBe("team");
    expect(planForPrice(config, "price_coach")).toBe("coach");
    expect(planForPrice(config, "price_other")).toBeUndefined();
    expect(planForPrice(config, null)).toBeUndefined();
    expect(priceForPlan(config, "coach")).toBe("price_coach");
  });
});
