/**
 * What the app role must never do with the notification tables (docs/architecture.md
 * "Tenancy"): read the outbox at all, or see another person's deliveries and settings.
 */
import { createTenantDb } from "@atlas/db";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "./notify.ts";
import { startNotifyHarness, type NotifyHarness } from "./testing/harness.ts";

let h: NotifyHarness;
beforeAll(async () => {
  h = await startNotifyHarness(providedTestServer());
});
afterAll(async () => {
  await h?.stop();
});

describe("row-level security on notifications", () => {
  it("refuses the outbox to the app role", async () => {
    await expect(h.deps.db.emailOutbox.findMany()).rejects.toThrow(/permission denied/);
  });

  it("shows a person only their own deliveries and settings", async () => {
    const ws = await h.createWorkspace("team");
    const a = await h.addMember(ws.id);
    const b = await h.addMember(ws.id);
    await notify(
      h.deps,
      { workspaceId: ws.id, userId: a },
      "overload",
      {
        title: "Overloaded",
        body: "…",
        data: { localDate: "2026-07-02" },
      },
      "o",
    );
    await h.admin.notificationSettings.create({ data: { workspaceId: ws.id, userId: a } });
    const asB = createTenantDb(h.deps.db, { workspaceId: ws.id, userId: b });
    expect(await asB.notificationDelivery.count()).toBe(0);
    expect(await asB.notificationSettings.count()).toBe(0);
    await expect(
      asB.notificationSettings.create({ data: { workspaceId: ws.id, userId: a } }),
    ).rejects.toThrow();
    const asA = createTenantDb(h.deps.db, { workspaceId: ws.id, userId: a });
    expect(await asA.notificationDelivery.count()).toBe(3);
  });
});
