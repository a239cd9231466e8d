/**
 * The chain's access functions (docs/adr/0007) as the application role on a seeded copy: each
 * answers exactly the user and workspace it is asked about, only for an active membership, and
 * nobody but atlas_app may call them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { consoleContext, memberContext } from "./access.ts";
import { createPrismaClient, type Db } from "./client.ts";
import { cloneTestDatabase, type TestDatabase } from "./testing/index.ts";
import { providedTestServer } from "./testing/vitest.ts";

const server = providedTestServer();
const CONSOLE_ROLES = ["coach", "admin", "owner"];

let database: TestDatabase;
let admin: Db;
let app: Db;
let demo: { id: string; name: string; slug: string; planId: string; planKey: string };
let secondId: string;
let sharedUserId: string; // a member of both workspaces
let coachId: string; // coaches both workspaces

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  const row = await admin.workspace.findUniqueOrThrow({
    where: { slug: "demo" },
    select: { id: true, name: true, slug: true, planId: true, plan: { select: { key: true } } },
  });
  demo = { id: row.id, name: row.name, slug: row.slug, planId: row.planId, planKey: row.plan.key };
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  const memberships = await admin.membership.findMany();
  const workspacesOf = (userId: string) => memberships.filter((m) => m.userId === userId).length;
  sharedUserId = memberships.find(
    (m) => m.role === "member" && workspacesOf(m.userId) === 2,
  )!.userId;
  coachId = memberships.find((m) => m.role === "coach" && workspacesOf(m.userId) === 2)!.userId;
});

afterAll(async () => {
  await app?.$disconnect();
  await admin?.$disconnect();
  await database?.drop();
});

/** Runs `check` while the user's membership of the workspace is marked as left. */
async function whileLeft(userId: string, workspaceId: string, check: () => Promise<void>) {
  const where = { workspaceId_userId: { workspaceId, userId } };
  await admin.membership.update({ where, data: { leftAt: new Date() } });
  try {
    await check();
  } finally {
    await admin.membership.update({ where, data: { leftAt: null } });
  }
}

describe("atlas_member_context", () => {
  it("answers the one pair asked about: the role there and that workspace", async () => {
    const stored = await admin.workspace.findUniqueOrThrow({ where: { id: demo.id } });
    expect(await memberContext(app, { userId: sharedUserId, workspaceId: demo.id })).toEqual({
      role: "member",
      workspace: {
        ...demo,
        sharesProgress: stored.sharesProgress,
        lateEntryWindowDays: stored.lateEntryWindowDays,
        defaultTimeZone: stored.defaultTimeZone,
        entitlements: stored.entitlements,
        // The seeded demo workspace has an active subscription.
        billingStatus: "active",
        pastDueSince: null,
      },
    });
    const second = await memberContext(app, { userId: sharedUserId, workspaceId: secondId });
    expect(second?.workspace).toMatchObject({ id: secondId, billingStatus: null });
  });

  it("answers nothing for a non-member, an unknown workspace or a membership that was left", async () => {
    const outsider = (await admin.membership.findFirstOrThrow({
      where: { workspaceId: demo.id, user: { memberships: { none: { workspaceId: secondId } } } },
    }))!.userId;
    expect(await memberContext(app, { userId: outsider, workspaceId: secondId })).toBeNull();
    expect(
      await memberContext(app, {
        userId: sharedUserId,
        workspaceId: "0190aaaa-0000-7000-8000-000000000000",
      }),
    ).toBeNull();
    expect(await memberContext(app, { userId: "", workspaceId: "" })).toBeNull();
    await whileLeft(sharedUserId, secondId, async () => {
      expect(await memberContext(app, { userId: sharedUserId, workspaceId: secondId })).toBeNull();
      // The other membership is untouched.
      expect(
        await memberContext(app, { userId: sharedUserId, workspaceId: demo.id }),
      ).not.toBeNull();
    });
  });
});

