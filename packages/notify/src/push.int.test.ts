/**
 * Web push through the real `web-push` library to a local HTTPS push service that verifies the
 * VAPID JWT and decrypts the aes128gcm payload; gone subscriptions are removed; a free
 * workspace never gets a push.
 */
import { providedTestServer } from "@atlas/db/testing/vitest";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverNotification, type DeliverDeps } from "./deliver.ts";
import { notifyConfig } from "./env.ts";
import { notify } from "./notify.ts";
import { MAX_PUSH_PAYLOAD_BYTES, pushPayload, webPushSender } from "./push.ts";
import { startNotifyHarness, type NotifyHarness } from "./testing/harness.ts";
import { startLocalPushService, type LocalPushService } from "./testing/push-endpoint.ts";

let h: NotifyHarness;
let service: LocalPushService;
let deliver: DeliverDeps;
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:ops@atlas.example.test" };
const sentMail: string[] = [];

beforeAll(async () => {
  [h, service] = await Promise.all([
    startNotifyHarness(providedTestServer()),
    startLocalPushService(),
  ]);
  deliver = {
    db: h.deps.db,
    clock: h.deps.clock,
    config: notifyConfig({ ATLAS_MODE: "test" }),
    email: { send: async (m) => void sentMail.push(m.subject) },
    push: webPushSender(vapid, { agent: service.agent }),
  };
});
afterAll(async () => {
  await service?.stop();
  await h?.stop();
});
beforeEach(() => {
  service.received.length = 0;
  h.setNow(new Date("2026-07-01T12:00:00Z"));
});

async function subscribe(workspaceId: string, userId: string, gone = false) {
  const keys = service.subscribe({ gone });
  await h.admin.pushSubscription.create({ data: { workspaceId, userId, ...keys } });
  return keys;
}

describe("web push", () => {
  it("reaches each device encrypted and VAPID-signed; a gone subscription is removed", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id);
    const live = await subscribe(ws.id, userId);
    const gone = await subscribe(ws.id, userId, true);
    const sent = await notify(
      h.deps,
      { workspaceId: ws.id, userId },
      "streak_at_risk",
      {
        title: "Your reading streak is at risk",
        body: "Log today before midnight.",
        data: { habitId: "h1" },
      },
      "risk:h1",
    );
    const result = await deliverNotification(deliver, {
      workspaceId: ws.id,
      userId,
      notificationId: sent.notificationId,
    });
    expect(result).toMatchObject({ sent: 2, failed: 0 });
    expect(service.errors).toEqual([]);
    expect(service.received).toHaveLength(1);
    const [push] = service.received;
    expect(push!.path).toBe(new URL(live.endpoint).pathname);
    expect(push!.claims).toMatchObject({ aud: service.origin, sub: vapid.subject });
    expect(push!.vapidPublicKey).toBe(vapid.publicKey);
    expect(JSON.parse(push!.payload)).toEqual({
      title: "Your reading streak is at risk",
      body: "Log today before midnight.",
      url: `${deliver.config.webUrl}/habits/h1`,
      tag: "streak_at_risk",
    });
    const left = await h.admin.pushSubscription.findMany({ where: { userId } });
    expect(left.map((s) => s.endpoint)).toEqual([live.endpoint]);
    expect(gone.endpoint).not.toBe(live.endpoint);
  });

  it("never pushes to a free workspace, even with a subscription", async () => {
    const ws = await h.createWorkspace("free");
    const userId = await h.addMember(ws.id);
    await subscribe(ws.id, userId);
    const sent = await notify(
      h.deps,
      { workspaceId: ws.id, userId },
      "overload",
      {
        title: "Tomorrow is overloaded",
        body: "…",
        data: { localDate: "2026-07-02" },
      },
      "overload:2026-07-02",
    );
    expect(sent.deliveries.find((d) => d.channel === "web_push")?.status).toBe("dropped_by_plan");
    await deliverNotification(deliver, {
      workspaceId: ws.id,
      userId,
      notificationId: sent.notificationId,
    });
    expect(service.received).toHaveLength(0);
  });

  it("keeps a long payload under the size limit", () => {
    const json = pushPayload({
      title: "t",
      body: "x".repeat(10_000),
      url: "https://a.test/",
      tag: "t",
    });
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    expect(JSON.parse(json).url).toBe("https://a.test/");
  });
});
