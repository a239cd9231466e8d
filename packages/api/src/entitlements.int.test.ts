/**
 * Plans and the dunning ladder through the real chain (docs/domain.md "Plans and entitlements",
 * "Dunning"): every limit of the workspace's snapshot where the service enforces it, and what a
 * failing payment blocks (and never blocks). Refusals are 402 with the limit and the plan that
 * lifts it; each refused call changes nothing.
 */
import { randomUUID } from "node:crypto";
import { snapshotOf, type EntitlementSnapshot } from "@atlas/core";
import { addDays } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./app-router.ts";
import { daysBefore, onPlan, withSubscription } from "./testing/billing.ts";
import { createHarness, rejectionOf, type Harness, type Person } from "./testing/harness.ts";
import {
  clockAt,
  expectRefused,
  monthStartAhead,
  newKey,
  wallTime,
  ZONES,
} from "./testing/plans.ts";
import {
  billingAllows,
  createCallerFactory,
  createContextInner,
  createTRPCRouter,
  workspaceProcedure,
} from "./trpc.ts";

let h: Harness;
/** The one instant every call of this suite happens at: nothing races the wall clock. */
const NOW = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 12 * 3_600_000);
const clock = clockAt(NOW);
const as = (person: Person | string, workspace: "demo" | "second" | null = "demo") =>
  h.as(person, workspace, { clock });

const READ_ONLY =
  "This workspace is read-only because a payment has been failing for 14 days: an owner can update the card on the billing page.";
const INVITES_PAUSED =
  "Invitations are paused because a payment has been failing for 7 days: an owner can update the card on the billing page.";

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A copy of `plan`'s snapshot with `feature` limited to `limitValue`. */
function withFeature(
  plan: Parameters<typeof snapshotOf>[0],
  feature: keyof EntitlementSnapshot["features"],
  limitValue: number | null,
): EntitlementSnapshot {
  const snapshot = snapshotOf(plan);
  return {
    ...snapshot,
    features: { ...snapshot.features, [feature]: { isEnabled: true, limitValue } },
  };
}

/** A new user who can accept an invitation sent to their address. */
async function invitee(email: string) {
  const user = await h.admin.user.create({ data: { email, name: email.split("@")[0] } });
  return user.id;
}

const inviteToSecond = (email: string) =>
  as("priya", "second").workspace.invite({ email, role: "member" });

/** Ends every open invitation of `second`, so each test counts from the seeded members. */
const clearInvitations = () =>
  h.admin.invitation.updateMany({
    where: { workspaceId: h.workspaceIds.second, acceptedAt: null, revokedAt: null },
    data: { revokedAt: NOW },
  });

/** `n` members added to `second` for a test, taken out again after it. */
async function withExtraMembers(n: number, check: () => Promise<void>) {
  const workspaceId = h.workspaceIds.second;
  const batch = randomUUID();
  const emails = Array.from({ length: n }, (_, i) => `${batch}-${i}@extra.test`);
  await h.admin.user.createMany({ data: emails.map((email) => ({ email, name: "Extra" })) });
  const users = await h.admin.user.findMany({
    where: { email: { in: emails } },
    select: { id: true },
  });
  await h.admin.membership.createMany({
    data: users.map(({ id }) => ({ workspaceId, userId: id, role: "member" as const })),
  });
  try {
    await check();
  } finally {
    const userIds = users.map((u) => u.id);
    await h.admin.membership.deleteMany({ where: { workspaceId, userId: { in: userIds } } });
    await h.admin.user.deleteMany({ where: { id: { in: userIds } } });
  }
}

