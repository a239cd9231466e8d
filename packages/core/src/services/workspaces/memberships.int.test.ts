/**
 * Membership changes and workspace erasure on a seeded copy, through the services' bypass path
 * (the app role may not write memberships at all: packages/db/src/backstops.int.test.ts): who may
 * do what, the last owner, leaving with history kept, and the audit trail of each change.
 */
import { createPrismaClient, createTenantDb, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { providedTestServer } from "@atlas/db/testing/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseWorkspace } from "./erasure.ts";
import {
  addMember,
  changeRole,
  leaveWorkspace,
  removeMember,
  type MembershipActor,
} from "./memberships.ts";

let database: TestDatabase;
let admin: Db;
let app: Db;
let demoId: string;
let secondId: string;
const ids: Record<"owner" | "coach" | "nora" | "bernd" | "kenji" | "sam" | "priya", string> = {
  owner: "",
  coach: "",
  nora: "",
  bernd: "",
  kenji: "",
  sam: "",
  priya: "",
};

const as = (who: keyof typeof ids): MembershipActor => ({ userId: ids[who], source: "web" });
const options = () => ({ db: admin });
const key = (workspaceId: string, userId: string) => ({
  workspaceId_userId: { workspaceId, userId },
});
const membership = (workspaceId: string, userId: string) =>
  admin.membership.findUnique({ where: key(workspaceId, userId) });
const audits = (action: string, targetId: string) =>
  admin.auditLog.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  database = await cloneTestDatabase(providedTestServer());
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  const emails = {
    owner: "owner@atlas.local",
    coach: "coach@atlas.local",
    nora: "nora.newyork@atlas.local",
    bernd: "bernd.berlin@atlas.local",
    kenji: "kenji.tokyo@atlas.local",
    sam: "sam.sydney@atlas.local",
    priya: "owner.second@atlas.local",
  };
  for (const [who, email] of Object.entries(emails)) {
    ids[who as keyof typeof ids] = (await admin.user.findUniqueOrThrow({ where: { email } })).id;
  }
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("addMember", () => {
  it("lets an owner add a user, audited with the source", async () => {
    const added = await addMember(
      as("owner"),
      { workspaceId: demoId, userId: ids.priya, role: "coach" },
      options(),
    );
    expect(added).toEqual({ workspaceId: demoId, userId: ids.priya, role: "coach", leftAt: null });
    const [entry] = await audits("membership.added", ids.priya);
    expect(entry).toMatchObject({
      workspaceId: demoId,
      actorUserId: ids.owner,
      metadata: { role: "coach", rejoined: false, source: "web" },
    });
    expect(
      await admin.auditLog.count({
        where: { action: "bypass.use", workspaceId: demoId, targetId: "web:memberships" },
      }),
    ).toBeGreaterThan(0);
  });

  it("refuses members and coaches, and an already active member", async () => {
    for (const who of ["nora", "coach"] as const) {
      await expect(
        addMember(as(who), { workspaceId: demoId, userId: ids.priya, role: "member" }, options()),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      addMember(as("owner"), { workspaceId: demoId, userId: ids.nora, role: "member" }, options()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      addMember(
        as("owner"),
        { workspaceId: demoId, userId: "no-such-user", role: "member" },
        options(),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Someone else's workspace is not theirs to manage.
    await expect(
      addMember(
        as("owner"),
        { workspaceId: secondId, userId: ids.nora, role: "member" },
        options(),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await membership(secondId, ids.nora)).toBeNull();
  });
});

describe("changeRole", () => {
  it("refuses a member promoting themself, and an admin granting or touching the owner or admin role", async () => {
    await expect(
      changeRole(as("nora"), { workspaceId: demoId, userId: ids.nora, role: "owner" }, options()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeRole(
      as("owner"),
      { workspaceId: demoId, userId: ids.bernd, role: "admin" },
      options(),
    );
    await expect(
      changeRole(as("bernd"), { workspaceId: demoId, userId: ids.bernd, role: "owner" }, options()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeRole(
        as("bernd"),
        { workspaceId: demoId, userId: ids.owner, role: "member" },
        options(),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Only an owner makes or touches an admin.
    await expect(
      changeRole(as("bernd"), { workspaceId: demoId, userId: ids.kenji, role: "admin" }, options()),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only owners can make someone an admin.",
    });
    await expect(
      changeRole(
        as("bernd"),
        { workspaceId: demoId, userId: ids.bernd, role: "member" },
        options(),
      ),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only owners can change or remove an admin.",
    });
    // An admin manages coaches and members.
    expect(
      await changeRole(
        as("bernd"),
        { workspaceId: demoId, userId: ids.kenji, role: "coach" },
        options(),
      ),
    ).toMatchObject({ role: "coach" });
    expect(await audits("membership.role_changed", ids.kenji)).toEqual([
      expect.objectContaining({
        actorUserId: ids.bernd,
        metadata: { from: "member", to: "coach", source: "web" },
      }),
    ]);
    expect((await membership(demoId, ids.nora))?.role).toBe("member");
    expect((await membership(demoId, ids.owner))?.role).toBe("owner");
  });

  it("keeps an owner: the last one cannot step down until there is another", async () => {
    await expect(
      changeRole(as("owner"), { workspaceId: demoId, userId: ids.owner, role: "admin" }, options()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await changeRole(
      as("owner"),
      { workspaceId: demoId, userId: ids.bernd, role: "owner" },
      options(),
    );
    await changeRole(
      as("owner"),
      { workspaceId: demoId, userId: ids.owner, role: "admin" },
      options(),
    );
    expect((await membership(demoId, ids.owner))?.role).toBe("admin");
    await changeRole(
      as("bernd"),
      { workspaceId: demoId, userId: ids.owner, role: "owner" },
      options(),
    );
    await changeRole(
      as("owner"),
      { workspaceId: demoId, userId: ids.bernd, role: "member" },
      options(),
    );
    expect((await membership(demoId, ids.bernd))?.role).toBe("member");
  });
});

describe("leaving", () => {
  it("sets leftAt, keeps the log, and ends the member's access; adding them back restores it", async () => {
    const events = await admin.executionEvent.count({
      where: { workspaceId: demoId, memberId: ids.sam },
    });
    expect(events).toBeGreaterThan(0);
    const now = new Date("2026-04-01T09:00:00.000Z");
    expect(await leaveWorkspace(as("sam"), { workspaceId: demoId, now }, options())).toMatchObject({
      leftAt: now,
    });
    expect(
      await admin.executionEvent.count({ where: { workspaceId: demoId, memberId: ids.sam } }),
    ).toBe(events);
    // Seen as the app role from outside the workspace, it is no longer theirs.
    const asSam = createTenantDb(app, { workspaceId: null, userId: ids.sam });
    expect((await asSam.membership.findMany()).map((m) => m.workspaceId)).toEqual([secondId]);
    // Left is left: no second leave, no role change, and no managing the workspace any more.
    await expect(
      leaveWorkspace(as("sam"), { workspaceId: demoId, now }, options()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeRole(as("owner"), { workspaceId: demoId, userId: ids.sam, role: "coach" }, options()),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await audits("membership.left", ids.sam)).toHaveLength(1);

    const back = await addMember(
      as("owner"),
      { workspaceId: demoId, userId: ids.sam, role: "member" },
      options(),
    );
    expect(back.leftAt).toBeNull();
    expect((await audits("membership.added", ids.sam))[0]?.metadata).toMatchObject({
      rejoined: true,
    });
  });

  it("lets an admin remove a member but not an owner; the last owner cannot leave", async () => {
    const now = new Date("2026-04-02T09:00:00.000Z");
    await changeRole(
      as("owner"),
      { workspaceId: demoId, userId: ids.nora, role: "admin" },
      options(),
    );
    await expect(
      removeMember(as("nora"), { workspaceId: demoId, userId: ids.owner, now }, options()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await removeMember(as("nora"), { workspaceId: demoId, userId: ids.kenji, now }, options()),
    ).toMatchObject({ leftAt: now });
    // A retried removal answers the same and records nothing more.
    expect(
      await removeMember(as("nora"), { workspaceId: demoId, userId: ids.kenji, now }, options()),
    ).toMatchObject({ leftAt: now });
    expect(await audits("membership.removed", ids.kenji)).toEqual([
      expect.objectContaining({ actorUserId: ids.nora }),
    ]);
    await expect(
      leaveWorkspace(as("owner"), { workspaceId: demoId, now }, options()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await membership(demoId, ids.owner))?.leftAt).toBeNull();
  });
});

describe("eraseWorkspace", () => {
  it("refuses anyone but the owner or platform staff", async () => {
    for (const who of ["coach", "sam", "owner"] as const) {
      await expect(
        eraseWorkspace(as(who), { workspaceId: secondId }, options()),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await admin.workspace.count({ where: { id: secondId } })).toBe(1);
  });

  it("lets the owner erase the workspace with its log; the audit stays, ending in workspace.erased", async () => {
    const events = await admin.executionEvent.count({ where: { workspaceId: secondId } });
    const auditsBefore = await admin.auditLog.count({ where: { workspaceId: secondId } });
    expect(events).toBeGreaterThan(0);
    const counts = await eraseWorkspace(as("priya"), { workspaceId: secondId }, options());
    expect(counts.executionEvents).toBe(events);
    expect(await admin.workspace.count({ where: { id: secondId } })).toBe(0);
    expect(await admin.executionEvent.count({ where: { workspaceId: secondId } })).toBe(0);
    // bypass.use, then workspace.erased: every earlier entry is still there.
    expect(await admin.auditLog.count({ where: { workspaceId: secondId } })).toBe(auditsBefore + 2);
    expect(
      await admin.auditLog.findFirstOrThrow({
        where: { workspaceId: secondId, action: "workspace.erased" },
      }),
    ).toMatchObject({ actorUserId: ids.priya, metadata: { via: "web" } });
    expect(await admin.executionEvent.count({ where: { workspaceId: demoId } })).toBeGreaterThan(0);
  });

  it("lets platform staff erase any workspace; a missing one is NOT_FOUND", async () => {
    await admin.user.update({ where: { id: ids.coach }, data: { isPlatformAdmin: true } });
    await expect(
      eraseWorkspace(as("coach"), { workspaceId: secondId }, options()),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await eraseWorkspace(as("coach"), { workspaceId: demoId }, options());
    expect(await admin.workspace.count()).toBe(0);
    expect(await admin.executionEvent.count()).toBe(0);
  });
});
