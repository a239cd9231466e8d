/**
 * Coach notes as the application role (docs/domain.md "Coach notes", migration
 * 20261205130000_coach_drill_down): a member reads the shared notes about themself and no one
 * else's; coaches, admins and owners read the workspace's shared notes and their own private
 * ones; only they write, as the author; only the author changes or deletes a note.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "./client.ts";
import { createTenantDb } from "./tenant.ts";
import { cloneTestDatabase, type TestDatabase } from "./testing/index.ts";
import { providedTestServer } from "./testing/vitest.ts";

const server = providedTestServer();

let database: TestDatabase;
let admin: Db;
let app: Db;
let demoId: string;
let owner: string;
let coach: string;
let member: string;
let otherMember: string;

const as = (userId: string) => createTenantDb(app, { workspaceId: demoId, userId });
const bodies = async (userId: string) =>
  (await as(userId).coachNote.findMany({ select: { body: true } })).map((n) => n.body).sort();

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  const memberships = await admin.membership.findMany({ where: { workspaceId: demoId } });
  owner = memberships.find((m) => m.role === "owner")!.userId;
  coach = memberships.find((m) => m.role === "coach")!.userId;
  const members = memberships.filter((m) => m.role === "member").map((m) => m.userId);
  [member, otherMember] = members as [string, string];
  await admin.coachNote.deleteMany({ where: { workspaceId: demoId } });
  await admin.coachNote.createMany({
    data: [
      { workspaceId: demoId, authorId: coach, memberId: member, body: "coach private" },
      {
        workspaceId: demoId,
        authorId: coach,
        memberId: member,
        body: "coach shared",
        visibility: "shared",
      },
      {
        workspaceId: demoId,
        authorId: owner,
        memberId: otherMember,
        body: "owner shared, other",
        visibility: "shared",
      },
      { workspaceId: demoId, authorId: owner, memberId: member, body: "owner private" },
    ],
  });
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("coach notes", () => {
  it("a member reads the shared notes about themself only", async () => {
    expect(await bodies(member)).toEqual(["coach shared"]);
    expect(await bodies(otherMember)).toEqual(["owner shared, other"]);
  });

  it("a coach reads every shared note and their own private ones", async () => {
    expect(await bodies(coach)).toEqual(["coach private", "coach shared", "owner shared, other"]);
    expect(await bodies(owner)).toEqual(["coach shared", "owner private", "owner shared, other"]);
  });

  it("a member cannot write a note, not even as its author", async () => {
    await expect(
      as(member).coachNote.create({
        data: { workspaceId: demoId, authorId: member, memberId: otherMember, body: "x" },
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it("only the author changes or deletes a note", async () => {
    const shared = await admin.coachNote.findFirstOrThrow({ where: { body: "coach shared" } });
    const byOwner = await as(owner).coachNote.updateMany({
      where: { id: shared.id },
      data: { body: "taken over", authorId: owner },
    });
    expect(byOwner.count).toBe(0);
    expect((await as(owner).coachNote.deleteMany({ where: { id: shared.id } })).count).toBe(0);
    expect((await as(member).coachNote.deleteMany({ where: { id: shared.id } })).count).toBe(0);
    const byAuthor = await as(coach).coachNote.updateMany({
      where: { id: shared.id },
      data: { body: "coach shared, edited" },
    });
    expect(byAuthor.count).toBe(1);
    expect((await admin.coachNote.findUniqueOrThrow({ where: { id: shared.id } })).body).toBe(
      "coach shared, edited",
    );
  });
});
