/**
 * Who reaches which workspace through the API, as the application role on a seeded copy:
 * the session or a checked route parameter picks the workspace, never anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("workspace.list", () => {
  it("shows sam both workspaces, with the role in each", async () => {
    const list = (await h.as("sam", "second").workspace.list()).items;
    expect(list.map((w) => [w.slug, w.role, w.isActive])).toEqual([
      ["demo", "member", false],
      ["second", "member", true],
    ]);
  });

  it("shows nora only demo", async () => {
    const list = (await h.as("nora").workspace.list()).items;
    expect(list.map((w) => w.slug)).toEqual(["demo"]);
  });

  it("works without an active workspace", async () => {
    const list = (await h.as("coach", null).workspace.list()).items;
    expect(list.map((w) => [w.slug, w.role])).toEqual([
      ["demo", "coach"],
      ["second", "coach"],
    ]);
  });

  it("pages in creation order", async () => {
    const first = await h.as("coach", null).workspace.list({ limit: 1 });
    expect(first.items.map((w) => w.slug)).toEqual(["demo"]);
    expect(first.nextCursor).toBe(h.workspaceIds.demo);
    const second = await h
      .as("coach", null)
      .workspace.list({ limit: 1, cursor: first.nextCursor! });
    expect(second).toEqual({
      items: [expect.objectContaining({ slug: "second", role: "coach" })],
      nextCursor: null,
    });
  });
});

describe("the workspace of a request", () => {
  it("is the session's active workspace", async () => {
    expect(await h.as("sam", "second").workspace.current()).toMatchObject({
      slug: "second",
      role: "member",
    });
  });

  it("is the route parameter when one is given and the caller is a member", async () => {
    const current = await h
      .as("sam", "demo")
      .workspace.current({ workspaceId: h.workspaceIds.second });
    expect(current.slug).toBe("second");
    const { items: members } = await h.as("sam", "demo").workspace.members({
      workspaceId: h.workspaceIds.second,
    });
    expect(members.map((m) => m.id).sort()).toEqual(
      [h.userIds.priya, h.userIds.coach, h.userIds.sam].sort(),
    );
  });

  it("refuses nora naming the second workspace: FORBIDDEN", async () => {
    const error = await rejectionOf(
      h.as("nora").workspace.current({ workspaceId: h.workspaceIds.second }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("You are not a member of this workspace.");
  });

  it("refuses a session whose active workspace the user does not belong to", async () => {
    const error = await rejectionOf(h.as("nora", "second").workspace.members());
    expect(error.code).toBe("FORBIDDEN");
  });

  it("answers an unknown workspace id exactly like a foreign one (no probing)", async () => {
    const error = await rejectionOf(
      h.as("nora").workspace.current({ workspaceId: "0190aaaa-0000-7000-8000-000000000000" }),
    );
    expect(error).toMatchObject({
      code: "FORBIDDEN",
      message: "You are not a member of this workspace.",
    });
  });

  it("asks to choose a workspace when neither the session nor the route names one", async () => {
    const error = await rejectionOf(h.as("nora", null).workspace.current());
    expect(error.code).toBe("PRECONDITION_FAILED");
  });

  it("refuses anyone without a session: UNAUTHORIZED", async () => {
    expect((await rejectionOf(h.anonymous().workspace.list())).code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(h.anonymous().me.settings.get())).code).toBe("UNAUTHORIZED");
  });
});

describe("membership.capacity", () => {
  it("reads and writes the caller's own capacity in the current workspace only", async () => {
    const kenji = h.as("kenji");
    expect(await kenji.membership.capacity.get()).toEqual({
      monMinutes: 240,
      tueMinutes: 240,
      wedMinutes: 240,
      thuMinutes: 240,
      friMinutes: 0,
      satMinutes: 0,
      sunMinutes: 0,
    });
    const week = {
      monMinutes: 300,
      tueMinutes: 300,
      wedMinutes: 0,
      thuMinutes: 300,
      friMinutes: 1440,
      satMinutes: 60,
      sunMinutes: 0,
    };
    expect(await kenji.membership.capacity.update(week)).toEqual(week);
    const rows = await h.admin.membership.findMany({ where: { userId: h.userIds.kenji } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ capacityFriMinutes: 1440, capacitySatMinutes: 60 });
  });

  it("changes sam's capacity in the named workspace and leaves the other one alone", async () => {
    const before = await h.admin.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: h.workspaceIds.demo, userId: h.userIds.sam } },
    });
    await h.as("sam", "demo").membership.capacity.update({
      workspaceId: h.workspaceIds.second,
      monMinutes: 10,
      tueMinutes: 10,
      wedMinutes: 10,
      thuMinutes: 10,
      friMinutes: 10,
      satMinutes: 10,
      sunMinutes: 10,
    });
    const after = await h.admin.membership.findMany({ where: { userId: h.userIds.sam } });
    expect(after.find((m) => m.workspaceId === h.workspaceIds.demo)).toEqual(before);
    expect(after.find((m) => m.workspaceId === h.workspaceIds.second)?.capacityMonMinutes).toBe(10);
  });
});

describe("a member who left", () => {
  it("no longer reaches the workspace, nor appears on its roster; the other stays theirs", async () => {
    const where = {
      workspaceId_userId: { workspaceId: h.workspaceIds.second, userId: h.userIds.sam },
    };
    await h.admin.membership.update({ where, data: { leftAt: new Date() } });
    try {
      expect((await h.as("sam", "demo").workspace.list()).items.map((w) => w.slug)).toEqual([
        "demo",
      ]);
      const error = await rejectionOf(
        h.as("sam", "demo").workspace.current({ workspaceId: h.workspaceIds.second }),
      );
      expect(error).toMatchObject({
        code: "FORBIDDEN",
        message: "You are not a member of this workspace.",
      });
      expect((await rejectionOf(h.as("sam", "second").workspace.members())).code).toBe("FORBIDDEN");
      const { items: roster } = await h.as("priya", "second").workspace.members();
      expect(roster.map((m) => m.id).sort()).toEqual([h.userIds.priya, h.userIds.coach].sort());
    } finally {
      await h.admin.membership.update({ where, data: { leftAt: null } });
    }
  });
});
