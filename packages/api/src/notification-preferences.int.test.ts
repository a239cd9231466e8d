/**
 * notifications.preferences / settings / push (docs/domain.md "Notifications" › "Preferences"):
 * a member's own choices per category × channel, what their plan allows and why, quiet hours and
 * digest frequency, and their devices' push subscriptions — all through the real chain.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onPlan } from "./testing/billing.ts";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";

let h: Harness;
const VAPID_PUBLIC = "B".repeat(87);
const DEVICE = {
  endpoint: "https://push.example.test/send/nora-laptop",
  keys: { p256dh: "Bx".repeat(43) + "A", auth: "au".repeat(11) },
};

beforeAll(async () => {
  h = await createHarness();
});
beforeEach(async () => {
  const inDemo = { where: { workspaceId: h.workspaceIds.demo } };
  await h.admin.notificationPreference.deleteMany(inDemo);
  await h.admin.notificationSettings.deleteMany(inDemo);
  await h.admin.pushSubscription.deleteMany(inDemo);
});
afterAll(async () => {
  await h?.close();
});

const nora = (pushPublicKey: string | null = VAPID_PUBLIC) =>
  h.as("nora", "demo", { pushPublicKey }).notifications;
const choice = (
  prefs: Awaited<ReturnType<ReturnType<typeof nora>["preferences"]["get"]>>,
  category: string,
  channel: string,
) =>
  prefs.categories
    .find((c) => c.category === category)!
    .channels.find((c) => c.channel === channel)!;

describe("notifications.preferences.get", () => {
  it("lists every category × channel, on by default, with no quiet hours and a daily digest", async () => {
    const prefs = await nora().preferences.get();
    expect(prefs.categories).toHaveLength(12);
    expect(prefs.categories.every((c) => c.channels.length === 3)).toBe(true);
    expect(prefs.quietHours).toBeNull();
    expect(prefs.digest).toBe("daily");
    expect(choice(prefs, "overload", "email")).toMatchObject({ isEnabled: true, isLocked: false });
    expect(choice(prefs, "streak_broken", "web_push")).toMatchObject({
      isEnabled: false,
      route: "none",
      isLocked: true,
      isPlanLimited: false,
      reason: "Streaks broken are not sent as web push.",
    });
    expect(choice(prefs, "billing_payment_failed", "email")).toMatchObject({
      isEnabled: true,
      isLocked: true,
      reason: "Critical: always sent, even in quiet hours.",
    });
  });

  it("on the free plan: push is not included and e-mail goes in the digest, with the reason", async () => {
    await onPlan(h, "demo", "free", async () => {
      const prefs = await nora().preferences.get();
      expect(choice(prefs, "overload", "web_push")).toMatchObject({
        isEnabled: false,
        route: "none",
        isLocked: true,
        isPlanLimited: true,
        reason: `Your plan (${prefs.planName}) does not include web push for this.`,
      });
      expect(choice(prefs, "overload", "email")).toMatchObject({
        route: "digest",
        isLocked: false,
        reason: `Your plan (${prefs.planName}) sends this in your e-mail digest.`,
      });
      expect(choice(prefs, "overload", "in_app").route).toBe("instant");
    });
  });
});

describe("notifications.preferences.update", () => {
  it("turns e-mail off for one category; repeating it changes nothing; others stay on", async () => {
    const change = {
      changes: [{ category: "overload" as const, channel: "email" as const, isEnabled: false }],
    };
    const once = await nora().preferences.update(change);
    const twice = await nora().preferences.update(change);
    expect(twice).toEqual(once);
    expect(choice(twice, "overload", "email").isEnabled).toBe(false);
    expect(choice(twice, "overload", "in_app").isEnabled).toBe(true);
    expect(choice(twice, "streak_at_risk", "email").isEnabled).toBe(true);
    expect(await h.admin.notificationPreference.count()).toBe(1);
    // Another member of the workspace keeps their own defaults.
    const bernd = await h.as("bernd", "demo").notifications.preferences.get();
    expect(choice(bernd, "overload", "email").isEnabled).toBe(true);
  });

  it("refuses to turn a critical category off, saying so, and saves nothing", async () => {
    const refusal = await rejectionOf(
      nora().preferences.update({
        changes: [
          { category: "overload", channel: "email", isEnabled: false },
          { category: "billing_payment_failed", channel: "email", isEnabled: false },
        ],
      }),
    );
    expect(refusal).toMatchObject({
      code: "BAD_REQUEST",
      message: '"Payment failed" is critical: it always reaches you and cannot be turned off.',
    });
    expect(await h.admin.notificationPreference.count()).toBe(0);
  });

  it("refuses a channel the category never uses and an unknown category", async () => {
    expect(
      await rejectionOf(
        nora().preferences.update({
          changes: [{ category: "streak_broken", channel: "web_push", isEnabled: true }],
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", message: '"Streaks broken" are not sent as web push.' });
    expect(
      await rejectionOf(
        nora().preferences.update({
          // @ts-expect-error an unknown category
          changes: [{ category: "marketing", channel: "email", isEnabled: false }],
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("notifications.settings.update", () => {
  it("sets quiet hours over midnight and the digest, kept on the next read; null clears them", async () => {
    const saved = await nora().settings.update({
      quietHours: { startMinutes: 22 * 60, endMinutes: 7 * 60 },
      digest: "weekly",
    });
    expect(saved).toEqual({
      quietHours: { startMinutes: 1320, endMinutes: 420 },
      digest: "weekly",
    });
    const prefs = await nora().preferences.get();
    expect(prefs.quietHours).toEqual({ startMinutes: 1320, endMinutes: 420 });
    expect(prefs.digest).toBe("weekly");
    // Changing only the digest keeps the quiet hours.
    expect(await nora().settings.update({ digest: "off" })).toEqual({
      quietHours: { startMinutes: 1320, endMinutes: 420 },
      digest: "off",
    });
    expect(await nora().settings.update({ quietHours: null })).toEqual({
      quietHours: null,
      digest: "off",
    });
  });

  it("refuses minutes outside the day, equal start and end, and an empty update", async () => {
    for (const input of [
      { quietHours: { startMinutes: 0, endMinutes: 1440 } },
      { quietHours: { startMinutes: 60, endMinutes: 60 } },
      { quietHours: { startMinutes: 1.5, endMinutes: 60 } },
      {},
    ]) {
      expect(await rejectionOf(nora().settings.update(input))).toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(await h.admin.notificationSettings.count()).toBe(0);
  });
});

describe("notifications.push", () => {
  it("publicKey: the VAPID key where the plan has web push; null when push is off or the plan lacks it", async () => {
    expect(await nora().push.publicKey()).toEqual({ publicKey: VAPID_PUBLIC });
    expect(await nora(null).push.publicKey()).toEqual({ publicKey: null });
    await onPlan(h, "demo", "free", async () => {
      expect(await nora().push.publicKey()).toEqual({ publicKey: null });
    });
  });

  it("subscribe is idempotent per workspace and endpoint, and updates the keys", async () => {
    await nora().push.subscribe(DEVICE);
    await nora().push.subscribe(DEVICE);
    const renewed = { ...DEVICE, keys: { ...DEVICE.keys, auth: "zz".repeat(11) } };
    expect(await nora().push.subscribe(renewed)).toEqual({ endpoint: DEVICE.endpoint });
    const rows = await h.admin.pushSubscription.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      workspaceId: h.workspaceIds.demo,
      userId: h.userIds.nora,
      auth: "zz".repeat(11),
    });
  });

  it("unsubscribe removes it; again is fine", async () => {
    await nora().push.subscribe(DEVICE);
    expect(await nora().push.unsubscribe({ endpoint: DEVICE.endpoint })).toEqual({ removed: true });
    expect(await nora().push.unsubscribe({ endpoint: DEVICE.endpoint })).toEqual({
      removed: false,
    });
    expect(await h.admin.pushSubscription.count()).toBe(0);
  });

  it("another member subscribing the same browser is a clear conflict, and nothing changes", async () => {
    await nora().push.subscribe(DEVICE);
    const bernd = h.as("bernd", "demo", { pushPublicKey: VAPID_PUBLIC }).notifications;
    expect(await rejectionOf(bernd.push.subscribe(DEVICE))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("another member's push notifications"),
    });
    const rows = await h.admin.pushSubscription.findMany();
    expect(rows.map((r) => r.userId)).toEqual([h.userIds.nora]);
  });

  it("another member cannot remove someone else's device", async () => {
    await nora().push.subscribe(DEVICE);
    const bernd = h.as("bernd", "demo", { pushPublicKey: VAPID_PUBLIC }).notifications;
    expect(await bernd.push.unsubscribe({ endpoint: DEVICE.endpoint })).toEqual({ removed: false });
    expect(await h.admin.pushSubscription.count()).toBe(1);
  });

  it("refuses a plan without web push (402), push off (412) and malformed subscriptions (400)", async () => {
    await onPlan(h, "demo", "free", async () => {
      expect(await rejectionOf(nora().push.subscribe(DEVICE))).toMatchObject({
        code: "PAYMENT_REQUIRED",
      });
    });
    expect(await rejectionOf(nora(null).push.subscribe(DEVICE))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Push notifications are off on this Atlas server.",
    });
    for (const bad of [
      { ...DEVICE, endpoint: "http://push.example.test/x" },
      { ...DEVICE, endpoint: "not a url" },
      { ...DEVICE, keys: { ...DEVICE.keys, p256dh: "short" } },
      { ...DEVICE, keys: { ...DEVICE.keys, auth: "no/slashes+here+pls" } },
    ]) {
      expect(await rejectionOf(nora().push.subscribe(bad))).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await h.admin.pushSubscription.count()).toBe(0);
  });
});
