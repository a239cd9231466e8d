import { toLocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import {
  allowedChannels,
  assertHistoryReach,
  assertMemberRoom,
  clampHistory,
  historyLimitOf,
} from "./limits.ts";
import { snapshotOf, type EntitlementSnapshot } from "./plan-catalog.ts";

const TODAY = toLocalDate("2026-03-31");

function refusal(run: () => void) {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe("assertMemberRoom", () => {
  it.each([
    ["free", 5, null],
    ["free", 6, "Your plan (Free) allows 5 members: the Team plan allows more."],
    ["team", 100, null],
    ["team", 101, "Your plan (Team) allows 100 seats: the Coach plan allows more."],
    ["coach", 1001, "Your plan (Coach) allows 1000 seats."],
    ["self_hosted", 100_000, null],
  ] as const)("%s with %i people: %s", (plan, headcount, message) => {
    const error = refusal(() => assertMemberRoom(snapshotOf(plan), headcount));
    if (message === null) expect(error).toBeNull();
    else expect(error).toMatchObject({ code: "PAYMENT_REQUIRED", message });
  });

  it("takes a configured self-hosted members limit", () => {
    const snapshot = snapshotOf("self_hosted", {
      membersPerWorkspace: { isEnabled: true, limitValue: 3 },
    });
    expect(refusal(() => assertMemberRoom(snapshot, 4))).toMatchObject({
      code: "PAYMENT_REQUIRED",
      details: { feature: "membersPerWorkspace", limit: 3 },
    });
  });
});

describe("chart history", () => {
  it("counts today as the first of the plan's days; unlimited plans have no limit", () => {
    expect(historyLimitOf(snapshotOf("free"), TODAY)).toEqual({
      days: 30,
      earliest: "2026-03-02",
      message: "Your plan (Free) shows the last 30 days: the Team plan shows more.",
    });
    expect(historyLimitOf(snapshotOf("team"), TODAY)?.earliest).toBe("2025-04-01");
    expect(historyLimitOf(snapshotOf("coach"), TODAY)).toBeNull();
  });

  it("clamps a range that starts too early, and leaves one within reach alone", () => {
    const free = snapshotOf("free");
    expect(clampHistory(free, TODAY, toLocalDate("2026-01-01"))).toMatchObject({
      from: "2026-03-02",
      limit: { days: 30 },
    });
    expect(clampHistory(free, TODAY, toLocalDate("2026-03-02"))).toEqual({
      from: "2026-03-02",
      limit: null,
    });
  });

  it("refuses an explicit range wholly before the plan's reach", () => {
    const free = snapshotOf("free");
    expect(refusal(() => assertHistoryReach(free, TODAY, toLocalDate("2026-03-02")))).toBeNull();
    expect(refusal(() => assertHistoryReach(free, TODAY, toLocalDate("2026-03-01")))).toMatchObject(
      {
        code: "PAYMENT_REQUIRED",
        message: "Your plan (Free) shows the last 30 days: the Team plan shows more.",
      },
    );
  });

  it("shows today alone on a snapshot without the feature", () => {
    const none: EntitlementSnapshot = { planKey: "legacy", planName: "Legacy", features: {} };
    expect(historyLimitOf(none, TODAY)).toMatchObject({ days: 1, earliest: TODAY });
    expect(historyLimitOf(none, TODAY)?.message).toBe(
      "Your plan (Legacy) shows today only: the Free plan shows more.",
    );
  });
});

describe("allowedChannels", () => {
  it.each([
    ["free", ["in_app", "email_digest"]],
    ["team", ["in_app", "email_digest", "email_instant", "web_push"]],
    ["coach", ["in_app", "email_digest", "email_instant", "web_push", "coach_digest"]],
  ] as const)("%s: %j", (plan, channels) => {
    expect(allowedChannels(snapshotOf(plan))).toEqual(channels);
  });

  it("follows the snapshot, a configured self-hosted plan included", () => {
    expect(allowedChannels(snapshotOf("self_hosted", { web_push: off() }))).not.toContain(
      "web_push",
    );
  });
});

function off() {
  return { isEnabled: false, limitValue: null };
}
