import { describe, expect, it } from "vitest";
import {
  PLAN_CATALOG,
  PLAN_FEATURES,
  PLAN_IDS,
  UPGRADE_ORDER,
  featureOf,
  isEntitled,
  isPlanId,
  notEntitledMessage,
  planLimit,
  planThatIncludes,
  type PlanFeature,
} from "./plan-catalog.ts";

const FEATURES = Object.keys(PLAN_FEATURES) as PlanFeature[];

describe("the plan catalog", () => {
  it("keys every plan by its own id and gives it every feature", () => {
    for (const id of PLAN_IDS) {
      expect(PLAN_CATALOG[id].id).toBe(id);
      expect(Object.keys(PLAN_CATALOG[id].entitlements).sort()).toEqual([...FEATURES].sort());
    }
  });

  it("gives flags no value and sells plans that each add something", () => {
    for (const id of PLAN_IDS) {
      for (const feature of FEATURES) {
        if (PLAN_FEATURES[feature].kind === "flag") {
          expect(PLAN_CATALOG[id].entitlements[feature].limitValue, `${id} ${feature}`).toBeNull();
        }
      }
    }
    const [cheaper, dearer] = UPGRADE_ORDER.map((id) => PLAN_CATALOG[id]);
    for (const feature of FEATURES) {
      if (cheaper!.entitlements[feature].isEnabled) {
        expect(dearer!.entitlements[feature].isEnabled, feature).toBe(true);
      }
    }
  });

  it.each([
    ["self_hosted", "ai_planner", true],
    ["self_hosted", "coach_console", true],
    ["starter", "ai_planner", false],
    ["starter", "coach_console", false],
    ["starter", "aiSuggestionsPerMonth", false],
    ["starter", "notifications", true],
    ["starter", "skipsPerMonth", true],
    ["team", "ai_planner", true],
    ["team", "web_push", true],
    ["enterprise", "notifications", false],
  ] as const)("%s includes %s: %s", (plan, feature, included) => {
    expect(isEntitled(plan, feature)).toBe(included);
  });

  it.each([
    ["self_hosted", "skipsPerMonth", 4],
    ["starter", "skipsPerMonth", 2],
    ["starter", "seats", 5],
    ["starter", "aiSuggestionsPerMonth", 0],
    ["team", "aiSuggestionsPerMonth", 500],
    ["team", "seats", null],
    ["self_hosted", "aiSuggestionsPerMonth", null],
    ["enterprise", "seats", 0],
  ] as const)("%s's %s limit is %s", (plan, feature, value) => {
    expect(planLimit(plan, feature)).toBe(value);
  });

  it("knows its own ids only", () => {
    expect(isPlanId("team")).toBe(true);
    expect(isPlanId("Team")).toBe(false);
    expect(featureOf("free", "notifications")).toEqual({ isEnabled: false, limitValue: null });
  });

  it("finds the cheapest plan on sale that lifts a limit", () => {
    expect(planThatIncludes("notifications")?.id).toBe("starter");
    expect(planThatIncludes("ai_planner")?.id).toBe("team");
    expect(planThatIncludes("aiSuggestionsPerMonth")?.id).toBe("team");
  });

  it("names the plan, the missing feature and the plan that includes it", () => {
    expect(notEntitledMessage("starter", "ai_planner")).toBe(
      "Your plan (Starter) does not include the AI planner: the Team plan does.",
    );
    expect(notEntitledMessage("starter", "aiSuggestionsPerMonth")).toBe(
      "Your plan (Starter) does not include AI suggestions: the Team plan does.",
    );
    expect(notEntitledMessage("legacy", "notifications")).toBe(
      "Your plan (legacy) does not include notifications: the Starter plan does.",
    );
  });
});
