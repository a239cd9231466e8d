/**
 * The permission table, the plan check and the admin console's door, through the real chain on
 * a seeded copy (as the application role).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotOf } from "@atlas/core";
import { onPlan } from "./testing/billing.ts";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import {
  createCallerFactory,
  createContextInner,
  createTRPCRouter,
  entitled,
  workspaceProcedure,
} from "./trpc.ts";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  // No seeded admin: make bernd one in demo.
  await h.admin.membership.update({
    where: { workspaceId_userId: { workspaceId: h.workspaceIds.demo, userId: h.userIds.bernd } },
    data: { role: "admin" },
  });
});
afterAll(async () => {
  await h?.close();
});

const settingsOf = (workspaceId: string) =>
  h.admin.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      lateEntryWindowDays: true,
      sharesProgress: true,
      aiAcceptanceThreshold: true,
      defaultTimeZone: true,
      updatedAt: true,
    },
  });

describe("workspace.settings", () => {
  it("every member reads them", async () => {
    expect(await h.as("nora").workspace.settings.get()).toEqual({
      lateEntryWindowDays: 7,
      sharesProgress: false,
      aiAcceptanceThreshold: 0.5,
      defaultTimeZone: "Europe/Berlin",
    });
  });

  it.each(["nora", "coach"] as const)("%s (member, coach) may not change them", async (who) => {
    const before = await settingsOf(h.workspaceIds.demo);
    const error = await rejectionOf(
      h.as(who).workspace.settings.update({ lateEntryWindowDays: 3 }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/may not change workspace settings/);
    expect(await settingsOf(h.workspaceIds.demo)).toEqual(before);
  });

  it("the owner may", async () => {
    const updated = await h.as("owner").workspace.settings.update({
      lateEntryWindowDays: 14,
      aiAcceptanceThreshold: 0.625,
    });
    expect(updated).toMatchObject({ lateEntryWindowDays: 14, aiAcceptanceThreshold: 0.625 });
    const row = await settingsOf(h.workspaceIds.demo);
    expect(row.lateEntryWindowDays).toBe(14);
    expect(row.aiAcceptanceThreshold.toNumber()).toBe(0.625);
  });

  it("an admin may", async () => {
    const updated = await h.as("bernd").workspace.settings.update({
      defaultTimeZone: "America/Chicago",
      sharesProgress: true,
    });
    expect(updated).toMatchObject({ defaultTimeZone: "America/Chicago", sharesProgress: true });
    await h.as("bernd").workspace.settings.update({ sharesProgress: false });
  });

  it("the owner of one workspace is a plain member elsewhere: sam cannot change second", async () => {
    const error = await rejectionOf(
      h.as("sam").workspace.settings.update({
        workspaceId: h.workspaceIds.second,
        lateEntryWindowDays: 1,
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("workspace.members", () => {
  it("shows everyone the roster, but others' e-mails only to who may see others", async () => {
    const { items: asNora } = await h.as("nora").workspace.members();
    expect(asNora).toHaveLength(6);
    expect(asNora.filter((m) => m.email !== null).map((m) => m.id)).toEqual([h.userIds.nora]);
    const { items: asCoach } = await h.as("coach").workspace.members();
    expect(asCoach.every((m) => m.email !== null)).toBe(true);
    expect(asCoach.find((m) => m.id === h.userIds.bernd)?.role).toBe("admin");
  });

  it("shows members each other's e-mails when the workspace shares progress", async () => {
    await h.as("owner").workspace.settings.update({ sharesProgress: true });
    try {
      const { items: asNora } = await h.as("nora").workspace.members();
      expect(asNora.every((m) => m.email !== null)).toBe(true);
    } finally {
      await h.as("owner").workspace.settings.update({ sharesProgress: false });
    }
  });
});

describe("entitled(feature)", () => {
  const probe = createTRPCRouter({
    coachConsole: workspaceProcedure.use(entitled("coach_console")).query(() => "in"),
  });
  const call = (workspace: "demo" | "second") =>
    createCallerFactory(probe)(
      createContextInner({
        session: h.session("owner", workspace),
        source: "web",
        db: h.app,
        limiter: h.limiter,
      }),
    ).coachConsole();

  it("lets a plan with the feature through and refuses one without it (402), naming the plan that has it", async () => {
    expect(await call("demo")).toBe("in");
    await onPlan(h, "demo", "team", async () => {
      const error = await rejectionOf(call("demo"));
      expect(error).toMatchObject({
        code: "PAYMENT_REQUIRED",
        message: "Your plan (Team) does not include the coach console: the Coach plan does.",
      });
    });
    await onPlan(h, "demo", "coach", async () => {
      expect(await call("demo")).toBe("in");
    });
  });

  it("decides from the workspace's snapshot, not from its plan row or the PlanEntitlement rows", async () => {
    const free = await h.admin.plan.findUniqueOrThrow({ where: { key: "free" } });
    const flip = (isEnabled: boolean) =>
      h.admin.planEntitlement.update({
        where: { planId_feature: { planId: free.id, feature: "coach_console" } },
        data: { isEnabled },
      });
    await flip(true);
    try {
      // The row says free includes it, the snapshot says it does not.
      await onPlan(h, "demo", "free", async () => {
        expect((await rejectionOf(call("demo"))).code).toBe("PAYMENT_REQUIRED");
      });
    } finally {
      await flip(false);
    }
    // A coach snapshot on the self-hosted row: the snapshot decides.
    await onPlan(h, "demo", snapshotOf("coach"), async () => {
      expect(await call("demo")).toBe("in");
    });
  });

  it("refuses every feature a snapshot does not list", async () => {
    const legacy = { planKey: "legacy_gold", planName: "Legacy Gold", features: {} };
    await onPlan(h, "demo", legacy, async () => {
      expect(await rejectionOf(call("demo"))).toMatchObject({
        code: "PAYMENT_REQUIRED",
        message: "Your plan (Legacy Gold) does not include the coach console: the Coach plan does.",
      });
    });
  });
});

describe("the admin console", () => {
  it("refuses a member who coaches nothing", async () => {
    const error = await rejectionOf(h.asAdmin("nora").portfolio.list());
    expect(error).toMatchObject({
      code: "FORBIDDEN",
      message: "Atlas admin is for coaches: you coach no workspace",
    });
  });

  it("refuses sam, a member of two workspaces and coach of none", async () => {
    expect((await rejectionOf(h.asAdmin("sam").portfolio.list())).code).toBe("FORBIDDEN");
  });

  it("shows the coach both workspaces, and every active member of each but themself", async () => {
    const portfolio = await h.asAdmin("coach").portfolio.list();
    expect(portfolio.workspaces.map((w) => [w.name, w.role])).toEqual([
      ["Demo Team", "coach"],
      ["Second Workspace", "coach"],
    ]);
    const count = (name: string) => portfolio.items.filter((i) => i.workspaceName === name).length;
    expect([count("Demo Team"), count("Second Workspace")]).toEqual([5, 2]);
    expect(portfolio.items.map((i) => i.memberId)).not.toContain(h.userIds.coach);
  });

  it("forgets a workspace the coach left at once, and refuses them once they coach none", async () => {
    const left = (workspaceId: string) => ({
      where: { workspaceId_userId: { workspaceId, userId: h.userIds.coach } },
      data: { leftAt: new Date() },
    });
    const back = (workspaceId: string) => ({ ...left(workspaceId), data: { leftAt: null } });
    await h.admin.membership.update(left(h.workspaceIds.second));
    try {
      expect((await h.asAdmin("coach").portfolio.list()).workspaces.map((w) => w.name)).toEqual([
        "Demo Team",
      ]);
      await h.admin.membership.update(left(h.workspaceIds.demo));
      expect(await rejectionOf(h.asAdmin("coach").portfolio.list())).toMatchObject({
        code: "FORBIDDEN",
        message: "Atlas admin is for coaches: you coach no workspace",
      });
    } finally {
      await h.admin.membership.update(back(h.workspaceIds.demo));
      await h.admin.membership.update(back(h.workspaceIds.second));
    }
  });

  it("shows an owner and an admin their own workspace only", async () => {
    const names = async (who: "priya" | "bernd") =>
      (await h.asAdmin(who).portfolio.list()).workspaces.map((w) => [w.name, w.role]);
    expect(await names("priya")).toEqual([["Second Workspace", "owner"]]);
    expect(await names("bernd")).toEqual([["Demo Team", "admin"]]);
  });

  it("lets a platform admin in who coaches nothing, with an empty portfolio", async () => {
    await h.admin.user.update({ where: { id: h.userIds.kenji }, data: { isPlatformAdmin: true } });
    try {
      expect(await h.asAdmin("kenji").portfolio.list()).toEqual({
        workspaces: [],
        items: [],
        total: 0,
        nextCursor: null,
      });
    } finally {
      await h.admin.user.update({
        where: { id: h.userIds.kenji },
        data: { isPlatformAdmin: false },
      });
    }
  });
});
