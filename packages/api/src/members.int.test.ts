/**
 * Members and invitations through the API (docs/domain.md "Members and invitations"): the paged
 * roster, inviting, accepting, revoking, role changes and removal; who may do what; refusals
 * change nothing; retries answer the same; every change audited.
 */
import type { InvitationDelivery } from "@atlas/core/services/workspaces/invitations";
import type { Clock } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./app-router.ts";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";
import { expectRefused } from "./testing/plans.ts";
import { allPages } from "./testing/pages.ts";

let h: Harness;
const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const T0 = at("2030-03-01T10:00:00.000Z");
const PRIYA = "owner.second@atlas.local";

beforeAll(async () => {
  h = await createHarness();
  // The seed has no admin: bernd becomes demo's.
  await h.as("owner").workspace.changeRole({ userId: h.userIds.bernd, role: "admin" });
});
afterAll(async () => {
  await h?.close();
});

const audits = (action: string, targetId: string) =>
  h.admin.auditLog.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });

describe("workspace.members", () => {
  it("pages the roster in a stable order without repeats; limit at most 100", async () => {
    const all = (await h.as("nora").workspace.members()).items.map((m) => m.id);
    expect(all).toHaveLength(6);
    const seen = await allPages((cursor) => h.as("nora").workspace.members({ limit: 4, cursor }));
    expect(seen.map((m) => m.id)).toEqual(all);
    expect((await rejectionOf(h.as("nora").workspace.members({ limit: 101 }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("inviting and accepting", () => {
  it("refuses who may not invite, owner-only roles, members and bad input; nothing changes", async () => {
    const email = "new.person@example.com";
    await expectRefused(
      h,
      () => h.as("nora").workspace.invite({ email, role: "member" }),
      "FORBIDDEN",
    );
    await expectRefused(
      h,
      () => h.as("coach").workspace.invite({ email, role: "member" }),
      "FORBIDDEN",
    );
    await expectRefused(
      h,
      () => h.as("bernd").workspace.invite({ email, role: "admin" }),
      "FORBIDDEN",
      /^Only owners can make someone an admin\.$/,
    );
    await expectRefused(
      h,
      () => h.as("owner").workspace.invite({ email: "Nora.NewYork@atlas.local", role: "member" }),
      "CONFLICT",
      /already a member/,
    );
    await expectRefused(
      h,
      () => h.as("owner").workspace.invite({ email, role: "owner" as "admin" }),
      "BAD_REQUEST",
    );
    await expectRefused(
      h,
      () => h.as("owner").workspace.invite({ email: "not an address", role: "member" }),
      "BAD_REQUEST",
    );
  });

  it("invites once per address: inviting again re-issues the link; the old one stops working", async () => {
    const first = await h.as("bernd", "demo", { clock: T0 }).workspace.invite({
      email: "  Guest@Example.com ",
      role: "member",
    });
    expect(first.invitation).toMatchObject({ email: "guest@example.com", role: "member" });
    expect(first.token).toMatch(/^[\w-]{43}$/);
    expect(first.invitation.expiresAt).toEqual(new Date("2030-03-08T10:00:00.000Z"));
    const again = await h.as("owner", "demo", { clock: T0 }).workspace.invite({
      email: "guest@example.com",
      role: "coach",
    });
    expect(again.invitation).toMatchObject({ id: first.invitation.id, role: "coach" });
    expect(again.token).not.toBe(first.token);
    const stored = await h.admin.invitation.findUniqueOrThrow({
      where: { id: first.invitation.id },
    });
    expect(stored.tokenHash).not.toContain(again.token!);
    const open = await h.as("bernd", "demo", { clock: T0 }).workspace.invitations();
    expect(open.items.filter((i) => i.email === "guest@example.com")).toEqual([
      expect.objectContaining({ id: first.invitation.id, role: "coach", isExpired: false }),
    ]);
    expect((await audits("invitation.created", first.invitation.id)).length).toBe(1);
    expect((await audits("invitation.reissued", first.invitation.id)).length).toBe(1);
    expect(
      (await rejectionOf(h.as("priya", null).workspace.acceptInvitation({ token: first.token! })))
        .code,
    ).toBe("NOT_FOUND");
    // Members do not see invitations.
    expect((await rejectionOf(h.as("nora").workspace.invitations())).code).toBe("FORBIDDEN");
  });

  it("lets only the invited address accept, before it expires; accepting again answers the same", async () => {
    const { token, invitation } = await h
      .as("owner", "demo", { clock: T0 })
      .workspace.invite({ email: PRIYA.toUpperCase(), role: "coach" });
    // Someone else holding the link: refused, nothing changes.
    await expectRefused(
      h,
      () => h.as("sam", null, { clock: T0 }).workspace.acceptInvitation({ token: token! }),
      "FORBIDDEN",
      /another e-mail address/,
    );
    await expectRefused(
      h,
      () =>
        h
          .as("priya", null, { clock: at("2030-03-08T10:00:00.000Z") })
          .workspace.acceptInvitation({ token: token! }),
      "PRECONDITION_FAILED",
      /expired/,
    );
    const joined = await h
      .as("priya", null, { clock: T0 })
      .workspace.acceptInvitation({ token: token! });
    expect(joined).toEqual({
      workspaceId: h.workspaceIds.demo,
      workspaceName: expect.any(String),
      role: "coach",
    });
    expect(
      await h.as("priya", null, { clock: T0 }).workspace.acceptInvitation({ token: token! }),
    ).toEqual(joined);
    expect((await h.as("priya", "demo").workspace.current()).role).toBe("coach");
    expect(await audits("invitation.accepted", invitation.id)).toHaveLength(1);
    expect((await audits("membership.added", h.userIds.priya))[0]?.metadata).toMatchObject({
      role: "coach",
      invitationId: invitation.id,
      rejoined: false,
    });
    // Used is used: the link is no one else's now, and the invitation left the open list.
    await expectRefused(
      h,
      () => h.as("sam", null, { clock: T0 }).workspace.acceptInvitation({ token: token! }),
      "CONFLICT",
    );
    const open = await h.as("owner").workspace.invitations();
    expect(open.items.map((i) => i.id)).not.toContain(invitation.id);
    await expectRefused(
      h,
      () => h.as("owner").workspace.revokeInvitation({ invitationId: invitation.id }),
      "CONFLICT",
    );
  });

  it("revokes: the link is refused; revoking again answers the same", async () => {
    const { token, invitation } = await h
      .as("owner", "demo", { clock: T0 })
      .workspace.invite({ email: "withdrawn@example.com", role: "member" });
    const revoked = await h
      .as("bernd", "demo", { clock: T0 })
      .workspace.revokeInvitation({ invitationId: invitation.id });
    expect(revoked.revokedAt).toEqual(T0.now());
    expect(
      await h
        .as("bernd", "demo", { clock: at("2030-03-02T00:00:00.000Z") })
        .workspace.revokeInvitation({
          invitationId: invitation.id,
        }),
    ).toEqual(revoked);
    expect(await audits("invitation.revoked", invitation.id)).toHaveLength(1);
    const error = await rejectionOf(
      h.as("priya", null).workspace.acceptInvitation({ token: token! }),
    );
    expect(error).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation was withdrawn: ask for a new one.",
    });
    await expectRefused(
      h,
      () => h.as("nora").workspace.revokeInvitation({ invitationId: invitation.id }),
      "FORBIDDEN",
    );
  });

  it("refuses the link under Clerk: the invitation is accepted from Clerk's e-mail", async () => {
    const { token } = await h
      .as("owner", "demo", { clock: T0 })
      .workspace.invite({ email: "via.clerk@example.com", role: "member" });
    const caller = createCallerFactory(appRouter)(
      createContextInner({
        session: { ...h.session("priya", null), via: "clerk" },
        db: h.app,
        limiter: h.limiter,
        source: "web",
        bypassDb: h.admin,
      }),
    );
    await expectRefused(
      h,
      () => caller.workspace.acceptInvitation({ token: token! }),
      "PRECONDITION_FAILED",
      /from the e-mail/,
    );
  });
});

describe("with a delivery (Clerk in production)", () => {
  it("sends through it after the write, re-sends on a re-invite, withdraws on revoke; no link is handed out", async () => {
    const calls: string[] = [];
    let next = 0;
    const delivery: InvitationDelivery = {
      send: async ({ email, role }) => {
        calls.push(`send ${email} ${role}`);
        return { externalId: `orginv_${++next}` };
      },
      revoke: async ({ externalId }) => {
        calls.push(`revoke ${externalId}`);
      },
    };
    const owner = h.as("owner", "demo", { clock: T0, invitationDelivery: delivery });
    const sent = await owner.workspace.invite({ email: "clerk.user@example.com", role: "member" });
    expect(sent.token).toBeNull();
    await owner.workspace.invite({ email: "clerk.user@example.com", role: "coach" });
    await owner.workspace.revokeInvitation({ invitationId: sent.invitation.id });
    expect(calls).toEqual([
      "send clerk.user@example.com member",
      "revoke orginv_1",
      "send clerk.user@example.com coach",
      "revoke orginv_2",
    ]);
    const row = await h.admin.invitation.findUniqueOrThrow({ where: { id: sent.invitation.id } });
    expect(row.clerkInvitationId).toBe("orginv_2");
  });
});

describe("when the delivery fails", () => {
  it("says so; the invitation stays open and inviting again re-sends it", async () => {
    let up = false;
    const sent: string[] = [];
    const delivery: InvitationDelivery = {
      send: async ({ email }) => {
        if (!up) throw new Error("Clerk is down");
        sent.push(email);
        return { externalId: "orginv_late" };
      },
      revoke: async () => {},
    };
    const owner = h.as("owner", "demo", { clock: T0, invitationDelivery: delivery });
    const error = await rejectionOf(
      owner.workspace.invite({ email: "late@example.com", role: "member" }),
    );
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", message: /could not be sent/ });
    up = true;
    const again = await owner.workspace.invite({ email: "late@example.com", role: "member" });
    expect(sent).toEqual(["late@example.com"]);
    const row = await h.admin.invitation.findUniqueOrThrow({ where: { id: again.invitation.id } });
    expect(row.clerkInvitationId).toBe("orginv_late");
    expect(
      await h.admin.invitation.count({ where: { email: "late@example.com", revokedAt: null } }),
    ).toBe(1);
  });
});

describe("roles and removal", () => {
  it("changes roles within the rules; the last owner stays; a retry answers the same", async () => {
    const kenji = h.userIds.kenji;
    const asOwner = h.as("owner");
    expect(await asOwner.workspace.changeRole({ userId: kenji, role: "coach" })).toMatchObject({
      role: "coach",
    });
    expect(await asOwner.workspace.changeRole({ userId: kenji, role: "coach" })).toMatchObject({
      role: "coach",
    });
    expect(await audits("membership.role_changed", kenji)).toHaveLength(1);
    await expectRefused(
      h,
      () => h.as("bernd").workspace.changeRole({ userId: kenji, role: "admin" }),
      "FORBIDDEN",
      /^Only owners can make someone an admin\.$/,
    );
    await expectRefused(
      h,
      () => asOwner.workspace.changeRole({ userId: h.userIds.owner, role: "admin" }),
      "CONFLICT",
      /^A workspace needs at least one owner: make someone else owner first\.$/,
    );
    await expectRefused(
      h,
      () => h.as("nora").workspace.changeRole({ userId: h.userIds.nora, role: "coach" }),
      "FORBIDDEN",
    );
    await expectRefused(
      h,
      () => asOwner.workspace.removeMember({ userId: h.userIds.owner }),
      "CONFLICT",
      /at least one owner/,
    );
  });

  it("removes a member who keeps their history and loses the workspace; a retry answers the same; an invitation brings them back", async () => {
    const kenji = h.userIds.kenji;
    const events = await h.admin.executionEvent.count({ where: { memberId: kenji } });
    const removed = await h
      .as("bernd", "demo", { clock: T0 })
      .workspace.removeMember({ userId: kenji });
    expect(removed.leftAt).toEqual(T0.now());
    expect(
      await h.as("bernd", "demo", { clock: T0 }).workspace.removeMember({ userId: kenji }),
    ).toEqual(removed);
    expect(await audits("membership.removed", kenji)).toHaveLength(1);
    expect(await h.admin.executionEvent.count({ where: { memberId: kenji } })).toBe(events);
    expect((await rejectionOf(h.as("kenji", "demo").workspace.current())).code).toBe("FORBIDDEN");
    expect((await h.as("nora").workspace.members()).items.map((m) => m.id)).not.toContain(kenji);

    const { token } = await h
      .as("owner", "demo", { clock: T0 })
      .workspace.invite({ email: "kenji.tokyo@atlas.local", role: "member" });
    await h.as("kenji", null, { clock: T0 }).workspace.acceptInvitation({ token: token! });
    const back = await h.admin.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: h.workspaceIds.demo, userId: kenji } },
    });
    expect(back).toMatchObject({ leftAt: null, role: "member" });
    expect((await audits("membership.added", kenji)).at(-1)?.metadata).toMatchObject({
      rejoined: true,
    });
  });
});
