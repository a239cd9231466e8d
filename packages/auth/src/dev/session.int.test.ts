/** The dev sign-in's user list on a private copy of the seeded database. */
import { createPrismaClient, type Db } from "@atlas/db";
import { cloneTestDatabase, type TestDatabase } from "@atlas/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countBypassAudits, snapshotDatabase } from "../testing/snapshot.ts";
import { DevSignInRefusedError, listDevUsers } from "./session.ts";

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await cloneTestDatabase(inject("testServer"));
  db = createPrismaClient(database.adminUrl);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("listDevUsers", () => {
  it("lists every user with their memberships across workspaces, audited", async () => {
    const audits = await countBypassAudits(db, "dev:sign-in");
    const users = await listDevUsers({ ATLAS_MODE: "test" }, db);

    expect(users.length).toBe(await db.user.count());
    expect(users.map((u) => u.email)).toEqual([...users.map((u) => u.email)].sort());

    const coach = users.find((u) => u.email === "coach@atlas.local");
    expect(coach?.memberships.map((m) => [m.workspaceName, m.role])).toEqual([
      ["Demo Team", "coach"],
      ["Second Workspace", "coach"],
    ]);
    const priya = users.find((u) => u.email === "owner.second@atlas.local");
    const second = await db.workspace.findUniqueOrThrow({ where: { slug: "second" } });
    expect(priya).toMatchObject({
      name: "Priya Patel",
      isPlatformAdmin: false,
      memberships: [{ workspaceId: second.id, workspaceName: "Second Workspace", role: "owner" }],
    });

    expect(await countBypassAudits(db, "dev:sign-in")).toBe(audits + 1);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "bypass.use", targetId: "dev:sign-in" },
      orderBy: { createdAt: "desc" },
    });
    expect(entry).toMatchObject({ workspaceId: null, actorUserId: null });
  });

  it("is refused, without touching the database, in production or with Clerk keys", async () => {
    const before = await snapshotDatabase(db);
    await expect(listDevUsers({}, db)).rejects.toThrow(DevSignInRefusedError);
    await expect(
      listDevUsers({ ATLAS_MODE: "embedded", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x" }, db),
    ).rejects.toThrow(DevSignInRefusedError);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
