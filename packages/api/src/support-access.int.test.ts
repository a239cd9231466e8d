/**
 * The platform admin and support access (docs/architecture.md "Console reach", docs/domain.md
 * "Support access"), through the routers as the application role: only staff reach the platform
 * routes; tenants show no member data; staff read a workspace only under an approved, unexpired
 * grant that the owner can revoke at once; every read under a grant is audited with its id.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";

let h: Harness;
let n = 0;
const key = () => `support-key-${String(++n).padStart(4, "0")}`;
const ask = (workspaceId: string, extra: object = {}) => ({
  idempotencyKey: key(),
  workspaceId,
  reason: "The member reports a wrong streak",
  durationMinutes: 60,
  ...extra,
});

const staff = () => h.asAdmin("staff");
const owner = () => h.as("owner", "demo");
const membersOfDemo = () => staff().platform.support.members({ workspaceId: h.workspaceIds.demo });

/** Ends every grant of the staff member (admin role): each test starts with none open. */
async function endGrants() {
  await h.admin.supportGrant.updateMany({
    where: { status: "approved" },
    data: { status: "revoked" },
  });
  await h.admin.supportGrant.updateMany({
    where: { status: "requested" },
    data: { status: "refused" },
  });
  await h.admin.workspace.updateMany({
    where: { supportAccessEnabled: false },
    data: { supportAccessEnabled: true },
  });
}

beforeAll(async () => {
  h = await createHarness();
});
beforeEach(endGrants);
afterAll(async () => {
  await h?.close();
});

describe("the platform routes", () => {
  it("refuse anyone who is not Atlas staff, a coach or an owner included", async () => {
    for (const who of ["coach", "owner", "nora"] as const) {
      const caller = h.asAdmin(who);
      for (const call of [
        () => caller.platform.tenants.list({}),
        () => caller.platform.audit.list({}),
        () => caller.platform.support.listMine(),
        () => caller.platform.support.request(ask(h.workspaceIds.demo)),
        () => caller.platform.support.breakGlass(ask(h.workspaceIds.demo)),
        () => caller.platform.support.members({ workspaceId: h.workspaceIds.demo }),
      ]) {
        expect((await rejectionOf(call())).code).toBe("FORBIDDEN");
      }
    }
    expect((await rejectionOf(h.asAdmin("coach").platform.tenants.list({}))).message).toBe(
      "The platform admin is for Atlas staff only.",
    );
  });
});

describe("tenants", () => {
  it("lists every workspace with plan, seats, members, last activity and billing, and no people", async () => {
    const page = await staff().platform.tenants.list({});
    expect(page.nextCursor).toBeNull();
    const bySlug = Object.fromEntries(page.items.map((t) => [t.slug, t]));
    const last = async (workspaceId: string) =>
      (
        await h.admin.executionEvent.aggregate({
          where: { workspaceId },
          _max: { recordedAt: true },
        })
      )._max.recordedAt?.toISOString() ?? null;
    expect(bySlug.demo).toMatchObject({
      billing: "active",
      seats: 10,
      activeMembers: 6,
      planKey: "self_hosted",
      lastActivityAt: await last(h.workspaceIds.demo),
    });
    expect(bySlug.second).toMatchObject({
      billing: "free",
      seats: 3,
      activeMembers: 3,
      lastActivityAt: await last(h.workspaceIds.second),
    });
    const text = JSON.stringify(page);
    for (const email of ["nora.newyork@atlas.local", "owner@atlas.local", "Nora Newman"]) {
      expect(text).not.toContain(email);
    }
  });

  it("pages in a stable order", async () => {
    const first = await staff().platform.tenants.list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await staff().platform.tenants.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id > first.items[0]!.id).toBe(true);
  });
});

