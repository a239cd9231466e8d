import { describe, expect, it } from "vitest";
import { snapshotOf } from "../billing/plan-catalog.ts";
import { defaultChannels, deepLinkOf, NOTIFICATION_CATEGORIES } from "./categories.ts";

const routes = (
  plan: "free" | "team" | "coach",
  category: (typeof NOTIFICATION_CATEGORIES)[number],
) =>
  Object.fromEntries(defaultChannels(snapshotOf(plan), category).map((c) => [c.channel, c.route]));

describe('default channels per plan (docs/domain.md "Notifications")', () => {
  it.each([
    ["free", "overload", { in_app: "instant", email: "digest" }],
    ["team", "overload", { in_app: "instant", email: "instant", web_push: "instant" }],
    ["free", "streak_broken", { in_app: "instant", email: "digest" }],
    ["team", "streak_broken", { in_app: "instant", email: "instant" }],
    ["free", "digest_daily", { in_app: "instant", email: "instant" }],
    ["team", "coach_weekly_digest", { in_app: "instant" }],
    ["coach", "coach_weekly_digest", { in_app: "instant", email: "instant" }],
    ["free", "billing_payment_failed", { in_app: "instant", email: "instant" }],
    ["coach", "billing_trial_ending", { in_app: "instant", email: "instant", web_push: "instant" }],
  ] as const)("%s × %s", (plan, category, expected) => {
    expect(routes(plan, category)).toEqual(expected);
  });

  it("never pushes on the free plan", () => {
    for (const category of NOTIFICATION_CATEGORIES) {
      expect(routes("free", category).web_push).toBeUndefined();
    }
  });

  it("builds deep links, filling the console's workspace", () => {
    expect(deepLinkOf("coach_flag", { memberId: "m1" }, "w1")).toEqual({
      app: "admin",
      path: "/members/w1/m1",
    });
    expect(() => deepLinkOf("streak_at_risk", {}, "w1")).toThrow();
  });
});