describe("membersPerWorkspace (free: 5, invitations counted)", () => {
  it("counts the members and the open invitations, names the Team plan, and lets a re-issue through", async () => {
    await clearInvitations();
    // second has 3 members: two invitations fill the free plan's 5.
    await onPlan(h, "second", "free", async () => {
      await inviteToSecond("one@limit.test");
      await inviteToSecond("two@limit.test");
      const error = await expectRefused(
        h,
        () => inviteToSecond("three@limit.test"),
        "PAYMENT_REQUIRED",
        /^Your plan \(Free\) allows 5 members: the Team plan allows more\.$/,
      );
      expect(error.cause).toMatchObject({
        details: { feature: "membersPerWorkspace", limit: 5 },
      });
      // Inviting an address again re-issues its invitation: no new place is taken.
      expect((await inviteToSecond("one@limit.test")).invitation.email).toBe("one@limit.test");
      // A revoked invitation frees its place.
      const open = await as("priya", "second").workspace.invitations();
      const two = open.items.find((i) => i.email === "two@limit.test")!;
      await as("priya", "second").workspace.revokeInvitation({ invitationId: two.id });
      await inviteToSecond("three@limit.test");
    });
    // The Team plan has no members limit.
    await onPlan(h, "second", "team", async () => {
      await inviteToSecond("four@limit.test");
    });
    await clearInvitations();
  });

  it("re-checks on acceptance: a join beyond the limit is refused, nothing joins", async () => {
    await clearInvitations();
    await onPlan(h, "second", "free", async () => {
      const email = `${randomUUID()}@late.test`;
      const { token } = await inviteToSecond(email);
      const userId = await invitee(email);
      // Meanwhile the workspace filled up (members added elsewhere: Clerk, an admin).
      await withExtraMembers(2, async () => {
        await expectRefused(
          h,
          () => as(userId, null).workspace.acceptInvitation({ token: token! }),
          "PAYMENT_REQUIRED",
          /^Your plan \(Free\) allows 5 members: the Team plan allows more\.$/,
        );
      });
      expect(await as(userId, null).workspace.acceptInvitation({ token: token! })).toMatchObject({
        workspaceId: h.workspaceIds.second,
      });
      await h.admin.membership.delete({
        where: { workspaceId_userId: { workspaceId: h.workspaceIds.second, userId } },
      });
    });
    await clearInvitations();
  });
});

describe("seats (a plan sold per seat)", () => {
  it("refuses an invitation, and a join, beyond the plan's seats (Team: 100)", async () => {
    await clearInvitations();
    await onPlan(h, "second", "team", async () => {
      // 3 seeded members and 96 more: one invitation fills the 100 seats.
      await withExtraMembers(96, async () => {
        const email = `${randomUUID()}@seat.test`;
        const { token } = await inviteToSecond(email);
        await expectRefused(
          h,
          () => inviteToSecond("one-too-many@seat.test"),
          "PAYMENT_REQUIRED",
          /^Your plan \(Team\) allows 100 seats: the Coach plan allows more\.$/,
        );
        const userId = await invitee(email);
        await withExtraMembers(1, async () => {
          const error = await expectRefused(
            h,
            () => as(userId, null).workspace.acceptInvitation({ token: token! }),
            "PAYMENT_REQUIRED",
            /allows 100 seats/,
          );
          expect(error.cause).toMatchObject({ details: { feature: "seats", limit: 100 } });
        });
        // The 100th seat is free again: the join goes through.
        await as(userId, null).workspace.acceptInvitation({ token: token! });
        await h.admin.membership.delete({
          where: { workspaceId_userId: { workspaceId: h.workspaceIds.second, userId } },
        });
      });
    });
    await clearInvitations();
  });

  it("does not count seats on a plan that sells none (free: its members limit caps it)", async () => {
    await clearInvitations();
    await onPlan(h, "second", "free", async () => {
      await inviteToSecond(`${randomUUID()}@free.test`);
    });
    await clearInvitations();
  });
});

