/**
 * Tenant isolation in the database, proven as the application role on a migrated and seeded
 * copy: nothing set sees nothing; a client bound to workspace A never reads or writes B, also in
 * both kinds of transaction, also on a single pooled connection where a leaked setting would show.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "./client.ts";
import { createTenantDb, type TenantDb } from "./tenant.ts";
import { cloneTestDatabase, type TestDatabase } from "./testing/index.ts";
import { providedTestServer } from "./testing/vitest.ts";
import { TABLES_WITHOUT_POLICY, tablesMissingRowSecurity } from "./testing/policy-guard.ts";

const server = providedTestServer();

let database: TestDatabase;
let admin: Db;
let app: Db;
let appOneConnection: Db;
let demoId: string;
let secondId: string;
let memberId: string; // a member of demo only
let sharedUserId: string; // a member of both workspaces
let tables: { name: string; scope: "workspace" | "user" | "none" }[];

async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const delegate = (db: Db | TenantDb, table: string) =>
  (db as unknown as Record<string, { findMany(a?: object): Promise<{ workspaceId: string }[]> }>)[
    table.charAt(0).toLowerCase() + table.slice(1)
  ]!;

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  appOneConnection = createPrismaClient(database.appUrl, { max: 1 });
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  const memberships = await admin.membership.findMany();
  const workspacesOf = (userId: string) => memberships.filter((m) => m.userId === userId).length;
  memberId = memberships.find(
    (m) => m.workspaceId === demoId && m.role === "member" && workspacesOf(m.userId) === 1,
  )!.userId;
  sharedUserId = memberships.find(
    (m) => m.role === "member" && workspacesOf(m.userId) === 2,
  )!.userId;

  tables = await withPg(database.adminUrl, async (client) => {
    const { rows } = await client.query<{ name: string; workspace: boolean; user: boolean }>(`
      SELECT c.relname AS name,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'workspaceId') AS workspace,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'userId') AS user
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      ORDER BY 1`);
    return rows.map((r) => ({
      name: r.name,
      // The tables the app role cannot reach at all are checked apart (webhook bookkeeping, outbox).
      scope: TABLES_WITHOUT_POLICY.has(r.name)
        ? "none"
        : r.workspace
          ? "workspace"
          : r.user || r.name === "User"
            ? "user"
            : "none",
    }));
  });
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect(), appOneConnection?.$disconnect()]);
  await database?.drop();
});

describe("the policy guard", () => {
  it("finds row-level security enabled, forced and with a policy on every table", async () => {
    expect(await withPg(database.adminUrl, tablesMissingRowSecurity)).toEqual([]);
  });

  it("fails for a new table without a policy and for a dropped policy", async () => {
    const scratch = await cloneTestDatabase(server);
    try {
      const problems = await withPg(scratch.adminUrl, async (client) => {
        await client.query(`CREATE TABLE "Rogue" (id text PRIMARY KEY, "workspaceId" text)`);
        await client.query(`DROP POLICY workspace_isolation ON "Goal"`);
        return tablesMissingRowSecurity(client);
      });
      expect(problems).toEqual([
        "Goal: no policy",
        "Rogue: row-level security is not enabled",
        "Rogue: row-level security is not forced",
        "Rogue: no policy",
      ]);
    } finally {
      await scratch.drop();
    }
  });
});

describe("the app role with nothing set", () => {
  it("sees zero rows in every table that carries a workspace or user id, though the seed filled them", async () => {
    const scoped = tables.filter((t) => t.scope !== "none");
    expect(scoped.length).toBeGreaterThanOrEqual(20);
    const count = (url: string, table: string) =>
      withPg(url, async (c) =>
        Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n),
      );
    const seeded = [
      "User",
      "Workspace",
      "Membership",
      "Goal",
      "Habit",
      "Task",
      "ExecutionEvent",
      "UserTimeSetting",
    ];
    for (const table of seeded)
      expect(await count(database.adminUrl, table), table).toBeGreaterThan(0);
    for (const { name } of scoped) expect(await count(database.appUrl, name), name).toBe(0);
  });

  it("reads the plan catalog but cannot write it, and cannot reach webhook bookkeeping at all", async () => {
    await withPg(database.appUrl, async (client) => {
      expect(
        Number((await client.query(`SELECT count(*) AS n FROM "Plan"`)).rows[0].n),
      ).toBeGreaterThan(0);
      await expect(client.query(`UPDATE "Plan" SET "name" = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      for (const table of TABLES_WITHOUT_POLICY) {
        await expect(client.query(`SELECT * FROM "${table}"`)).rejects.toThrow(/permission denied/);
      }
      await expect(client.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it("also sees nothing through Prisma", async () => {
    expect(await app.goal.count()).toBe(0);
    expect(await app.workspace.count()).toBe(0);
  });
});

describe("a client bound to workspace A", () => {
  const scoped = () => tables.filter((t) => t.scope === "workspace").map((t) => t.name);

  it("reads exactly A's rows of every workspace table", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    for (const table of scoped()) {
      const rows = await delegate(dbA, table).findMany();
      const expected = await (
        delegate(admin, table) as unknown as { count(a: object): Promise<number> }
      ).count({
        where: ["Notification", "NotificationPreference", "PushSubscription"].includes(table)
          ? { workspaceId: demoId, userId: memberId }
          : table === "CoachNote"
            ? // A member sees shared notes about themself only (and any they wrote).
              {
                workspaceId: demoId,
                OR: [{ visibility: "shared", memberId }, { authorId: memberId }],
              }
            : { workspaceId: demoId },
      });
      expect(rows.length, table).toBe(expected);
      expect(
        rows.every((r) => r.workspaceId === demoId),
        table,
      ).toBe(true);
    }
  });

  it("cannot read, change, delete or create B's rows, and nothing of B changes", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const habitB = await admin.habit.findFirstOrThrow({ where: { workspaceId: secondId } });
    const before = await admin.habit.findUniqueOrThrow({ where: { id: habitB.id } });

    expect(await dbA.habit.findUnique({ where: { id: habitB.id } })).toBeNull();
    expect(
      (await dbA.habit.updateMany({ where: { id: habitB.id }, data: { title: "hijacked" } })).count,
    ).toBe(0);
    expect((await dbA.milestone.deleteMany({ where: { workspaceId: secondId } })).count).toBe(0);
    await expect(
      dbA.goal.create({
        data: {
          workspaceId: secondId,
          memberId: habitB.memberId,
          title: "planted",
          createdById: memberId,
        },
      }),
    ).rejects.toThrow(/row-level security/);
    await expect(
      dbA.$executeRaw`UPDATE "Habit" SET "workspaceId" = ${secondId} WHERE "workspaceId" = ${demoId}`,
    ).rejects.toThrow();

    expect(await admin.habit.findUniqueOrThrow({ where: { id: habitB.id } })).toEqual(before);
    expect(await admin.goal.count({ where: { title: "planted" } })).toBe(0);
  });

  it("keeps the scope inside $transaction(fn), which stays atomic", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const ownGoals = await admin.goal.count({ where: { workspaceId: demoId } });
    const seen = await dbA.$transaction(async (tx) => {
      const [setting] = await tx.$queryRaw<
        { ws: string }[]
      >`SELECT current_setting('app.workspace_id') AS ws`;
      return {
        ws: setting!.ws,
        goals: await tx.goal.count(),
        foreign: await tx.goal.count({ where: { workspaceId: secondId } }),
      };
    });
    expect(seen).toEqual({ ws: demoId, goals: ownGoals, foreign: 0 });

    await expect(
      dbA.$transaction(async (tx) => {
        await tx.goal.create({
          data: { workspaceId: demoId, memberId, title: "rolled back", createdById: memberId },
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await admin.goal.count({ where: { title: "rolled back" } })).toBe(0);
  });

  it("keeps the scope inside $transaction([...])", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const [goals, setting] = await dbA.$transaction([
      dbA.goal.count(),
      dbA.$queryRaw<{ ws: string }[]>`SELECT current_setting('app.workspace_id') AS ws`,
    ]);
    expect(goals).toBe(await admin.goal.count({ where: { workspaceId: demoId } }));
    expect(setting[0]!.ws).toBe(demoId);
  });

  it("leaks nothing on a one-connection pool: each query sees only its own scope", async () => {
    const dbA = createTenantDb(appOneConnection, { workspaceId: demoId, userId: memberId });
    const dbB = createTenantDb(appOneConnection, { workspaceId: secondId, userId: sharedUserId });
    const goalsA = await admin.goal.count({ where: { workspaceId: demoId } });
    const goalsB = await admin.goal.count({ where: { workspaceId: secondId } });
    const leaked = async () => {
      const [row] = await appOneConnection.$queryRaw<
        { ws: string | null }[]
      >`SELECT current_setting('app.workspace_id', true) AS ws`;
      return { setting: row!.ws ?? "", goals: await appOneConnection.goal.count() };
    };

    expect(await dbA.goal.count()).toBe(goalsA);
    expect(await leaked()).toEqual({ setting: "", goals: 0 });
    expect(await dbB.goal.count()).toBe(goalsB);
    expect(await leaked()).toEqual({ setting: "", goals: 0 });
    expect(await dbA.$transaction(async (tx) => tx.goal.count())).toBe(goalsA);
    expect(await leaked()).toEqual({ setting: "", goals: 0 });
    expect(await dbB.$transaction([dbB.goal.count()])).toEqual([goalsB]);
    expect(await leaked()).toEqual({ setting: "", goals: 0 });
    await expect(dbA.$transaction(async () => Promise.reject(new Error("fail")))).rejects.toThrow(
      "fail",
    );
    expect(await leaked()).toEqual({ setting: "", goals: 0 });
  });

  it("stays isolated under concurrency on a shared pool", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const dbB = createTenantDb(app, { workspaceId: secondId, userId: sharedUserId });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? dbA : dbB).habit
          .findMany({ select: { workspaceId: true } })
          .then((rows) => ({ i, rows })),
      ),
    );
    for (const { i, rows } of results) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.workspaceId === (i % 2 === 0 ? demoId : secondId))).toBe(true);
    }
  });

  it("refuses updateMany/deleteMany with an undefined filter value", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const titles = await admin.goal.findMany({
      select: { id: true, title: true },
      orderBy: { id: "asc" },
    });
    await expect(
      dbA.goal.updateMany({ where: { memberId: undefined }, data: { title: "x" } }),
    ).rejects.toThrow(/where.memberId is undefined/);
    await expect(dbA.goal.deleteMany({ where: { id: undefined } })).rejects.toThrow(/undefined/);
    expect(
      await admin.goal.findMany({ select: { id: true, title: true }, orderBy: { id: "asc" } }),
    ).toEqual(titles);
  });
});

describe("people tables", () => {
  it("show a user with no workspace set only their own memberships and workspaces", async () => {
    const db = createTenantDb(app, { workspaceId: null, userId: sharedUserId });
    const memberships = await db.membership.findMany();
    expect(memberships.map((m) => m.workspaceId).sort()).toEqual([demoId, secondId].sort());
    expect(memberships.every((m) => m.userId === sharedUserId)).toBe(true);
    expect((await db.workspace.findMany()).map((w) => w.id).sort()).toEqual(
      [demoId, secondId].sort(),
    );
    expect((await db.user.findMany()).map((u) => u.id)).toEqual([sharedUserId]);
    expect(await db.goal.count()).toBe(0);
  });

  it("show inside a workspace only its members, and no other workspace of theirs", async () => {
    const db = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const users = await db.user.findMany({ select: { id: true } });
    const members = await admin.membership.count({ where: { workspaceId: demoId } });
    expect(users.length).toBe(members);
    expect((await db.workspace.findMany()).map((w) => w.id)).toEqual([demoId]);
    expect(await db.membership.count({ where: { workspaceId: secondId } })).toBe(0);
  });
});

describe("the execution log", () => {
  it("refuses UPDATE and DELETE to the app role, even in its own workspace", async () => {
    const dbA = createTenantDb(app, { workspaceId: demoId, userId: memberId });
    const event = await dbA.executionEvent.findFirstOrThrow();
    await expect(
      dbA.executionEvent.update({ where: { id: event.id }, data: { note: "edited" } }),
    ).rejects.toThrow();
    await expect(dbA.executionEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(
      dbA.$executeRaw`DELETE FROM "ExecutionEvent" WHERE "workspaceId" = ${demoId}`,
    ).rejects.toThrow(/permission denied/);
    expect(await admin.executionEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(
      event,
    );
  });

  it("refuses UPDATE and DELETE to every role, also through a workspace deletion", async () => {
    const scratch = await cloneTestDatabase(server);
    try {
      await withPg(scratch.adminUrl, async (client) => {
        await expect(client.query(`UPDATE "ExecutionEvent" SET note = 'x'`)).rejects.toThrow(
          /append-only/,
        );
        await expect(client.query(`DELETE FROM "ExecutionEvent"`)).rejects.toThrow(/append-only/);
        // Only an erasure opens it (backstops.int.test.ts).
        await expect(client.query(`DELETE FROM "Workspace" WHERE slug = 'second'`)).rejects.toThrow(
          /append-only/,
        );
      });
    } finally {
      await scratch.drop();
    }
  });
});
