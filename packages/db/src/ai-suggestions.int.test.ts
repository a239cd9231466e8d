/**
 * AI suggestions as the application role (docs/domain.md "AI suggestions", migration
 * 20261206140000_ai_suggestions): a member reads and decides their own; the workspace's coaches,
 * admins and owners read them all and review those waiting in the queue; what was proposed never
 * changes, a decision is final, nobody deletes one; the quota's count reaches no further than
 * the bound workspace.
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
let secondId: string;
let coach: string;
let member: string;
let otherMember: string;

const as = (userId: string, workspaceId = demoId) => createTenantDb(app, { workspaceId, userId });

const proposal = (memberId: string, workspaceId = demoId) => ({
  workspaceId,
  memberId,
  type: "weekly_plan" as const,
  inputSnapshot: { week: "2026-12-07" },
  provider: "local",
  model: "local-planner",
  promptVersion: "weekly_plan@1",
  output: { items: [{ key: "a", title: "Write" }] },
});

/** A suggestion arranged by the admin role, as the pipeline would have stored it. */
const arrange = async (
  memberId: string,
  status: "proposed" | "pending_coach" = "proposed",
  workspaceId = demoId,
) => (await admin.aiSuggestion.create({ data: { ...proposal(memberId, workspaceId), status } })).id;

beforeAll(async () => {
  database = await cloneTestDatabase(server);
  admin = createPrismaClient(database.adminUrl);
  app = createPrismaClient(database.appUrl);
  demoId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "demo" } })).id;
  secondId = (await admin.workspace.findUniqueOrThrow({ where: { slug: "second" } })).id;
  const memberships = await admin.membership.findMany({ where: { workspaceId: demoId } });
  coach = memberships.find((m) => m.role === "coach")!.userId;
  const members = memberships.filter((m) => m.role === "member").map((m) => m.userId);
  [member, otherMember] = members as [string, string];
});

afterAll(async () => {
  await Promise.all([admin?.$disconnect(), app?.$disconnect()]);
  await database?.drop();
});

describe("reading", () => {
  it("a member reads their own suggestions; a coach the workspace's; nobody another workspace's", async () => {
    const mine = await arrange(member);
    const theirs = await arrange(otherMember);
    const sam = (await admin.membership.findFirstOrThrow({
      where: { workspaceId: secondId, role: "member" },
    }))!.userId;
    const elsewhere = await arrange(sam, "proposed", secondId);
    const ids = async (userId: string) =>
      (await as(userId).aiSuggestion.findMany({ select: { id: true } })).map((s) => s.id);
    expect(await ids(member)).toContain(mine);
    expect(await ids(member)).not.toContain(theirs);
    expect(await ids(coach)).toEqual(expect.arrayContaining([mine, theirs]));
    expect(await ids(coach)).not.toContain(elsewhere);
  });
});