describe("chartHistoryDays", () => {
  it("cuts a habit's year to the plan's days and says so; refuses a range wholly before them", async () => {
    const habit = await h.admin.habit.findFirstOrThrow({
      where: { workspaceId: h.workspaceIds.demo, memberId: h.userIds.nora, archivedAt: null },
    });
    const full = await as("nora").habit.history({ habitId: habit.id });
    expect(full.historyLimit).toBeNull();
    await onPlan(h, "demo", "free", async () => {
      const cut = await as("nora").habit.history({ habitId: habit.id });
      expect(cut.to).toBe(full.to);
      expect(cut.from).toBe(addDays(full.to, -29));
      expect(cut.days).toHaveLength(30);
      expect(cut.historyLimit).toEqual({
        days: 30,
        earliest: cut.from,
        message: "Your plan (Free) shows the last 30 days: the Team plan shows more.",
      });
      // The days shown are the same days the full year shows.
      expect(cut.days).toEqual(full.days.slice(-30));
      expect(cut.currentStreak).toBe(full.currentStreak);

      await expectRefused(
        h,
        () => as("nora").habit.history({ habitId: habit.id, to: addDays(full.to, -30) }),
        "PAYMENT_REQUIRED",
        /^Your plan \(Free\) shows the last 30 days: the Team plan shows more\.$/,
      );
      // A range ending inside the plan's days is cut, not refused.
      const ending = await as("nora").habit.history({
        habitId: habit.id,
        to: addDays(full.to, -29),
      });
      expect(ending.days.map((d) => d.date)).toEqual([addDays(full.to, -29)]);
    });
  });

  it("cuts the dashboard's trend only when the plan shows fewer days than it", async () => {
    const full = await as("nora").dashboard.get();
    await onPlan(h, "demo", "free", async () => {
      expect(await as("nora").dashboard.get()).toEqual(full); // 30 days: the whole trend
    });
    await onPlan(h, "demo", withFeature("self_hosted", "chartHistoryDays", 7), async () => {
      const cut = await as("nora").dashboard.get();
      expect(cut.trend).toEqual(full.trend.slice(-7));
      expect(cut.historyLimit).toMatchObject({ days: 7, earliest: full.trend.at(-7)!.date });
      expect({ ...cut, trend: full.trend, historyLimit: null }).toEqual(full);
    });
  });

  it("cuts the console's load history the same way", async () => {
    const drill = { workspaceId: h.workspaceIds.demo, memberId: h.userIds.nora };
    const admin = () => h.asAdmin("coach", null, { clock });
    const full = await admin().member.overloadHistory(drill);
    expect(full.historyLimit).toBeNull();
    await onPlan(h, "demo", withFeature("self_hosted", "chartHistoryDays", 7), async () => {
      const cut = await admin().member.overloadHistory(drill);
      expect(cut.from).toBe(addDays(full.to, -6));
      expect(cut.days).toEqual(full.days.filter((d) => d.date >= cut.from));
      expect(cut.historyLimit?.days).toBe(7);
    });
  });
});

describe("skipsPerMonth (from the snapshot)", () => {
  it("shows the plan's allowance on Today and refuses the skip beyond it, naming the plan that allows more", async () => {
    const M = monthStartAhead();
    const nora = (date: typeof M) =>
      h.as("nora", "demo", { clock: clockAt(wallTime(ZONES.nora, date, "12:00")) });
    const habit = await nora(M).habit.create({
      idempotencyKey: newKey(),
      title: "Stretch",
      schedule: { type: "daily" },
      target: null,
    });
    const skip = (localDate: typeof M) =>
      nora(addDays(M, 3)).log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate });
    await onPlan(h, "demo", "free", async () => {
      await skip(M);
      await skip(addDays(M, 1));
      await expectRefused(
        h,
        () => skip(addDays(M, 2)),
        "PAYMENT_REQUIRED",
        /^All 2 skips of this habit for \d{4}-\d{2} are used: undo one to free it\. The Team plan allows more\.$/,
      );
      const today = await nora(addDays(M, 3)).today.get();
      expect(today.habits.find((x) => x.id === habit.id)?.skips).toEqual({
        allowance: 2,
        used: 2,
        remaining: 0,
      });
    });
    // A snapshot without skips refuses the first, naming the plan that has them.
    await onPlan(h, "demo", { planKey: "legacy", planName: "Legacy", features: {} }, async () => {
      await expectRefused(
        h,
        () => skip(addDays(M, 2)),
        "PAYMENT_REQUIRED",
        /^Your plan \(Legacy\) does not include skips: the Free plan does\.$/,
      );
    });
  });
});

