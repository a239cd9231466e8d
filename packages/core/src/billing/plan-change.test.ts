import { describe, expect, it } from "vitest";
import { PLAN_FEATURE_NAMES, snapshotOf } from "./plan-catalog.ts";
import {
  entitlementText,
  featureChanges,
  isSelfServePlan,
  planDirection,
  planComparison,
  snapshotFeatures,
} from "./plan-change.ts";

describe("the plan comparison", () => {
  it("has a row for every feature with a cell for each self-serve plan", () => {
    const rows = planComparison();
    expect(rows.map((r) => r.feature)).toEqual([...PLAN_FEATURE_NAMES]);
    const byFeature = Object.fromEntries(rows.map((r) => [r.feature, r.values]));
    expect(byFeature.membersPerWorkspace).toEqual({
      free: "5 members",
      team: "Unlimited",
      coach: "Unlimited",
    });
    expect(byFeature.coach_console).toEqual({ free: "—", team: "—", coach: "Included" });
    expect(byFeature.seats).toEqual({ free: "—", team: "100 seats", coach: "1000 seats" });
  });

  it("reads a workspace's own snapshot, configured limits included", () => {
    const features = snapshotFeatures(
      snapshotOf("self_hosted", { skipsPerMonth: { isEnabled: true, limitValue: 9 } }),
    );
    expect(features.find((f) => f.feature === "skipsPerMonth")?.value).toBe(
      "9 skips per habit a month",
    );
    expect(features.find((f) => f.feature === "data_export")?.value).toBe("Included");
  });

  it.each([
    ["web_push", { isEnabled: false, limitValue: null }, "—"],
    ["skipsPerMonth", { isEnabled: false, limitValue: 4 }, "—"],
    ["chartHistoryDays", { isEnabled: true, limitValue: null }, "Unlimited"],
    ["chartHistoryDays", { isEnabled: true, limitValue: 30 }, "30 days of chart history"],
  ] as const)("%s %j reads %s", (feature, entitlement, text) => {
    expect(entitlementText(feature, entitlement)).toBe(text);
  });
});

describe("a plan change", () => {
  it.each([
    ["free", "team", "upgrade"],
    ["team", "coach", "upgrade"],
    ["free", "coach", "upgrade"],
    ["coach", "team", "downgrade"],
    ["team", "free", "downgrade"],
    ["team", "team", "none"],
  ] as const)("%s → %s is %s", (from, to, kind) => {
    expect(planDirection(from, to)).toBe(kind);
  });

  it("names what a downgrade from Coach to Team loses, losses first", () => {
    const changes = featureChanges("coach", "team");
    expect(changes.every((c) => c.isLoss)).toBe(true);
    expect(changes.map((c) => c.feature).sort()).toEqual(
      [
        "seats",
        "aiSuggestionsPerSeatPerMonth",
        "chartHistoryDays",
        "coach_console",
        "approval_queue",
        "coach_digest",
      ].sort(),
    );
    expect(changes.find((c) => c.feature === "aiSuggestionsPerSeatPerMonth")).toMatchObject({
      from: "200 AI suggestions per seat a month",
      to: "60 AI suggestions per seat a month",
    });
  });

  it("names what an upgrade gains and nothing it keeps", () => {
    const changes = featureChanges("free", "team");
    expect(changes.some((c) => c.isLoss)).toBe(false);
    expect(changes.map((c) => c.feature)).toContain("web_push");
    expect(changes.map((c) => c.feature)).not.toContain("in_app");
  });

  it("knows the self-serve plans", () => {
    expect(isSelfServePlan("team")).toBe(true);
    expect(isSelfServePlan("self_hosted")).toBe(false);
  });
});
