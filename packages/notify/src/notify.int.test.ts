/**
 * notify() on the real database as the app role (docs/domain.md "Notifications"): dedupe on a
 * retried job, the plan's channels, preferences, quiet hours, the throttle, critical notices.
 */
import { providedTestServer } from "@atlas/db/testing/vitest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notify } from "./notify.ts";
import { startNotifyHarness, type NotifyHarness } from "./testing/harness.ts";

let h: NotifyHarness;

beforeAll(async () => {
  h = await startNotifyHarness(providedTestServer());
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.scheduled.length = 0;
  h.published.length = 0;
  h.setNow(new Date("2026-07-01T12:00:00Z"));
});

const statuses = (r: { deliveries: { channel: string; status: string }[] }) =>
  Object.fromEntries(r.deliveries.map((d) => [d.channel, d.status]));

describe("notify()", () => {
  it("stores one notification per dedupe key: a retried job sends nothing twice", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id);
    const recipient = { workspaceId: ws.id, userId };
    const payload = { title: "Streak at risk", body: "Log today", data: { habitId: "h1" } };
    const first = await notify(
      h.deps,
      recipient,
      "streak_at_risk",
      payload,
      "streak:h1:2026-07-01",
    );
    const again = await notify(
      h.deps,
      recipient,
      "streak_at_risk",
      payload,
      "streak:h1:2026-07-01",
    );
    expect(first.isNew).toBe(true);
    expect(again).toMatchObject({ isNew: false, notificationId: first.notificationId });
    expect(await h.admin.notification.count({ where: { userId } })).toBe(1);
    expect(await h.admin.notificationDelivery.count({ where: { userId } })).toBe(3);
    expect(h.published).toHaveLength(1);
    // Both calls ask for delivery (the first request may have been lost); delivery is idempotent.
    expect(h.scheduled.map((s) => s.notificationId)).toEqual([
      first.notificationId,
      first.notificationId,
    ]);
  });

  it("never pushes or e-mails instantly on the free plan; urgent e-mail waits for the digest", async () => {
    const ws = await h.createWorkspace("free");
    const userId = await h.addMember(ws.id);
    const result = await notify(
      h.deps,
      { workspaceId: ws.id, userId },
      "coach_note_shared",
      { title: "Your coach shared a note", body: "…", data: { noteId: "n1" } },
      "note:n1",
    );
    expect(statuses(result)).toEqual({
      in_app: "sent",
      email: "queued",
      web_push: "dropped_by_plan",
    });
    const email = await h.admin.notificationDelivery.findFirstOrThrow({
      where: { notificationId: result.notificationId, channel: "email" },
    });
    expect(email.digest).toBe("daily");
    expect(h.scheduled).toHaveLength(0);
  });

  it("sends urgent e-mail and push at once on the team plan, and batches the non-urgent", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id);
    const recipient = { workspaceId: ws.id, userId };
    const urgent = await notify(
      h.deps,
      recipient,
      "overload",
      {
        title: "Tomorrow is overloaded",
        body: "…",
        data: { localDate: "2026-07-02" },
      },
      "overload:2026-07-02",
    );
    expect(statuses(urgent)).toEqual({ in_app: "sent", email: "queued", web_push: "queued" });
    const calm = await notify(
      h.deps,
      recipient,
      "streak_repaired",
      {
        title: "Streak repaired",
        body: "…",
        data: { habitId: "h2" },
      },
      "repaired:h2",
    );
    const email = await h.admin.notificationDelivery.findFirstOrThrow({
      where: { notificationId: calm.notificationId, channel: "email" },
    });
    expect(email).toMatchObject({ status: "queued", digest: "daily" });
  });

  it("respects a channel turned off, but never for a critical notice", async () => {
    const ws = await h.createWorkspace("team");
    const recipient = { workspaceId: ws.id, userId: ws.ownerId };
    for (const kind of ["overload", "billing_payment_failed"]) {
      await h.admin.notificationPreference.create({
        data: { ...recipient, kind, channel: "email", isEnabled: false },
      });
    }
    const off = await notify(
      h.deps,
      recipient,
      "overload",
      {
        title: "Overloaded",
        body: "…",
        data: { localDate: "2026-07-02" },
      },
      "o",
    );
    expect(statuses(off).email).toBe("skipped");
    const dunning = await notify(
      h.deps,
      recipient,
      "billing_payment_failed",
      {
        title: "Payment failed",
        body: "…",
        data: {},
      },
      "pf:in_1",
    );
    expect(statuses(dunning).email).toBe("queued");
  });

  it("defers to the end of quiet hours in the member's zone; critical notices bypass them", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id, "Europe/Berlin");
    const recipient = { workspaceId: ws.id, userId };
    await h.admin.notificationSettings.create({
      data: { ...recipient, quietHoursStartMinutes: 22 * 60, quietHoursEndMinutes: 7 * 60 },
    });
    h.setNow(new Date("2026-10-24T21:30:00Z")); // 23:30 CEST, the night clocks fall back
    const held = await notify(
      h.deps,
      recipient,
      "streak_at_risk",
      {
        title: "Streak at risk",
        body: "…",
        data: { habitId: "h1" },
      },
      "risk",
    );
    expect(statuses(held)).toEqual({ in_app: "sent", email: "deferred", web_push: "deferred" });
    expect(h.scheduled.at(-1)?.dueAt.toISOString()).toBe("2026-10-25T06:00:00.000Z");
    await h.admin.membership.update({
      where: { workspaceId_userId: recipient },
      data: { role: "owner" },
    });
    const critical = await notify(
      h.deps,
      recipient,
      "billing_trial_ending",
      {
        title: "Trial ends in 3 days",
        body: "…",
        data: {},
      },
      "trial",
    );
    expect(statuses(critical)).toEqual({ in_app: "sent", email: "queued", web_push: "queued" });
  });

  it("throttles a category: inside the window, more go in-app and into the digest only", async () => {
    const ws = await h.createWorkspace("team");
    const userId = await h.addMember(ws.id);
    const recipient = { workspaceId: ws.id, userId };
    const send = (key: string) =>
      notify(
        h.deps,
        recipient,
        "coach_flag",
        {
          title: "Flagged",
          body: "…",
          data: { memberId: key },
        },
        key,
      );
    expect(statuses(await send("a"))).toEqual({
      in_app: "sent",
      email: "queued",
      web_push: "queued",
    });
    h.setNow(new Date("2026-07-01T12:30:00Z"));
    const second = await send("b");
    expect(statuses(second)).toEqual({ in_app: "sent", email: "queued", web_push: "skipped" });
    const email = await h.admin.notificationDelivery.findFirstOrThrow({
      where: { notificationId: second.notificationId, channel: "email" },
    });
    expect(email.digest).toBe("daily");
    h.setNow(new Date("2026-07-01T13:01:00Z")); // the 60-minute window has passed
    expect(statuses(await send("c"))).toEqual({
      in_app: "sent",
      email: "queued",
      web_push: "queued",
    });
  });

  it("refuses a recipient outside the workspace and a payload its category cannot link", async () => {
    const ws = await h.createWorkspace("team");
    const other = await h.createWorkspace("team");
    await expect(
      notify(
        h.deps,
        { workspaceId: ws.id, userId: other.ownerId },
        "overload",
        {
          title: "x",
          body: "",
          data: { localDate: "2026-07-02" },
        },
        "k",
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      notify(
        h.deps,
        { workspaceId: ws.id, userId: ws.ownerId },
        "overload",
        {
          title: "x",
          body: "",
          data: { localDate: "tomorrow" } as never,
        },
        "k",
      ),
    ).rejects.toThrow();
  });
});
