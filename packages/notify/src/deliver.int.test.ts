/**
 * E-mail delivery over real SMTP (a local smtp-server read back with mailparser): an urgent
 * notice with one-click unsubscribe headers, a critical one without, five batched events in one
 * digest, a retried delivery sending nothing twice, and a downgrade degrading queued deliveries.
 */
import { providedTestServer } from "@atlas/db/testing/vitest";
import { snapshotOf } from "@atlas/core/billing/plan-catalog";
import { entitlementsColumn } from "@atlas/core/services/billing/snapshot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  degradeQueuedDeliveries,
  deliverNotification,
  sendDigest,
  type DeliverDeps,
} from "./deliver.ts";
import { smtpTransport } from "./email/transport.ts";
import { notifyConfig } from "./env.ts";
import { notify } from "./notify.ts";
import { startNotifyHarness, type NotifyHarness } from "./testing/harness.ts";
import { startLocalSmtp, type LocalSmtp } from "./testing/smtp.ts";
import { unsubscribe, verifyUnsubscribeToken } from "./unsubscribe.ts";

let h: NotifyHarness;
let smtp: LocalSmtp;
let deliver: DeliverDeps;
const config = notifyConfig({ ATLAS_MODE: "test" });

beforeAll(async () => {
  [h, smtp] = await Promise.all([startNotifyHarness(providedTestServer()), startLocalSmtp()]);
  deliver = {
    db: h.deps.db,
    clock: h.deps.clock,
    config,
    email: smtpTransport(smtp.url, "Atlas <notifications@atlas.example.test>"),
    push: null,
  };
});
afterAll(async () => {
  await smtp?.stop();
  await h?.stop();
});
beforeEach(() => {
  smtp.received.length = 0;
  h.setNow(new Date("2026-07-01T12:00:00Z"));
});

/** A header as sent (mailparser folds the List-* headers into one parsed "list" entry). */
const header = (mail: (typeof smtp.received)[number], name: string) =>
  mail.headerLines
    .find((line) => line.key === name)
    ?.line.slice(name.length + 1)
    .replace(/\r\n\s*/g, " ")
    .trim();

