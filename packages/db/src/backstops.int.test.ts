/**
 * The database's backstops (migrations 20261123090000_backstops, 20261205100000_invitations), each proven against the role it
 * stops, on a migrated and seeded copy: what the app never does, the database refuses as well.
 * Tests that would destroy data if a backstop were missing run on a scratch copy of their own.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type Db } from "./client.ts";
import { eraseWorkspaceData } from "./erasure.ts";
import { createTenantDb } from "./tenant.ts";
import { cloneTestDatabase, type TestDatabase } from "./testing/index.ts";

const server = inject("testServer");

let database: TestDatabase;
let admin: Db;
let app: Db;
let demoId: string;
let secondId: string;
let ownerId: string; // owner of demo
let noraId: string; // member of demo only, with a log
let priyaId: string; // owner of second, not in demo

async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs `fn` on a private copy that it may damage. */
async function onScratch(fn: (scratch: TestDatabase) => Promise<void>) {
  const scratch = await cloneTestDatabase(server);
  try {
    await fn(scratch);
  } finally {
    await scratch.drop();
  }
}

const userId = async (email: string) =>
  (await admin.user.findUniqueOrThrow({ where: { email } })).id;
const membershipKey = (workspaceId: string, user: string) => ({
  workspaceId_userId: { workspaceId, userId: user },
});
const count = async (client: pg.Client, sql: string, params: unknown[] = []) =>
  Number((await client.query(sql, params)).rows[0].n);

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  ownerId = await userId("owner@atlas.local");
  noraId = await userId("nora.newyork@atlas.local");
  priyaId = await userId("owner.second@atlas.local");
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("memberships, as the app role", () => {
  it("cannot add anyone to its workspace, so cannot reach a stranger's email that way", async () => {
    const asNora = createTenantDb(app, { workspaceId: demoId, userId: noraId });
    await expect(
      asNora.membership.create({ data: { workspaceId: demoId, userId: priyaId } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asNora.$executeRaw`INSERT INTO "Membership" ("workspaceId", "userId", "updatedAt")
                         VALUES (${demoId}, ${priyaId}, now())`,
    ).rejects.toThrow(/permission denied/);
    expect(await asNora.user.findUnique({ where: { id: priyaId } })).toBeNull();
    expect(await admin.membership.findUnique({ where: membershipKey(demoId, priyaId) })).toBeNull();
  });

  it("cannot change a role: a member does not make themself owner", async () => {
    const asNora = createTenantDb(app, { workspaceId: demoId, userId: noraId });
    await expect(
      asNora.membership.update({ where: membershipKey(demoId, noraId), data: { role: "owner" } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asNora.$executeRaw`UPDATE "Membership" SET role = 'owner' WHERE "userId" = ${noraId}`,
    ).rejects.toThrow(/permission denied/);
    expect(
      (await admin.membership.findUniqueOrThrow({ where: membershipKey(demoId, noraId) })).role,
    ).toBe("member");
  });

  it("cannot end or delete a membership, even as the owner", async () => {
    const asOwner = createTenantDb(app, { workspaceId: demoId, userId: ownerId });
    await expect(
      asOwner.membership.update({
        where: membershipKey(demoId, noraId),
        data: { leftAt: new Date() },
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asOwner.membership.delete({ where: membershipKey(demoId, noraId) }),
    ).rejects.toThrow(/permission denied/);
    expect(
      await admin.membership.findUniqueOrThrow({ where: membershipKey(demoId, noraId) }),
    ).toMatchObject({ leftAt: null });
  });

  it("still edits its own capacity (the only Membership columns the app writes)", async () => {
    const asNora = createTenantDb(app, { workspaceId: demoId, userId: noraId });
    const before = await admin.membership.findUniqueOrThrow({
      where: membershipKey(demoId, noraId),
    });
    const row = await asNora.membership.update({
      where: membershipKey(demoId, noraId),
      data: { capacityMonMinutes: 123 },
    });
    expect(row.capacityMonMinutes).toBe(123);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    await admin.membership.update({
      where: membershipKey(demoId, noraId),
      data: { capacityMonMinutes: before.capacityMonMinutes },
    });
  });
});

describe("invitations, as the app role (migration 20261205100000_invitations)", () => {
  it("reads its workspace's invitations but writes none; the database keeps one open per address", async () => {
    const data = {
      workspaceId: demoId,
      email: "backstop@example.com",
      role: "member" as const,
      invitedById: ownerId,
      expiresAt: new Date("2100-01-01T00:00:00.000Z"),
    };
    const row = await admin.invitation.create({ data: { ...data, tokenHash: "backstop-1" } });
    const asOwner = createTenantDb(app, { workspaceId: demoId, userId: ownerId });
    expect(
      (await asOwner.invitation.findMany({ where: { email: data.email } })).map((i) => i.id),
    ).toEqual([row.id]);
    const asPriya = createTenantDb(app, { workspaceId: secondId, userId: priyaId });
    expect(await asPriya.invitation.findMany({ where: { email: data.email } })).toEqual([]);
    await expect(
      asOwner.invitation.create({ data: { ...data, tokenHash: "backstop-2" } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asOwner.invitation.update({ where: { id: row.id }, data: { role: "admin" } }),
    ).rejects.toThrow(/permission denied/);
    await expect(asOwner.invitation.delete({ where: { id: row.id } })).rejects.toThrow(
      /permission denied/,
    );
    // One open invitation per workspace and address; lower-cased e-mail; never the owner role.
    await expect(
      admin.invitation.create({ data: { ...data, tokenHash: "backstop-3" } }),
    ).rejects.toThrow(/Unique constraint|unique/i);
    await expect(
      admin.invitation.create({ data: { ...data, email: "Upper@Example.com", tokenHash: "b-4" } }),
    ).rejects.toThrow(/Invitation_email_normalized|check/i);
    await expect(
      admin.invitation.create({
        data: { ...data, email: "owner.role@example.com", role: "owner", tokenHash: "b-5" },
      }),
    ).rejects.toThrow(/Invitation_role_not_owner|check/i);
    await admin.invitation.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await admin.invitation.create({ data: { ...data, tokenHash: "backstop-6" } });
  });
});

describe("a member's history", () => {
  it("outlives the membership: deleting one with a log is refused, to the admin role too", async () => {
    await withPg(database.adminUrl, async (client) => {
      const events = await count(
        client,
        `SELECT count(*) AS n FROM "ExecutionEvent" WHERE "memberId" = $1`,
        [noraId],
      );
      expect(events).toBeGreaterThan(0);
      await expect(
        client.query(`DELETE FROM "Membership" WHERE "workspaceId" = $1 AND "userId" = $2`, [
          demoId,
          noraId,
        ]),
      ).rejects.toThrow(/violates foreign key constraint/);
      // Deleting the user reaches the membership through its cascade, and stops there too.
      await expect(client.query(`DELETE FROM "User" WHERE id = $1`, [noraId])).rejects.toThrow(
        /violates foreign key constraint/,
      );
      expect(
        await count(client, `SELECT count(*) AS n FROM "ExecutionEvent" WHERE "memberId" = $1`, [
          noraId,
        ]),
      ).toBe(events);
    });
  });

  it("counts derived days as history too", async () => {
    await onScratch(async (scratch) => {
      await withPg(scratch.adminUrl, async (client) => {
        // A member with no log of their own (the coach), then one scored day.
        const { rows } = await client.query<{ userId: string }>(
          `SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = $1 AND NOT EXISTS
             (SELECT 1 FROM "ExecutionEvent" e
               WHERE e."workspaceId" = m."workspaceId" AND e."memberId" = m."userId")
           ORDER BY 1 LIMIT 1`,
          [demoId],
        );
        const memberId = rows[0]!.userId;
        await client.query(
          `INSERT INTO "MemberDayScore" ("workspaceId", "memberId", "localDate")
           VALUES ($1, $2, '2026-01-05')`,
          [demoId, memberId],
        );
        await expect(
          client.query(`DELETE FROM "Membership" WHERE "workspaceId" = $1 AND "userId" = $2`, [
            demoId,
            memberId,
          ]),
        ).rejects.toThrow(/MemberDayScore_workspaceId_memberId_fkey/);
      });
    });
  });

  it("stays when the member leaves; from outside the workspace it is no longer theirs", async () => {
    await onScratch(async (scratch) => {
      const scratchAdmin = createPrismaClient(scratch.adminUrl);
      const scratchApp = createPrismaClient(scratch.appUrl);
      try {
        await scratchAdmin.membership.update({
          where: membershipKey(demoId, noraId),
          data: { leftAt: new Date() },
        });
        const asNora = createTenantDb(scratchApp, { workspaceId: null, userId: noraId });
        expect(await asNora.membership.findMany()).toEqual([]);
        expect(await asNora.workspace.findMany()).toEqual([]);
        // Inside the workspace their row and log remain, so their history keeps a name.
        const inDemo = createTenantDb(scratchApp, { workspaceId: demoId, userId: ownerId });
        expect(await inDemo.membership.count({ where: { userId: noraId } })).toBe(1);
        expect(await inDemo.executionEvent.count({ where: { memberId: noraId } })).toBe(
          await admin.executionEvent.count({ where: { memberId: noraId } }),
        );
      } finally {
        await Promise.all([scratchAdmin.$disconnect(), scratchApp.$disconnect()]);
      }
    });
  });
});

describe("workspace erasure", () => {
  it("is the only way to a workspace's log: a plain delete is refused, to the admin role too", async () => {
    await onScratch(async (scratch) => {
      await withPg(scratch.adminUrl, async (client) => {
        await expect(
          client.query(`DELETE FROM "Workspace" WHERE id = $1`, [secondId]),
        ).rejects.toThrow(/append-only/);
        await expect(
          client.query(`DELETE FROM "ExecutionEvent" WHERE "workspaceId" = $1`, [secondId]),
        ).rejects.toThrow(/append-only/);
      });
    });
  });

  it("is closed to the app role, even with the erasure setting and a DELETE grant", async () => {
    await onScratch(async (scratch) => {
      await withPg(scratch.adminUrl, (client) =>
        client.query(`GRANT DELETE ON "ExecutionEvent" TO atlas_app`),
      );
      await withPg(scratch.appUrl, async (client) => {
        await client.query("BEGIN");
        await client.query(
          `SELECT set_config('app.workspace_id', $1, true),
                  set_config('atlas.erasing_workspace', $1, true)`,
          [demoId],
        );
        await expect(client.query(`DELETE FROM "ExecutionEvent"`)).rejects.toThrow(/append-only/);
        await client.query("ROLLBACK");
      });
    });
  });

  it("opens only the workspace the setting names", async () => {
    await withPg(database.adminUrl, async (client) => {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('atlas.erasing_workspace', $1, true)`, [secondId]);
      await expect(
        client.query(`DELETE FROM "ExecutionEvent" WHERE "workspaceId" = $1`, [demoId]),
      ).rejects.toThrow(/append-only/);
      await client.query("ROLLBACK");
    });
  });

  it("erases one workspace with its log, keeps every audit entry and adds workspace.erased", async () => {
    await onScratch(async (scratch) => {
      const scratchAdmin = createPrismaClient(scratch.adminUrl);
      try {
        const before = {
          secondEvents: await scratchAdmin.executionEvent.count({
            where: { workspaceId: secondId },
          }),
          demoEvents: await scratchAdmin.executionEvent.count({ where: { workspaceId: demoId } }),
          audits: await scratchAdmin.auditLog.count(),
        };
        expect(before.secondEvents).toBeGreaterThan(0);
        const erased = await scratchAdmin.$transaction((tx) =>
          eraseWorkspaceData(tx, secondId, { actorUserId: priyaId, via: "test" }),
        );
        expect(erased).toMatchObject({ executionEvents: before.secondEvents, memberships: 3 });
        expect(await scratchAdmin.workspace.count({ where: { id: secondId } })).toBe(0);
        expect(await scratchAdmin.membership.count({ where: { workspaceId: secondId } })).toBe(0);
        expect(await scratchAdmin.executionEvent.count({ where: { workspaceId: secondId } })).toBe(
          0,
        );
        expect(await scratchAdmin.executionEvent.count({ where: { workspaceId: demoId } })).toBe(
          before.demoEvents,
        );
        expect(await scratchAdmin.auditLog.count()).toBe(before.audits + 1);
        expect(
          await scratchAdmin.auditLog.findFirstOrThrow({
            where: { workspaceId: secondId, action: "workspace.erased" },
          }),
        ).toMatchObject({ actorUserId: priyaId, targetId: secondId });
        expect(
          await scratchAdmin.$transaction((tx) =>
            eraseWorkspaceData(tx, secondId, { actorUserId: null, via: "test" }),
          ),
        ).toBeNull();
      } finally {
        await scratchAdmin.$disconnect();
      }
    });
  });
});

describe("TRUNCATE", () => {
  it("is refused on the execution log and the audit log to the admin role, also as a cascade", async () => {
    await onScratch(async (scratch) => {
      await withPg(scratch.adminUrl, async (client) => {
        for (const sql of [
          `TRUNCATE "ExecutionEvent"`,
          `TRUNCATE "AuditLog"`,
          `TRUNCATE "Workspace" CASCADE`,
        ]) {
          await expect(client.query(sql), sql).rejects.toThrow(/append-only: TRUNCATE refused/);
        }
        expect(await count(client, `SELECT count(*) AS n FROM "ExecutionEvent"`)).toBeGreaterThan(
          0,
        );
        expect(await count(client, `SELECT count(*) AS n FROM "AuditLog"`)).toBeGreaterThan(0);
      });
    });
  });
});

describe("the audit log", () => {
  it("refuses UPDATE and DELETE to every role", async () => {
    const asOwner = createTenantDb(app, { workspaceId: demoId, userId: ownerId });
    const entry = await asOwner.auditLog.findFirstOrThrow();
    await expect(
      asOwner.auditLog.update({ where: { id: entry.id }, data: { action: "forged" } }),
    ).rejects.toThrow(/permission denied/);
    await onScratch(async (scratch) => {
      await withPg(scratch.adminUrl, async (client) => {
        await expect(
          client.query(`UPDATE "AuditLog" SET action = 'forged' WHERE id = $1`, [entry.id]),
        ).rejects.toThrow(/audit log is append-only/);
        await expect(
          client.query(`DELETE FROM "AuditLog" WHERE id = $1`, [entry.id]),
        ).rejects.toThrow(/audit log is append-only/);
      });
    });
    expect(await admin.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });
});

describe("plan and subscription, as the app role", () => {
  it("are out of reach even of the owner, who still edits the workspace's settings", async () => {
    const asOwner = createTenantDb(app, { workspaceId: demoId, userId: ownerId });
    const workspace = await admin.workspace.findUniqueOrThrow({ where: { id: demoId } });
    const subscription = await admin.subscription.findUniqueOrThrow({
      where: { workspaceId: demoId },
    });
    const otherPlan = await admin.plan.findFirstOrThrow({
      where: { id: { not: workspace.planId } },
    });

    await expect(
      asOwner.workspace.update({ where: { id: demoId }, data: { planId: otherPlan.id } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asOwner.workspace.update({
        where: { id: demoId },
        data: { entitlements: { planKey: "coach", planName: "Coach", features: {} } },
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asOwner.subscription.update({ where: { workspaceId: demoId }, data: { status: "active" } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asOwner.subscription.update({
        where: { workspaceId: demoId },
        data: { planId: otherPlan.id },
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(asOwner.subscription.delete({ where: { workspaceId: demoId } })).rejects.toThrow(
      /permission denied/,
    );
    expect(await admin.workspace.findUniqueOrThrow({ where: { id: demoId } })).toEqual(workspace);
    expect(await admin.subscription.findUniqueOrThrow({ where: { workspaceId: demoId } })).toEqual(
      subscription,
    );

    const settings = {
      lateEntryWindowDays: 3,
      sharesProgress: !workspace.sharesProgress,
      aiAcceptanceThreshold: 0.25,
      defaultTimeZone: "Europe/Berlin",
    };
    const updated = await asOwner.workspace.update({ where: { id: demoId }, data: settings });
    expect({
      ...updated,
      aiAcceptanceThreshold: updated.aiAcceptanceThreshold.toNumber(),
    }).toMatchObject(settings);
    const { entitlements: _snapshot, ...columns } = workspace;
    await admin.workspace.update({ where: { id: demoId }, data: columns });
  });
});

describe("users, as the app role", () => {
  it("cannot make themselves platform admins or take another's email", async () => {
    const asNora = createTenantDb(app, { workspaceId: demoId, userId: noraId });
    await expect(
      asNora.user.update({ where: { id: noraId }, data: { isPlatformAdmin: true } }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asNora.user.update({ where: { id: noraId }, data: { email: "owner@atlas.local.x" } }),
    ).rejects.toThrow(/permission denied/);
    expect(await admin.user.findUniqueOrThrow({ where: { id: noraId } })).toMatchObject({
      isPlatformAdmin: false,
      email: "nora.newyork@atlas.local",
    });
  });
});