describe("data export", () => {
  it("is refused on a plan without it (402, naming the Team plan) and to members (403)", async () => {
    await onPlan(h, "demo", "free", async () => {
      expect(await rejectionOf(as("owner").export.log())).toMatchObject({
        code: "PAYMENT_REQUIRED",
        message: "Your plan (Free) does not include data export: the Team plan does.",
      });
    });
    expect(await rejectionOf(as("nora").export.log())).toMatchObject({
      code: "FORBIDDEN",
      message: "Your role (member) may not export the workspace's data.",
    });
  });
});

describe("the coach console follows the plan", () => {
  it("lists a workspace without the coach console as locked, without its members, and refuses its pages", async () => {
    const coach = () => h.asAdmin("coach", null, { clock });
    await onPlan(h, "second", "team", async () => {
      const portfolio = await coach().portfolio.list();
      expect(portfolio.workspaces).toEqual([
        expect.objectContaining({ name: "Demo Team", lockedMessage: null }),
        expect.objectContaining({
          name: "Second Workspace",
          lockedMessage:
            "Your plan (Team) does not include the coach console: the Coach plan does.",
        }),
      ]);
      expect(portfolio.items.every((i) => i.workspaceId === h.workspaceIds.demo)).toBe(true);
      expect(
        await rejectionOf(coach().portfolio.list({ workspaceId: h.workspaceIds.second })),
      ).toMatchObject({ code: "PAYMENT_REQUIRED", message: /the Coach plan does\.$/ });
      const drill = { workspaceId: h.workspaceIds.second, memberId: h.userIds.sam };
      expect(await rejectionOf(coach().member.get(drill))).toMatchObject({
        code: "PAYMENT_REQUIRED",
        message: "Your plan (Team) does not include the coach console: the Coach plan does.",
      });
      await expectRefused(
        h,
        () =>
          coach().portfolio.setStatus({ ...drill, kind: "vacation", note: null, untilDate: null }),
        "PAYMENT_REQUIRED",
      );
      const weeks = await coach().week.list();
      expect(weeks.map((w) => w.workspace.id)).not.toContain(h.workspaceIds.second);
    });
    await onPlan(h, "second", "coach", async () => {
      const drill = { workspaceId: h.workspaceIds.second, memberId: h.userIds.sam };
      expect((await coach().member.get(drill)).memberId).toBe(h.userIds.sam);
    });
  });
});