describe("e-mail delivery", () => {
  it("sends an urgent notice once, with one-click unsubscribe that turns that category off", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id);
    const recipient = { workspaceId: ws.id, userId };
    const sent = await notify(
      h.deps,
      recipient,
      "coach_note_shared",
      {
        title: "Your coach shared a note",
        body: "Great week — keep the mornings.",
        data: { noteId: "n1" },
      },
      "note:n1",
    );
    const request = { ...recipient, notificationId: sent.notificationId };
    expect(await deliverNotification(deliver, request)).toMatchObject({ sent: 1, failed: 0 }); // e-mail; push: no subscription
    // A retried job: everything is recorded as sent, nothing goes out again.
    expect(await deliverNotification(deliver, request)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe("Your coach shared a note");
    expect(mail.text).toContain("Great week");
    expect(mail.html).toContain(`${config.webUrl}/dashboard?note=n1`);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = header(mail, "list-unsubscribe")!.replace(/^<|>$/g, "");
    const token = new URL(listUnsubscribe).searchParams.get("token")!;
    const parsed = verifyUnsubscribeToken(config.signingSecret, token);
    expect(parsed).toEqual({ ...recipient, target: "coach_note_shared" });
    expect(verifyUnsubscribeToken(config.signingSecret, `${token}x`)).toBeNull();
    expect(await unsubscribe(h.deps.db, parsed!)).toBe(true);
    const again = await notify(
      h.deps,
      recipient,
      "coach_note_shared",
      {
        title: "Another note",
        body: "…",
        data: { noteId: "n2" },
      },
      "note:n2",
    );
    expect(again.deliveries.find((d) => d.channel === "email")?.status).toBe("skipped");
  });

  it("sends critical billing notices without List-Unsubscribe, even on the free plan", async () => {
    const ws = await h.createWorkspace("free");
    const recipient = { workspaceId: ws.id, userId: ws.ownerId };
    const sent = await notify(
      h.deps,
      recipient,
      "billing_payment_failed",
      {
        title: "Your payment failed",
        body: "Update your card to keep the team plan.",
        data: {},
      },
      "pf:in_1",
    );
    await deliverNotification(deliver, { ...recipient, notificationId: sent.notificationId });
    expect(smtp.received).toHaveLength(1);
    expect(header(smtp.received[0]!, "list-unsubscribe")).toBeUndefined();
  });

  it("batches five non-urgent events into one digest e-mail", async () => {
    const ws = await h.createWorkspace("free");
    const userId = await h.addMember(ws.id);
    const recipient = { workspaceId: ws.id, userId };
    for (let i = 1; i <= 5; i++) {
      await notify(
        h.deps,
        recipient,
        "streak_repaired",
        {
          title: `Streak ${i} repaired`,
          body: `Habit ${i} is back on track.`,
          data: { habitId: `h${i}` },
        },
        `repaired:h${i}`,
      );
    }
    h.setNow(new Date("2026-07-02T07:00:00Z"));
    expect(await sendDigest(deliver, recipient, "daily")).toEqual({ sent: 5, deferredUntil: null });
    expect(await sendDigest(deliver, recipient, "daily")).toEqual({ sent: 0, deferredUntil: null });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe("Atlas: 5 updates (daily digest)");
    for (let i = 1; i <= 5; i++) expect(mail.text).toContain(`Streak ${i} repaired`);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("holds a digest in quiet hours", async () => {
    const ws = await h.createWorkspace("free");
    const userId = await h.addMember(ws.id, "America/New_York");
    const recipient = { workspaceId: ws.id, userId };
    await h.admin.notificationSettings.create({
      data: { ...recipient, quietHoursStartMinutes: 22 * 60, quietHoursEndMinutes: 7 * 60 },
    });
    await notify(
      h.deps,
      recipient,
      "streak_broken",
      {
        title: "Streak broken",
        body: "…",
        data: { habitId: "h1" },
      },
      "broken:h1",
    );
    h.setNow(new Date("2026-07-02T05:00:00Z")); // 01:00 EDT
    expect(await sendDigest(deliver, recipient, "daily")).toEqual({
      sent: 0,
      deferredUntil: new Date("2026-07-02T11:00:00Z"),
    });
    expect(smtp.received).toHaveLength(0);
  });

  it("degrades queued push and instant e-mail on a downgrade, losing none", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id, "Europe/Berlin");
    const recipient = { workspaceId: ws.id, userId };
    await h.admin.notificationSettings.create({
      data: { ...recipient, quietHoursStartMinutes: 22 * 60, quietHoursEndMinutes: 7 * 60 },
    });
    h.setNow(new Date("2026-07-01T21:00:00Z")); // 23:00 in Berlin: both wait
    const held = await notify(
      h.deps,
      recipient,
      "streak_at_risk",
      {
        title: "Streak at risk",
        body: "…",
        data: { habitId: "h1" },
      },
      "risk:h1",
    );
    expect(held.deliveries.map((d) => d.status)).toEqual(["sent", "deferred", "deferred"]);
    await h.admin.workspace.update({
      where: { id: ws.id },
      data: { entitlements: entitlementsColumn("free") },
    });
    expect(await degradeQueuedDeliveries(h.admin, ws.id, snapshotOf("free"))).toBe(2);
    const rows = await h.admin.notificationDelivery.findMany({
      where: { notificationId: held.notificationId },
      select: { channel: true, status: true, digest: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.channel, [r.status, r.digest]]))).toEqual({
      in_app: ["sent", null],
      email: ["queued", "daily"],
      web_push: ["degraded", null],
    });
    h.setNow(new Date("2026-07-02T06:00:00Z"));
    expect(await sendDigest(deliver, recipient, "daily")).toMatchObject({ sent: 1 });
    expect(smtp.received[0]!.text).toContain("Streak at risk");
  });
});