describe("support access", () => {
  it("request → approve → read (audited) → revoke ends the next read at once", async () => {
    expect((await rejectionOf(membersOfDemo())).code).toBe("FORBIDDEN");

    const requested = await staff().platform.support.request(ask(h.workspaceIds.demo));
    expect(requested).toMatchObject({ status: "requested", isActive: false, scope: "read" });
    expect((await rejectionOf(membersOfDemo())).code).toBe("FORBIDDEN");

    const listed = await owner().support.list({});
    expect(listed.supportAccessEnabled).toBe(true);
    expect(listed.grants.find((g) => g.id === requested.id)?.staff).toMatchObject({
      name: "Stella Staff",
      email: "staff@atlas.local",
    });

    const approved = await owner().support.approve({ grantId: requested.id });
    expect(approved).toMatchObject({ status: "approved", isActive: true });
    expect(new Date(approved.expiresAt!).getTime() - new Date(approved.startsAt!).getTime()).toBe(
      60 * 60_000,
    );
    // A retry of the same decision answers the same.
    expect((await owner().support.approve({ grantId: requested.id })).id).toBe(requested.id);

    const view = await membersOfDemo();
    expect(view.grant).toMatchObject({ id: requested.id, workspaceName: "Demo Team" });
    expect(view.members.map((m) => m.name)).toContain("Nora Newman");
    const reads = await h.admin.auditLog.findMany({
      where: { action: "support.read", targetId: requested.id },
    });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      workspaceId: h.workspaceIds.demo,
      actorUserId: h.userIds.staff,
      metadata: { grantId: requested.id, procedure: "platform.support.members" },
    });

    // The banner: every member of the workspace sees who, until when.
    const banner = await h.as("nora", "demo").support.active({});
    expect(banner.map((g) => g.staff?.name)).toEqual(["Stella Staff"]);
    expect(await h.as("sam", "second").support.active({})).toEqual([]);

    await owner().support.revoke({ grantId: requested.id });
    expect((await rejectionOf(membersOfDemo())).code).toBe("FORBIDDEN");
    expect(await h.as("nora", "demo").support.active({})).toEqual([]);
    const mine = await staff().platform.support.listMine();
    expect(mine.find((g) => g.id === requested.id)).toMatchObject({
      status: "revoked",
      isActive: false,
      workspaceName: "Demo Team",
    });
  });

  it("is decided by an owner of the grant's workspace only", async () => {
    const requested = await staff().platform.support.request(ask(h.workspaceIds.demo));
    const priya = h.as("priya", "second");
    expect((await rejectionOf(priya.support.approve({ grantId: requested.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await rejectionOf(
          priya.support.approve({ workspaceId: h.workspaceIds.demo, grantId: requested.id }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    for (const who of ["nora", "coach"] as const) {
      const refusal = await rejectionOf(
        h.as(who, "demo").support.approve({ grantId: requested.id }),
      );
      expect(refusal.code).toBe("FORBIDDEN");
    }
    expect(
      await h.admin.supportGrant.findUniqueOrThrow({ where: { id: requested.id } }),
    ).toMatchObject({ status: "requested" });
    const refused = await owner().support.refuse({ grantId: requested.id, note: "Not now" });
    expect(refused).toMatchObject({ status: "refused", decisionNote: "Not now" });
    expect((await rejectionOf(owner().support.approve({ grantId: requested.id }))).code).toBe(
      "CONFLICT",
    );
  });

  it("break-glass opens at once and the owner sees it; an expired grant reads nothing", async () => {
    const grant = await staff().platform.support.breakGlass(
      ask(h.workspaceIds.second, { durationMinutes: 30 }),
    );
    expect(grant).toMatchObject({ status: "approved", breakGlass: true, isActive: true });
    const seen = await h.as("priya", "second").support.active({});
    expect(seen).toMatchObject([{ id: grant.id, breakGlass: true }]);
    await staff().platform.support.members({ workspaceId: h.workspaceIds.second });

    // Time passing, staged by the admin role (the only one that can move a grant's clock).
    await h.admin.$executeRaw`ALTER TABLE "SupportGrant" DISABLE TRIGGER "SupportGrant_rules"`;
    await h.admin.supportGrant.update({
      where: { id: grant.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await h.admin.$executeRaw`ALTER TABLE "SupportGrant" ENABLE TRIGGER "SupportGrant_rules"`;
    const refusal = await rejectionOf(
      staff().platform.support.members({ workspaceId: h.workspaceIds.second }),
    );
    expect(refusal.code).toBe("FORBIDDEN");
    expect(await h.as("priya", "second").support.active({})).toEqual([]);
  });

  it("turned off by the owner: open grants end, requests are refused, turning on reopens nothing", async () => {
    const open = await staff().platform.support.breakGlass(ask(h.workspaceIds.demo));
    const pending = await staff().platform.support.request(ask(h.workspaceIds.demo));
    expect(await owner().support.setEnabled({ enabled: false })).toEqual({
      supportAccessEnabled: false,
    });
    const rows = await h.admin.supportGrant.findMany({
      where: { id: { in: [open.id, pending.id] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["revoked", "refused"]);
    const refusal = await rejectionOf(staff().platform.support.request(ask(h.workspaceIds.demo)));
    expect(refusal).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(refusal.message).toMatch(/turned support access off/);
    await owner().support.setEnabled({ enabled: true });
    expect((await rejectionOf(membersOfDemo())).code).toBe("FORBIDDEN");
  });

  it("a request is idempotent on its key and validated", async () => {
    const input = ask(h.workspaceIds.demo);
    const first = await staff().platform.support.request(input);
    expect((await staff().platform.support.request(input)).id).toBe(first.id);
    const tooLong = await rejectionOf(
      staff().platform.support.request(ask(h.workspaceIds.demo, { durationMinutes: 1441 })),
    );
    expect(tooLong.code).toBe("BAD_REQUEST");
    const noReason = await rejectionOf(
      staff().platform.support.request(ask(h.workspaceIds.demo, { reason: "  " })),
    );
    expect(noReason.code).toBe("BAD_REQUEST");
    const nowhere = await rejectionOf(staff().platform.support.request(ask("no-such-workspace")));
    expect(nowhere.code).toBe("NOT_FOUND");
  });
});

describe("the audit log", () => {
  it("filters by workspace, actor, action and time, newest first, in keyset pages", async () => {
    const grant = await staff().platform.support.request(ask(h.workspaceIds.second));
    await h.as("priya", "second").support.refuse({ grantId: grant.id });

    const all = await staff().platform.audit.list({
      workspaceId: h.workspaceIds.second,
      action: "support.",
    });
    expect(all.items.slice(0, 2).map((e) => e.action)).toEqual([
      "support.refused",
      "support.requested",
    ]);
    expect(all.items[0]).toMatchObject({
      workspaceName: "Second Workspace",
      actorEmail: "owner.second@atlas.local",
    });

    const byStaff = await staff().platform.audit.list({
      actorUserId: h.userIds.staff,
      action: "support.requested",
      limit: 1,
    });
    expect(byStaff.items).toHaveLength(1);
    expect(byStaff.nextCursor).not.toBeNull();
    const next = await staff().platform.audit.list({
      actorUserId: h.userIds.staff,
      action: "support.requested",
      limit: 1,
      cursor: byStaff.nextCursor!,
    });
    expect(next.items[0]!.id < byStaff.items[0]!.id).toBe(true);

    const future = await staff().platform.audit.list({ from: new Date(Date.now() + 86_400_000) });
    expect(future.items).toEqual([]);
    const backwards = await rejectionOf(
      staff().platform.audit.list({ from: new Date(2030, 0, 2), to: new Date(2030, 0, 1) }),
    );
    expect(backwards.code).toBe("BAD_REQUEST");
  });
});
