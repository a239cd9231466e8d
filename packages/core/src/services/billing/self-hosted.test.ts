import { AtlasConfigError } from "@atlas/config";
import { describe, expect, it } from "vitest";
import { snapshotOf } from "../../billing/plan-catalog.ts";
import { parseSelfHostedLimits, planSnapshot } from "./self-hosted.ts";

describe("ATLAS_SELF_HOSTED_LIMITS", () => {
  it("turns numbers, null and booleans into limits and flags; unset is nothing", () => {
    expect(parseSelfHostedLimits(undefined)).toEqual({});
    expect(
      parseSelfHostedLimits(
        '{"membersPerWorkspace": 25, "chartHistoryDays": null, "skipsPerMonth": 0, "web_push": false, "data_export": true}',
      ),
    ).toEqual({
      membersPerWorkspace: { isEnabled: true, limitValue: 25 },
      chartHistoryDays: { isEnabled: true, limitValue: null },
      skipsPerMonth: { isEnabled: true, limitValue: 0 },
      web_push: { isEnabled: false, limitValue: null },
      data_export: { isEnabled: true, limitValue: null },
    });
  });

  it.each([
    ["not json", /is not valid JSON/],
    ["[]", /is invalid/],
    ['{"members": 5}', /"members"/],
    ['{"seats": -1}', /"seats"/],
    ['{"seats": 1.5}', /"seats"/],
    ['{"seats": true}', /"seats"/],
    ['{"web_push": 1}', /"web_push"/],
  ])("refuses %s with a message naming the variable and what is wrong", (text, detail) => {
    let error: unknown;
    try {
      parseSelfHostedLimits(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AtlasConfigError);
    expect((error as AtlasConfigError).variables).toEqual(["ATLAS_SELF_HOSTED_LIMITS"]);
    expect((error as Error).message).toMatch(/^ATLAS_SELF_HOSTED_LIMITS /);
    expect((error as Error).message).toMatch(detail);
  });

  it("applies to the self-hosted plan only, over its defaults", () => {
    const env = { ATLAS_SELF_HOSTED_LIMITS: '{"membersPerWorkspace": 3, "coach_console": false}' };
    const selfHosted = planSnapshot("self_hosted", env);
    expect(selfHosted.features.membersPerWorkspace).toEqual({ isEnabled: true, limitValue: 3 });
    expect(selfHosted.features.coach_console?.isEnabled).toBe(false);
    expect(selfHosted.features.skipsPerMonth).toEqual(
      snapshotOf("self_hosted").features.skipsPerMonth,
    );
    expect(planSnapshot("team", env)).toEqual(snapshotOf("team"));
  });
});