describe("atlas_console_context", () => {
  it("lists only the user's own active memberships with the roles asked for", async () => {
    const ids = (context: { coached: { workspaceId: string; role: string }[] }) =>
      context.coached.map(({ workspaceId, role }) => ({ workspaceId, role }));
    const asCoach = await consoleContext(app, coachId, CONSOLE_ROLES);
    expect(asCoach.isPlatformAdmin).toBe(false);
    expect(ids(asCoach)).toEqual(
      [demo.id, secondId].sort().map((workspaceId) => ({ workspaceId, role: "coach" })),
    );
    expect(await consoleContext(app, sharedUserId, CONSOLE_ROLES)).toEqual({
      isPlatformAdmin: false,
      coached: [],
    });
    await whileLeft(coachId, secondId, async () => {
      expect(ids(await consoleContext(app, coachId, CONSOLE_ROLES))).toEqual([
        { workspaceId: demo.id, role: "coach" },
      ]);
    });
  });

  it("carries each workspace's entitlement snapshot and dunning inputs", async () => {
    const pastDueSince = new Date("2026-03-01T09:30:00.000Z");
    const where = { workspaceId: demo.id };
    const before = await admin.subscription.findUniqueOrThrow({ where });
    await admin.subscription.update({ where, data: { status: "past_due", pastDueSince } });
    try {
      const { coached } = await consoleContext(app, coachId, CONSOLE_ROLES);
      const stored = await admin.workspace.findMany({
        where: { id: { in: [demo.id, secondId] } },
        select: { id: true, entitlements: true },
      });
      const snapshotOf = (id: string) => stored.find((w) => w.id === id)!.entitlements;
      expect(coached.find((c) => c.workspaceId === demo.id)).toEqual({
        workspaceId: demo.id,
        role: "coach",
        entitlements: snapshotOf(demo.id),
        billingStatus: "past_due",
        pastDueSince,
      });
      // No subscription: no status, nothing past due.
      expect(coached.find((c) => c.workspaceId === secondId)).toMatchObject({
        entitlements: snapshotOf(secondId),
        billingStatus: null,
        pastDueSince: null,
      });
    } finally {
      await admin.subscription.update({
        where,
        data: { status: before.status, pastDueSince: before.pastDueSince },
      });
    }
  });

  it("reads the platform flag of that user, and nothing for an unknown one", async () => {
    await admin.user.update({ where: { id: sharedUserId }, data: { isPlatformAdmin: true } });
    try {
      expect((await consoleContext(app, sharedUserId, CONSOLE_ROLES)).isPlatformAdmin).toBe(true);
      expect((await consoleContext(app, coachId, CONSOLE_ROLES)).isPlatformAdmin).toBe(false);
    } finally {
      await admin.user.update({ where: { id: sharedUserId }, data: { isPlatformAdmin: false } });
    }
    expect(await consoleContext(app, "no-such-user", CONSOLE_ROLES)).toEqual({
      isPlatformAdmin: false,
      coached: [],
    });
  });
});

describe("the functions themselves", () => {
  it("are SECURITY DEFINER with a pinned search_path, executable by atlas_app and not by PUBLIC", async () => {
    const rows = await admin.$queryRaw<
      { name: string; definer: boolean; config: string[] | null; public: boolean; app: boolean }[]
    >`
      SELECT p.proname AS name, p.prosecdef AS definer, p.proconfig AS config,
             EXISTS (SELECT 1 FROM aclexplode(p.proacl) a
                     WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public,
             has_function_privilege('atlas_app', p.oid, 'EXECUTE') AS app
      FROM pg_proc p
      WHERE p.proname IN ('atlas_member_context', 'atlas_console_context')
      ORDER BY p.proname`;
    expect(rows).toEqual(
      ["atlas_console_context", "atlas_member_context"].map((name) => ({
        name,
        definer: true,
        config: ["search_path=pg_catalog, public, pg_temp"],
        public: false,
        app: true,
      })),
    );
  });
});

describe("a second copy of the client module in one process", () => {
  it("finds the pool of a client the first copy made (a Next build bundles modules more than once)", async () => {
    vi.resetModules();
    const copy = await import("./access.ts");
    expect(copy.memberContext).not.toBe(memberContext);
    const context = await copy.memberContext(app, { userId: sharedUserId, workspaceId: demo.id });
    expect(context?.workspace.id).toBe(demo.id);
  });
});