describe("inserting", () => {
  it("the pipeline inserts only for the member it is bound to, and only undecided", async () => {
    await expect(as(member).aiSuggestion.create({ data: proposal(member) })).resolves.toBeTruthy();
    await expect(as(member).aiSuggestion.create({ data: proposal(otherMember) })).rejects.toThrow(
      /row-level security/,
    );
    await expect(as(coach).aiSuggestion.create({ data: proposal(member) })).rejects.toThrow(
      /row-level security/,
    );
    await expect(
      as(member).aiSuggestion.create({
        data: {
          ...proposal(member),
          status: "pending_coach",
          reviewedById: coach,
          reviewedAt: new Date(),
        },
      }),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("what was proposed", () => {
  it("the app role cannot change the output, the provider or the input", async () => {
    const id = await arrange(member);
    for (const data of [
      { output: { items: [] } },
      { provider: "openai" },
      { inputSnapshot: {} },
      { costMicroUsd: 0 },
    ]) {
      await expect(as(member).aiSuggestion.update({ where: { id }, data })).rejects.toThrow(
        /permission denied/,
      );
    }
  });

  it("no role changes it, not even the table's owner", async () => {
    const id = await arrange(member);
    await expect(
      admin.aiSuggestion.update({ where: { id }, data: { output: { items: [] } } }),
    ).rejects.toThrow(/never changes/);
  });

  it("the app role deletes none", async () => {
    const id = await arrange(member);
    await expect(as(member).aiSuggestion.delete({ where: { id } })).rejects.toThrow(
      /permission denied/,
    );
    await expect(as(coach).aiSuggestion.deleteMany({ where: { id } })).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe("deciding", () => {
  const decided = (by: string) => ({
    status: "accepted" as const,
    decisions: [{ key: "a", decision: "accepted" }],
    decidedById: by,
    decidedAt: new Date(),
  });

  it("the member decides their own proposal once; the decision is final", async () => {
    const id = await arrange(member);
    await as(member).aiSuggestion.update({ where: { id }, data: decided(member) });
    await expect(
      as(member).aiSuggestion.update({
        where: { id },
        data: { status: "rejected", decidedAt: new Date() },
      }),
    ).rejects.toThrow(/final/);
    expect((await admin.aiSuggestion.findUniqueOrThrow({ where: { id } })).status).toBe("accepted");
  });

  it("nobody decides for the member: not a coach, not as someone else", async () => {
    const id = await arrange(member);
    await expect(
      as(coach).aiSuggestion.update({ where: { id }, data: decided(coach) }),
    ).rejects.toThrow(/only its member decides/);
    await expect(
      as(member).aiSuggestion.update({ where: { id }, data: decided(otherMember) }),
    ).rejects.toThrow(/only its member decides/);
    // Another member does not even reach it.
    expect(
      (
        await as(otherMember).aiSuggestion.updateMany({
          where: { id },
          data: { status: "expired" },
        })
      ).count,
    ).toBe(0);
  });

  it("a suggestion waiting for the coach is reviewed by a coach only, and never decided by the member", async () => {
    const id = await arrange(member, "pending_coach");
    const review = (by: string) => ({
      status: "proposed" as const,
      reviewedById: by,
      reviewedAt: new Date(),
      reviewNote: "Looks right",
    });
    await expect(
      as(member).aiSuggestion.update({ where: { id }, data: review(member) }),
    ).rejects.toThrow(/only a coach/);
    await expect(
      as(member).aiSuggestion.update({ where: { id }, data: decided(member) }),
    ).rejects.toThrow(/items are decided only by its member/);
    await as(coach).aiSuggestion.update({ where: { id }, data: review(coach) });
    // Approved: the member now decides it; the review stays as the coach wrote it.
    await as(member).aiSuggestion.update({ where: { id }, data: decided(member) });
    const row = await admin.aiSuggestion.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "accepted",
      reviewedById: coach,
      reviewNote: "Looks right",
    });
  });

  it("a member's proposal takes no review", async () => {
    const id = await arrange(member);
    await expect(
      as(coach).aiSuggestion.update({
        where: { id },
        data: { status: "expired", reviewedById: coach, reviewedAt: new Date() },
      }),
    ).rejects.toThrow(/reviewed only in the approval queue/);
  });
});

describe("the quota's count", () => {
  it("counts the bound workspace's suggestions, whoever reads, and no other workspace's", async () => {
    const since = new Date(Date.now() - 60 * 60 * 1000);
    const count = async (userId: string, workspaceId = demoId) =>
      createTenantDb(app, { workspaceId, userId }).$transaction(
        async (tx) =>
          (
            await tx.$queryRaw<{ n: number }[]>`SELECT "atlas_ai_suggestions_since"(${since}) AS n`
          )[0]!.n,
      );
    const all = await admin.aiSuggestion.count({
      where: { workspaceId: demoId, createdAt: { gte: since } },
    });
    expect(all).toBeGreaterThan(1);
    expect(await count(member)).toBe(all);
    await arrange(coach, "proposed", secondId);
    expect(await count(member)).toBe(all);
    expect(await count(coach, secondId)).toBe(
      await admin.aiSuggestion.count({
        where: { workspaceId: secondId, createdAt: { gte: since } },
      }),
    );
  });
});

describe("who uses suggestions", () => {
  it("names the bound workspace's members who decided their own, to a client with no user", async () => {
    const id = await arrange(otherMember);
    const since = new Date(Date.now() - 60 * 60 * 1000);
    await as(otherMember).aiSuggestion.update({
      where: { id },
      data: { status: "rejected", decidedById: otherMember, decidedAt: new Date() },
    });
    const members = async (workspaceId: string) =>
      createTenantDb(app, { workspaceId, userId: null }).$transaction(async (tx) =>
        (await tx.$queryRaw<{ m: string }[]>`SELECT m FROM "atlas_ai_members_since"(${since}) AS m`)
          .map((r) => r.m)
          .sort(),
      );
    expect(await members(demoId)).toContain(otherMember);
    expect(await members(secondId)).not.toContain(otherMember);
    // The same client reads no suggestion itself.
    expect(
      await createTenantDb(app, { workspaceId: demoId, userId: null }).aiSuggestion.count(),
    ).toBe(0);
  });
});