describe("the dunning ladder", () => {
  it("past due under 7 days blocks nothing", async () => {
    await clearInvitations();
    await withSubscription(
      h,
      "second",
      { status: "past_due", pastDueSince: daysBefore(NOW, 6.9) },
      async () => {
        await inviteToSecond(`${randomUUID()}@early.test`);
      },
    );
    await clearInvitations();
  });

  it("from 7 days pauses invitations (and joins) but not writes", async () => {
    await clearInvitations();
    const email = `${randomUUID()}@paused.test`;
    const { token } = await inviteToSecond(email);
    const userId = await invitee(email);
    await withSubscription(
      h,
      "second",
      { status: "past_due", pastDueSince: daysBefore(NOW, 7) },
      async () => {
        await expectRefused(
          h,
          () => inviteToSecond(`${randomUUID()}@paused.test`),
          "PAYMENT_REQUIRED",
          new RegExp(`^${INVITES_PAUSED.replace(/[.()]/g, "\\$&")}$`),
        );
        await expectRefused(
          h,
          () => as(userId, null).workspace.acceptInvitation({ token: token! }),
          "PAYMENT_REQUIRED",
          /^Invitations are paused/,
        );
        const goal = await as("sam", "second").goal.create({
          idempotencyKey: newKey(),
          title: "Still writing",
        });
        expect(goal.title).toBe("Still writing");
      },
    );
    await clearInvitations();
  });

  it("from 14 days refuses every write but removals and billing; reads and exports go on", async () => {
    await withSubscription(
      h,
      "demo",
      { status: "past_due", pastDueSince: daysBefore(NOW, 14) },
      async () => {
        await expectRefused(
          h,
          () => as("nora").goal.create({ idempotencyKey: newKey(), title: "Blocked" }),
          "PAYMENT_REQUIRED",
          new RegExp(`^${READ_ONLY.replace(/[.()]/g, "\\$&")}$`),
        );
        await expectRefused(
          h,
          () => as("owner").workspace.settings.update({ lateEntryWindowDays: 3 }),
          "PAYMENT_REQUIRED",
        );
        // Reads, and the export, are never blocked.
        await as("nora").today.get();
        await as("nora").dashboard.get();
        await as("nora").habit.list();
        await as("owner").workspace.members();
        expect((await as("owner").export.log({ limit: 1 })).items).toHaveLength(1);
        // Taking access away still works: removing a member.
        const extra = await invitee(`${randomUUID()}@removed.test`);
        await h.admin.membership.create({
          data: { workspaceId: h.workspaceIds.demo, userId: extra, role: "member" },
        });
        await as("owner").workspace.removeMember({ userId: extra });
        // The console too: the coach reads, and writes nothing.
        const coach = h.asAdmin("coach", null, { clock });
        const drill = { workspaceId: h.workspaceIds.demo, memberId: h.userIds.nora };
        expect((await coach.member.get(drill)).memberId).toBe(h.userIds.nora);
        await expectRefused(
          h,
          () =>
            coach.notes.create({
              ...drill,
              idempotencyKey: newKey(),
              visibility: "private",
              body: "Call about the card",
            }),
          "PAYMENT_REQUIRED",
          /^This workspace is read-only/,
        );
      },
    );
  });

  it("guards every workspace mutation of the router, whatever it is, except the allowlist", async () => {
    const mutations = Object.entries(appRouter._def.procedures)
      .filter(
        ([, procedure]) =>
          (procedure as unknown as { _def: { type: string } })._def.type === "mutation",
      )
      .map(([path]) => path);
    // Not in a workspace yet, or not about one: the user's own settings, accepting an invitation.
    const notWorkspace = ["me.settings.update", "workspace.acceptInvitation"];
    const allowed = [
      "inbox.markRead",
      "inbox.markAllRead",
      "workspace.removeMember",
      "workspace.revokeInvitation",
      "support.revoke",
    ];
    const isAllowed = (path: string) => allowed.includes(path) || path.startsWith("billing.");
    await withSubscription(
      h,
      "demo",
      { status: "past_due", pastDueSince: daysBefore(NOW, 20) },
      async () => {
        const caller = as("owner") as unknown as Record<
          string,
          Record<string, (input: unknown) => Promise<unknown>>
        >;
        for (const path of mutations) {
          if (notWorkspace.includes(path)) continue;
          const call = path
            .split(".")
            .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
            input: unknown,
          ) => Promise<unknown>;
          if (isAllowed(path)) {
            // Let through: it may succeed (mark all read) or fail for its own reasons.
            const outcome = await call({}).then(
              () => null,
              (error: { code?: string }) => error,
            );
            expect(outcome?.code, path).not.toBe("PAYMENT_REQUIRED");
          } else {
            const error = await rejectionOf(call({}));
            expect(error, path).toMatchObject({ code: "PAYMENT_REQUIRED", message: READ_ONLY });
          }
        }
      },
    );
  });

  it('billingAllows("ai_suggestion") pauses with invitations, at the context\'s clock', async () => {
    const probe = createCallerFactory(
      createTRPCRouter({
        suggest: workspaceProcedure.use(billingAllows("ai_suggestion")).mutation(() => "ok"),
      }),
    );
    const at = (instant: Date) =>
      probe(
        createContextInner({
          session: h.session("owner", "demo"),
          source: "web",
          db: h.app,
          limiter: h.limiter,
          clock: clockAt(instant),
        }),
      ).suggest();
    const since = daysBefore(NOW, 0);
    await withSubscription(h, "demo", { status: "past_due", pastDueSince: since }, async () => {
      expect(await at(NOW)).toBe("ok");
      expect(await rejectionOf(at(new Date(NOW.getTime() + 7 * 86_400_000)))).toMatchObject({
        code: "PAYMENT_REQUIRED",
        message:
          "New AI suggestions are paused because a payment has been failing for 7 days: an owner can update the card on the billing page.",
      });
    });
    await withSubscription(h, "demo", { status: "active", pastDueSince: null }, async () => {
      expect(await at(new Date(NOW.getTime() + 70 * 86_400_000))).toBe("ok");
    });
  });
});
