import { describe, expect, it } from "vitest";
import {
  PLAN_CATALOG,
  PLAN_FEATURE_NAMES,
  PLAN_FEATURES,
  PLAN_IDS,
  UPGRADE_ORDER,
  featureOf,
  isEntitled,
  isPlanId,
  limitReachedMessage,
  notEntitledMessage,
  planLimit,
  planThatLifts,
  snapshotOf,
} from "./plan-catalog.ts";

describe("the plan catalog", () => {
  it("keys every plan by its own id and gives it every feature", () => {
    for (const id of PLAN_IDS) {
      expect(PLAN_CATALOG[id].id).toBe(id);
      expect(Object.keys(PLAN_CATALOG[id].entitlements).sort()).toEqual(
        [...PLAN_FEATURE_NAMES].sort(),
      );
    }
  });

  it("gives flags no value and sells plans that each include at least what the cheaper one does", () => {
    for (const id of PLAN_IDS) {
      for (const feature of PLAN_FEATURE_NAMES) {
        if (PLAN_FEATURES[feature].kind === "flag") {
          expect(PLAN_CATALOG[id].entitlements[feature].limitValue, `${id} ${feature}`).toBeNull();
        }
      }
    }
    for (let i = 1; i < UPGRADE_ORDER.length; i++) {
      const cheaper = PLAN_CATALOG[UPGRADE_ORDER[i - 1]!];
      const dearer = PLAN_CATALOG[UPGRADE_ORDER[i]!];
      for (const feature of PLAN_FEATURE_NAMES) {
        const a = cheaper.entitlements[feature];
        const b = dearer.entitlements[feature];
        if (a.isEnabled) expect(b.isEnabled, `${dearer.id} ${feature}`).toBe(true);
        if (a.isEnabled && a.limitValue === null) expect(b.limitValue, feature).toBeNull();
        if (a.limitValue !== null && b.limitValue !== null) {
          expect(b.limitValue, `${dearer.id} ${feature}`).toBeGreaterThanOrEqual(a.limitValue);
        }
      }
    }
  });

  it.each([
    ["free", "in_app", true],
    ["free", "email_digest", true],
    ["free", "email_instant", false],
    ["free", "web_push", false],
    ["free", "data_export", false],
    ["team", "email_instant", true],
    ["team", "web_push", true],
    ["team", "coach_console", false],
    ["coach", "coach_console", true],
    ["coach", "approval_queue", true],
    ["coach", "coach_digest", true],
    ["self_hosted", "coach_console", true],
  ] as const)("%s includes %s: %s", (plan, feature, included) => {
    expect(isEntitled(snapshotOf(plan), feature)).toBe(included);
  });

  it.each([
    ["free", "membersPerWorkspace", 5],
    ["free", "skipsPerMonth", 2],
    ["free", "chartHistoryDays", 30],
    ["team", "membersPerWorkspace", null],
    ["team", "aiSuggestionsPerSeatPerMonth", 60],
    ["coach", "chartHistoryDays", null],
    ["self_hosted", "aiSuggestionsPerSeatPerMonth", null],
  ] as const)("%s's %s limit is %s", (plan, feature, value) => {
    expect(planLimit(snapshotOf(plan), feature)).toBe(value);
  });

  it("reads a snapshot alone: a feature it does not list is not included", () => {
    const snapshot = { planKey: "legacy", planName: "Legacy", features: {} };
    expect(featureOf(snapshot, "web_push")).toEqual({ isEnabled: false, limitValue: null });
    expect(planLimit(snapshot, "skipsPerMonth")).toBe(0);
    expect(isPlanId("team")).toBe(true);
    expect(isPlanId("Team")).toBe(false);
  });

  it("takes the self-hosted plan's configured limits over the defaults", () => {
    const snapshot = snapshotOf("self_hosted", {
      skipsPerMonth: { isEnabled: true, limitValue: 9 },
    });
    expect(planLimit(snapshot, "skipsPerMonth")).toBe(9);
    expect(isEntitled(snapshot, "coach_console")).toBe(true);
  });

  it("finds the cheapest plan on sale that lifts a limit", () => {
    expect(planThatLifts("web_push")?.id).toBe("team");
    expect(planThatLifts("coach_console")?.id).toBe("coach");
    expect(planThatLifts("membersPerWorkspace", 5)?.id).toBe("team");
    expect(planThatLifts("aiSuggestionsPerSeatPerMonth", 60)?.id).toBe("coach");
    expect(planThatLifts("seats", 1000)).toBeUndefined();
  });

  it("names the plan, the missing feature or limit, and the plan that lifts it", () => {
    expect(notEntitledMessage(snapshotOf("free"), "data_export")).toBe(
      "Your plan (Free) does not include data export: the Team plan does.",
    );
    expect(notEntitledMessage(snapshotOf("team"), "approval_queue")).toBe(
      "Your plan (Team) does not include the coach's approval queue: the Coach plan does.",
    );
    expect(limitReachedMessage(snapshotOf("free"), "membersPerWorkspace", 5)).toBe(
      "Your plan (Free) allows 5 members: the Team plan allows more.",
    );
    expect(limitReachedMessage(snapshotOf("coach"), "seats", 1000)).toBe(
      "Your plan (Coach) allows 1000 seats.",
    );
  });
});
