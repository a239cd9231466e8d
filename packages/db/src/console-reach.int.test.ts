/**
 * The admin console's reach, proven as the application role (docs/architecture.md "Console
 * reach", docs/adr/0008): a coach reads the workspaces they coach and no other; a member, a coach
 * who left and staff without a grant read nothing; an approved grant opens one workspace until it
 * expires, is revoked or the owner turns support access off; the console can never write; and
 * the database keeps a grant's window and history honest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "./client.ts";
import { createConsoleDb, createTenantDb } from "./tenant.ts";
import { cloneTestDatabase, type TestDatabase } from "./testing/index.ts";
import { providedTestServer } from "./testing/vitest.ts";

const server = providedTestServer();

let database: TestDatabase;
let admin: Db;
let app: Db;
let demoId: string;
let secondId: string;
let coachOfDemo: string; // coach in demo only
let plainMember: string; // member in demo only
let staff: string; // platform admin, no membership
let demoOwner: string;

const workspacesSeen = async (userId: string) => {
  const db = createConsoleDb(app, userId);
  const [goals, events, scores, members, workspaces] = await db.$transaction([
    db.goal.findMany({ select: { workspaceId: true } }),
    db.executionEvent.findMany({ select: { workspaceId: true } }),
    db.memberDayScore.findMany({ select: { workspaceId: true } }),
    db.membership.findMany({ select: { workspaceId: true } }),
    db.workspace.findMany({ select: { id: true } }),
  ]);
  const ids = new Set([
    ...[...goals, ...events, ...scores, ...members].map((r) => r.workspaceId),
    ...workspaces.map((w) => w.id),
  ]);
  return [...ids].sort();
};

async function openGrant(options: { workspaceId: string; minutes?: number }) {
  // Break-glass opens at once; the database stamps the window from its own clock.
  const grant = await createTenantDb(app, { workspaceId: null, userId: staff }).supportGrant.create(
    {
      data: {
        workspaceId: options.workspaceId,
        staffUserId: staff,
        reason: "Customer reported a wrong streak",
        durationMinutes: options.minutes ?? 60,
        status: "approved",
        breakGlass: true,
      },
    },
  );
  return grant;
}

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  const memberships = await admin.membership.findMany();
  const workspacesOf = (userId: string) => memberships.filter((m) => m.userId === userId).length;
  plainMember = memberships.find(
    (m) => m.workspaceId === demoId && m.role === "member" && workspacesOf(m.userId) === 1,
  )!.userId;
  demoOwner = memberships.find((m) => m.workspaceId === demoId && m.role === "owner")!.userId;
  const coach = await admin.user.create({ data: { email: "coach.demo-only@atlas.local" } });
  coachOfDemo = coach.id;
  await admin.membership.create({
    data: { workspaceId: demoId, userId: coachOfDemo, role: "coach" },
  });
  // The seeded platform admin (packages/seed/src/people.ts), member of no workspace.
  staff = (await admin.user.findUniqueOrThrow({ where: { email: "staff@atlas.local" } })).id;
  expect(await admin.membership.count({ where: { userId: staff } })).toBe(0);
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("a coach", () => {
  it("reads the plans, log, scores, members and workspace of what they coach, and nothing of another", async () => {
    expect(await workspacesSeen(coachOfDemo)).toEqual([demoId]);
    const db = createConsoleDb(app, coachOfDemo);
    const names = await db.user.findMany({ select: { id: true } });
    const demoMembers = await admin.membership.count({ where: { workspaceId: demoId } });
    expect(names.length).toBe(demoMembers);
  });

  it("reads nothing once they left", async () => {
    const left = await admin.user.create({ data: { email: "coach.left@atlas.local" } });
    await admin.membership.create({
      data: { workspaceId: demoId, userId: left.id, role: "coach", leftAt: new Date() },
    });
    expect(await workspacesSeen(left.id)).toEqual([]);
  });

  it("sees shared notes and their own private notes, never another coach's private ones", async () => {
    await admin.coachNote.createMany({
      data: [
        { workspaceId: demoId, authorId: demoOwner, memberId: plainMember, body: "owner private" },
        {
          workspaceId: demoId,
          authorId: demoOwner,
          memberId: plainMember,
          body: "owner shared",
          visibility: "shared",
        },
        { workspaceId: demoId, authorId: coachOfDemo, memberId: plainMember, body: "mine" },
      ],
    });
    const bodies = (
      await createConsoleDb(app, coachOfDemo).coachNote.findMany({ select: { body: true } })
    ).map((n) => n.body);
    const visible = await admin.coachNote.findMany({
      where: { workspaceId: demoId, OR: [{ visibility: "shared" }, { authorId: coachOfDemo }] },
      select: { body: true },
    });
    expect(bodies.sort()).toEqual(visible.map((n) => n.body).sort());
    expect(bodies).toContain("mine");
    expect(bodies).toContain("owner shared");
    expect(bodies).not.toContain("owner private");
  });

  it("cannot write anything through the console", async () => {
    const db = createConsoleDb(app, coachOfDemo);
    await expect(
      db.coachNote.create({
        data: { workspaceId: demoId, authorId: coachOfDemo, memberId: plainMember, body: "x" },
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.goal.updateMany({ where: { workspaceId: demoId }, data: { title: "x" } }),
    ).rejects.toThrow(/permission denied/);
  });
});

describe("a member", () => {
  it("reads nothing through the console (only their own membership and workspace rows)", async () => {
    const db = createConsoleDb(app, plainMember);
    const [goals, events, scores] = await db.$transaction([
      db.goal.count(),
      db.executionEvent.count(),
      db.memberDayScore.count(),
    ]);
    expect([goals, events, scores]).toEqual([0, 0, 0]);
  });
});

describe("platform staff", () => {
  it("read no member data without a grant", async () => {
    expect(await workspacesSeen(staff)).toEqual([]);
  });

  it("read one workspace under an approved grant, until it is revoked", async () => {
    const grant = await openGrant({ workspaceId: secondId });
    expect(grant.startsAt).not.toBeNull();
    expect(grant.expiresAt!.getTime() - grant.startsAt!.getTime()).toBe(60 * 60_000);
    expect(await workspacesSeen(staff)).toEqual([secondId]);

    await createTenantDb(app, { workspaceId: secondId, userId: demoOwner }).supportGrant.update({
      where: { id: grant.id },
      data: { status: "revoked", revokedById: demoOwner },
    });
    expect(await workspacesSeen(staff)).toEqual([]);
  });

  it("read nothing under an expired grant", async () => {
    const grant = await openGrant({ workspaceId: secondId });
    // Only the admin role can move the clock of a grant: it is how time passing is staged here.
    await admin.$executeRaw`ALTER TABLE "SupportGrant" DISABLE TRIGGER "SupportGrant_rules"`;
    await admin.supportGrant.update({
      where: { id: grant.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await admin.$executeRaw`ALTER TABLE "SupportGrant" ENABLE TRIGGER "SupportGrant_rules"`;
    expect(await workspacesSeen(staff)).toEqual([]);
  });

  it("read nothing while the owner has turned support access off", async () => {
    const grant = await openGrant({ workspaceId: demoId });
    expect(await workspacesSeen(staff)).toEqual([demoId]);
    const ownerDb = createTenantDb(app, { workspaceId: demoId, userId: demoOwner });
    await ownerDb.workspace.update({
      where: { id: demoId },
      data: { supportAccessEnabled: false },
    });
    expect(await workspacesSeen(staff)).toEqual([]);
    await ownerDb.workspace.update({ where: { id: demoId }, data: { supportAccessEnabled: true } });
    await ownerDb.supportGrant.update({ where: { id: grant.id }, data: { status: "revoked" } });
  });

  it("who are not platform admins cannot ask for a grant at all", async () => {
    await expect(
      createTenantDb(app, { workspaceId: null, userId: plainMember }).supportGrant.create({
        data: {
          workspaceId: demoId,
          staffUserId: plainMember,
          reason: "curious",
          durationMinutes: 60,
        },
      }),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("a grant's rules, kept by the database", () => {
  it("opens only through approval or break-glass, at most for 24 hours, and cannot be stretched or reopened", async () => {
    const staffDb = createTenantDb(app, { workspaceId: null, userId: staff });
    await expect(
      staffDb.supportGrant.create({
        data: {
          workspaceId: demoId,
          staffUserId: staff,
          reason: "x",
          durationMinutes: 60,
          status: "approved",
        },
      }),
    ).rejects.toThrow(/break-glass/);
    await expect(
      staffDb.supportGrant.create({
        data: { workspaceId: demoId, staffUserId: staff, reason: "x", durationMinutes: 1441 },
      }),
    ).rejects.toThrow(/SupportGrant_duration_check/);

    const requested = await staffDb.supportGrant.create({
      data: {
        workspaceId: demoId,
        staffUserId: staff,
        reason: "Help with import",
        durationMinutes: 30,
      },
    });
    expect(requested.expiresAt).toBeNull();
    expect(await workspacesSeen(staff)).toEqual([]);

    const ownerDb = createTenantDb(app, { workspaceId: demoId, userId: demoOwner });
    const approved = await ownerDb.supportGrant.update({
      where: { id: requested.id },
      // A window asked for by the caller is ignored: the database stamps its own.
      data: { status: "approved", expiresAt: new Date("2099-01-01T00:00:00Z") },
    });
    expect(approved.expiresAt!.getTime() - approved.startsAt!.getTime()).toBe(30 * 60_000);
    await expect(
      ownerDb.supportGrant.update({ where: { id: requested.id }, data: { durationMinutes: 600 } }),
    ).rejects.toThrow(/cannot change/);
    const revoked = await ownerDb.supportGrant.update({
      where: { id: requested.id },
      data: { status: "revoked" },
    });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(
      ownerDb.supportGrant.update({ where: { id: requested.id }, data: { status: "approved" } }),
    ).rejects.toThrow(/cannot go from revoked to approved/);
    await expect(ownerDb.supportGrant.delete({ where: { id: requested.id } })).rejects.toThrow(
      /permission denied/,
    );
  });

  it("is decided only inside its own workspace", async () => {
    const staffDb = createTenantDb(app, { workspaceId: null, userId: staff });
    const requested = await staffDb.supportGrant.create({
      data: { workspaceId: demoId, staffUserId: staff, reason: "x", durationMinutes: 30 },
    });
    const elsewhere = createTenantDb(app, { workspaceId: secondId, userId: demoOwner });
    const changed = await elsewhere.supportGrant.updateMany({
      where: { id: requested.id },
      data: { status: "approved" },
    });
    expect(changed.count).toBe(0);
    // Staff cannot approve their own request either.
    expect(
      (
        await staffDb.supportGrant.updateMany({
          where: { id: requested.id },
          data: { status: "approved" },
        })
      ).count,
    ).toBe(0);
  });
});
