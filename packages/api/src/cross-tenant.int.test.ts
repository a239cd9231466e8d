/**
 * Cross-tenant suite (docs/architecture.md "Tests"): every procedure of BOTH routers, enumerated from
 * the router definitions, is called by a person of workspace A (demo) asking for, or with,
 * workspace B (second). A procedure without a case here fails the suite: a new procedure must say
 * what a cross-tenant call gets. Each case asserts that nothing of B comes back and that B's rows
 * are exactly as they were.
 */
import { hashToken } from "@atlas/core/services/workspaces/invitations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRouter } from "./admin-router.ts";
import { appRouter } from "./app-router.ts";
import { createHarness, type Harness } from "./testing/harness.ts";
import { tableState } from "./testing/plans.ts";

interface Ids {
  /** Workspace A (the caller's). */
  a: string;
  /** Workspace B (not the caller's). */
  b: string;
  /** Rows of B (sam's plans and log in B) and a person only in B. */
  ofB: {
    goalId: string;
    milestoneIds: string[];
    habitId: string;
    taskId: string;
    eventId: string;
    /** A coach's note in B. */
    noteId: string;
    memberId: string;
    /** A support request of B (staff asked for access to B). */
    grantId: string;
    invitationId: string;
    /** The raw token of B's open invitation (for someone who is not the caller). */
    invitationToken: string;
    /** An AI suggestion of B's member, waiting for B's coach. */
    suggestionId: string;
  };
}

type Caller = (typeof CALLERS)[number];
type Refusal = "FORBIDDEN" | "NOT_FOUND";

interface Case {
  input: (ids: Ids) => unknown;
  /**
   * FORBIDDEN: the call is refused. OWN: the call is about the caller, not a workspace (or only
   * the caller's workspaces): it succeeds and returns nothing of B.
   */
  expect: "FORBIDDEN" | "OWN";
  /**
   * The same procedure called in A, naming B's rows (or a person only in B): refused as if they
   * did not exist (NOT_FOUND), or for the caller's role first (a member asking about another
   * member: FORBIDDEN). Every procedure that takes a row id or a member id has one.
   */
  inA?: { input: (ids: Ids) => unknown; expect: Refusal | Record<Caller, Refusal> };
}

/** A browser's push subscription as PushSubscription.toJSON() gives it. */
const PUSH_SUBSCRIPTION = {
  endpoint: "https://push.example.test/send/cross-tenant",
  keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
};
/** A member id outside A: the owner learns it is no member here; a member may not ask at all. */
const NO_MEMBER = { owner: "NOT_FOUND", nora: "FORBIDDEN" } as const;
/** Another workspace's grant: the owner learns there is no such request here; a member may not decide. */
const NO_GRANT = { owner: "NOT_FOUND", nora: "FORBIDDEN" } as const;
const KEY = { idempotencyKey: "cross-tenant-0001" };

const week = {
  monMinutes: 1,
  tueMinutes: 2,
  wedMinutes: 3,
  thuMinutes: 4,
  friMinutes: 5,
  satMinutes: 6,
  sunMinutes: 7,
};

const reliefMove = (taskId: string) => ({ taskId, from: "2030-01-07", to: "2030-01-14" });

const APP_CASES: Record<string, Case> = {
  "workspace.current": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "workspace.list": { input: ({ b }) => ({ workspaceId: b }), expect: "OWN" },
  "workspace.members": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "workspace.settings.get": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "workspace.settings.update": {
    input: ({ b }) => ({ workspaceId: b, lateEntryWindowDays: 0, sharesProgress: true }),
    expect: "FORBIDDEN",
  },
  "workspace.changeRole": {
    input: ({ b, ofB }) => ({ workspaceId: b, userId: ofB.memberId, role: "member" }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ userId: ofB.memberId, role: "member" }), expect: NO_MEMBER },
  },
  "workspace.removeMember": {
    input: ({ b, ofB }) => ({ workspaceId: b, userId: ofB.memberId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ userId: ofB.memberId }), expect: NO_MEMBER },
  },
  "workspace.invite": {
    input: ({ b }) => ({ workspaceId: b, email: "outsider@example.com", role: "member" }),
    expect: "FORBIDDEN",
  },
  "workspace.invitations": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "workspace.revokeInvitation": {
    input: ({ b, ofB }) => ({ workspaceId: b, invitationId: ofB.invitationId }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ invitationId: ofB.invitationId }),
      expect: { owner: "NOT_FOUND", nora: "FORBIDDEN" },
    },
  },
  // B's link in the hands of someone it was not sent to: refused (wrong e-mail), B unchanged.
  "workspace.acceptInvitation": {
    input: ({ ofB }) => ({ token: ofB.invitationToken }),
    expect: "FORBIDDEN",
  },
  "me.get": { input: ({ b }) => ({ workspaceId: b }), expect: "OWN" },
  "me.settings.get": { input: ({ b }) => ({ workspaceId: b }), expect: "OWN" },
  "me.settings.update": {
    input: () => ({ timeZone: "Asia/Kolkata", dayStartMinutes: 60 }),
    expect: "OWN",
  },
  "membership.capacity.get": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "membership.capacity.update": {
    input: ({ b }) => ({ workspaceId: b, ...week }),
    expect: "FORBIDDEN",
  },
  "firstRun.get": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "firstRun.pickHabits": {
    input: ({ b }) => ({
      workspaceId: b,
      ...KEY,
      habits: [{ title: "Read", schedule: { type: "daily" }, target: null, durationMinutes: 20 }],
    }),
    expect: "FORBIDDEN",
  },
  "firstRun.advance": {
    input: ({ b }) => ({ workspaceId: b, from: "set_capacity" }),
    expect: "FORBIDDEN",
  },
  "firstRun.skip": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },

  "goal.list": {
    input: ({ b }) => ({ workspaceId: b }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ memberId: ofB.memberId }), expect: NO_MEMBER },
  },
  "goal.get": {
    input: ({ b, ofB }) => ({ workspaceId: b, goalId: ofB.goalId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ goalId: ofB.goalId }), expect: "NOT_FOUND" },
  },
  "goal.create": {
    input: ({ b }) => ({ workspaceId: b, ...KEY, title: "Taken over" }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ ...KEY, memberId: ofB.memberId, title: "Taken over" }),
      expect: NO_MEMBER,
    },
  },
  "goal.update": {
    input: ({ b, ofB }) => ({ workspaceId: b, goalId: ofB.goalId, title: "Taken over" }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ goalId: ofB.goalId, title: "Taken over" }), expect: "NOT_FOUND" },
  },
  "goal.archive": {
    input: ({ b, ofB }) => ({ workspaceId: b, goalId: ofB.goalId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ goalId: ofB.goalId }), expect: "NOT_FOUND" },
  },
  "goal.milestone.create": {
    input: ({ b, ofB }) => ({ workspaceId: b, ...KEY, goalId: ofB.goalId, title: "Mine" }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ ...KEY, goalId: ofB.goalId, title: "Mine" }),
      expect: "NOT_FOUND",
    },
  },
  "goal.milestone.update": {
    input: ({ b, ofB }) => ({ workspaceId: b, milestoneId: ofB.milestoneIds[0], isDone: true }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ milestoneId: ofB.milestoneIds[0], isDone: true }),
      expect: "NOT_FOUND",
    },
  },
  "goal.milestone.reorder": {
    input: ({ b, ofB }) => ({
      workspaceId: b,
      goalId: ofB.goalId,
      milestoneIds: [...ofB.milestoneIds].reverse(),
    }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ goalId: ofB.goalId, milestoneIds: [...ofB.milestoneIds].reverse() }),
      expect: "NOT_FOUND",
    },
  },
  "goal.milestone.remove": {
    input: ({ b, ofB }) => ({ workspaceId: b, milestoneId: ofB.milestoneIds[0] }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ milestoneId: ofB.milestoneIds[0] }), expect: "NOT_FOUND" },
  },

  "habit.list": {
    input: ({ b }) => ({ workspaceId: b }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ memberId: ofB.memberId }), expect: NO_MEMBER },
  },
  "habit.get": {
    input: ({ b, ofB }) => ({ workspaceId: b, habitId: ofB.habitId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ habitId: ofB.habitId }), expect: "NOT_FOUND" },
  },
  "habit.history": {
    input: ({ b, ofB }) => ({ workspaceId: b, habitId: ofB.habitId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ habitId: ofB.habitId }), expect: "NOT_FOUND" },
  },
  "habit.create": {
    input: ({ b }) => ({ workspaceId: b, ...KEY, title: "Mine", schedule: { type: "daily" } }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({
        ...KEY,
        memberId: ofB.memberId,
        title: "Mine",
        schedule: { type: "daily" },
      }),
      expect: NO_MEMBER,
    },
  },
  "habit.update": {
    input: ({ b, ofB }) => ({ workspaceId: b, habitId: ofB.habitId, durationMinutes: 1 }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ habitId: ofB.habitId, durationMinutes: 1 }),
      expect: "NOT_FOUND",
    },
  },
  "habit.archive": {
    input: ({ b, ofB }) => ({ workspaceId: b, habitId: ofB.habitId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ habitId: ofB.habitId }), expect: "NOT_FOUND" },
  },

  "task.list": {
    input: ({ b }) => ({ workspaceId: b }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ memberId: ofB.memberId }), expect: NO_MEMBER },
  },
  "task.get": {
    input: ({ b, ofB }) => ({ workspaceId: b, taskId: ofB.taskId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ taskId: ofB.taskId }), expect: "NOT_FOUND" },
  },
  "task.create": {
    input: ({ b }) => ({ workspaceId: b, ...KEY, title: "Mine" }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ ...KEY, memberId: ofB.memberId, title: "Mine" }),
      expect: NO_MEMBER,
    },
  },
  "task.update": {
    input: ({ b, ofB }) => ({ workspaceId: b, taskId: ofB.taskId, status: "cancelled" }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ taskId: ofB.taskId, status: "cancelled" }), expect: "NOT_FOUND" },
  },
  "task.archive": {
    input: ({ b, ofB }) => ({ workspaceId: b, taskId: ofB.taskId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ taskId: ofB.taskId }), expect: "NOT_FOUND" },
  },
  "task.rescheduleOverdue": { input: ({ b }) => ({ workspaceId: b, ...KEY }), expect: "FORBIDDEN" },

  "log.checkIn": {
    input: ({ b, ofB }) => ({ workspaceId: b, ...KEY, habitId: ofB.habitId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ ...KEY, habitId: ofB.habitId }), expect: "NOT_FOUND" },
  },
  "log.skip": {
    input: ({ b, ofB }) => ({ workspaceId: b, ...KEY, habitId: ofB.habitId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ ...KEY, habitId: ofB.habitId }), expect: "NOT_FOUND" },
  },
  "log.undo": {
    input: ({ b, ofB }) => ({ workspaceId: b, ...KEY, eventId: ofB.eventId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ ...KEY, eventId: ofB.eventId }), expect: "NOT_FOUND" },
  },
  "log.day": {
    input: ({ b }) => ({ workspaceId: b }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ memberId: ofB.memberId }), expect: NO_MEMBER },
  },

  "today.get": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "dashboard.get": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "coachNote.listMine": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "export.log": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "inbox.list": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "inbox.unreadCount": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "inbox.markRead": { input: ({ b }) => ({ workspaceId: b, ids: ["x"] }), expect: "FORBIDDEN" },
  "inbox.markAllRead": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "inbox.live": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "notifications.preferences.get": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "notifications.preferences.update": {
    input: ({ b }) => ({
      workspaceId: b,
      changes: [{ category: "overload", channel: "email", isEnabled: false }],
    }),
    expect: "FORBIDDEN",
  },
  "notifications.settings.update": {
    input: ({ b }) => ({ workspaceId: b, digest: "off" }),
    expect: "FORBIDDEN",
  },
  "notifications.push.publicKey": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "notifications.push.subscribe": {
    input: ({ b }) => ({ workspaceId: b, ...PUSH_SUBSCRIPTION }),
    expect: "FORBIDDEN",
  },
  "notifications.push.unsubscribe": {
    input: ({ b }) => ({ workspaceId: b, endpoint: PUSH_SUBSCRIPTION.endpoint }),
    expect: "FORBIDDEN",
  },
  "overload.applyRelief": {
    input: ({ b, ofB }) => ({ workspaceId: b, ...KEY, moves: [reliefMove(ofB.taskId)] }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ ...KEY, moves: [reliefMove(ofB.taskId)] }), expect: "NOT_FOUND" },
  },

  // Support access: the owner of A decides A's grants only; a member of A decides none.
  "support.list": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "support.active": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "support.approve": {
    input: ({ b, ofB }) => ({ workspaceId: b, grantId: ofB.grantId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ grantId: ofB.grantId }), expect: NO_GRANT },
  },
  "support.refuse": {
    input: ({ b, ofB }) => ({ workspaceId: b, grantId: ofB.grantId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ grantId: ofB.grantId }), expect: NO_GRANT },
  },
  "support.revoke": {
    input: ({ b, ofB }) => ({ workspaceId: b, grantId: ofB.grantId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ grantId: ofB.grantId }), expect: NO_GRANT },
  },
  "support.setEnabled": {
    input: ({ b }) => ({ workspaceId: b, enabled: false }),
    expect: "FORBIDDEN",
  },

  // Billing: the owner of A sees and changes A's billing only (docs/domain.md "Billing page").
  "billing.summary": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "billing.invoices": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "billing.previewPlanChange": {
    input: ({ b }) => ({ workspaceId: b, plan: "team" }),
    expect: "FORBIDDEN",
  },
  "billing.checkout": {
    input: ({ b }) => ({ workspaceId: b, plan: "team", ...KEY }),
    expect: "FORBIDDEN",
  },
  "billing.changePlan": {
    input: ({ b }) => ({ workspaceId: b, plan: "coach" }),
    expect: "FORBIDDEN",
  },
  "billing.portal": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  // AI suggestions: the caller's own, in their own workspace; B's goal and B's suggestion are
  // not found from A.
  "ai.request": {
    input: ({ b, ofB }) => ({ workspaceId: b, ...KEY, type: "decompose_goal", goalId: ofB.goalId }),
    expect: "FORBIDDEN",
    inA: {
      input: ({ ofB }) => ({ ...KEY, type: "decompose_goal", goalId: ofB.goalId }),
      expect: "NOT_FOUND",
    },
  },
  "ai.list": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "ai.get": {
    input: ({ b, ofB }) => ({ workspaceId: b, id: ofB.suggestionId }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ id: ofB.suggestionId }), expect: "NOT_FOUND" },
  },
  "ai.decide": {
    input: ({ b, ofB }) => ({ workspaceId: b, id: ofB.suggestionId, all: "accept" }),
    expect: "FORBIDDEN",
    inA: { input: ({ ofB }) => ({ id: ofB.suggestionId, all: "accept" }), expect: "NOT_FOUND" },
  },
};

/** A drill-down into B's member: the owner of A coaches nothing in B. */
const drillB = ({ b, ofB }: Ids) => ({ workspaceId: b, memberId: ofB.memberId });

const OPEN_GRANT = (workspaceId: string) => ({
  ...KEY,
  workspaceId,
  reason: "Looking around",
  durationMinutes: 60,
});

const ADMIN_CASES: Record<string, Case> = {
  // The queue spans the caller's own workspaces: naming B narrows it to nothing.
  "approvals.list": { input: ({ b }) => ({ workspaceId: b }), expect: "OWN" },
  "approvals.review": {
    input: ({ b, ofB }) => ({ workspaceId: b, ids: [ofB.suggestionId], decision: "approve" }),
    expect: "FORBIDDEN",
  },
  "week.list": { input: () => undefined, expect: "OWN" },
  // The platform admin is Atlas staff's: an owner or a member of A gets nothing of it.
  "platform.tenants.list": { input: () => ({}), expect: "FORBIDDEN" },
  "platform.audit.list": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "platform.support.request": { input: ({ b }) => OPEN_GRANT(b), expect: "FORBIDDEN" },
  "platform.support.breakGlass": { input: ({ b }) => OPEN_GRANT(b), expect: "FORBIDDEN" },
  "platform.support.listMine": { input: () => undefined, expect: "FORBIDDEN" },
  "platform.support.members": { input: ({ b }) => ({ workspaceId: b }), expect: "FORBIDDEN" },
  "portfolio.list": { input: ({ b }) => ({ workspaceId: b }), expect: "OWN" },
  "portfolio.setStatus": {
    input: ({ b, ofB }) => ({
      workspaceId: b,
      memberId: ofB.memberId,
      kind: "on_leave",
      untilDate: "2099-01-12",
    }),
    expect: "FORBIDDEN",
  },
  "portfolio.clearStatus": {
    input: ({ b, ofB }) => ({ workspaceId: b, memberId: ofB.memberId }),
    expect: "FORBIDDEN",
  },
  "member.get": { input: drillB, expect: "FORBIDDEN" },
  "member.today": { input: drillB, expect: "FORBIDDEN" },
  "member.dashboard": { input: drillB, expect: "FORBIDDEN" },
  "member.habitHistory": {
    input: (ids) => ({ ...drillB(ids), habitId: ids.ofB.habitId }),
    expect: "FORBIDDEN",
  },
  "member.log": { input: drillB, expect: "FORBIDDEN" },
  "member.overloadHistory": { input: drillB, expect: "FORBIDDEN" },
  "member.override": {
    input: (ids) => ({
      ...drillB(ids),
      ...KEY,
      action: "check_in",
      habitId: ids.ofB.habitId,
      localDate: "2026-01-05",
    }),
    expect: "FORBIDDEN",
  },
  "member.updateHabit": {
    input: (ids) => ({ ...drillB(ids), habitId: ids.ofB.habitId, durationMinutes: 99 }),
    expect: "FORBIDDEN",
  },
  "member.updateTask": {
    input: (ids) => ({ ...drillB(ids), taskId: ids.ofB.taskId, priority: "low" }),
    expect: "FORBIDDEN",
  },
  "notes.list": { input: drillB, expect: "FORBIDDEN" },
  "notes.create": {
    input: (ids) => ({ ...drillB(ids), ...KEY, visibility: "shared", body: "Planted" }),
    expect: "FORBIDDEN",
  },
  "notes.update": {
    input: (ids) => ({ ...drillB(ids), noteId: ids.ofB.noteId, body: "Changed" }),
    expect: "FORBIDDEN",
  },
  "notes.delete": {
    input: (ids) => ({ ...drillB(ids), noteId: ids.ofB.noteId }),
    expect: "FORBIDDEN",
  },
};

const ROUTERS = [
  { name: "appRouter", router: appRouter, cases: APP_CASES },
  { name: "adminRouter", router: adminRouter, cases: ADMIN_CASES },
] as const;

const proceduresOf = (router: { _def: { procedures: object } }) =>
  Object.keys(router._def.procedures).sort();

/**
 * Who asks: the owner of A (every capability in A, none in B) and a plain member of A; each with
 * the route parameter naming B and with a session whose active workspace is B.
 */
const CALLERS = ["owner", "nora"] as const;
const SESSIONS = ["demo", "second"] as const;

let h: Harness;
let ids: Ids;
/** Strings that only B's data contains. */
let markersOfB: string[];

beforeAll(async () => {
  h = await createHarness();
  const second = h.workspaceIds.second;
  const goal = await h.admin.goal.findFirstOrThrow({
    where: { workspaceId: second, milestones: { some: {} } },
    include: { milestones: { orderBy: { position: "asc" } } },
  });
  const inB = { where: { workspaceId: second }, select: { id: true } } as const;
  const invitationToken = "cross-tenant-invitation-token-of-b";
  const invitation = await h.admin.invitation.create({
    data: {
      workspaceId: second,
      email: "invited.to.b@example.com",
      role: "member",
      tokenHash: hashToken(invitationToken),
      invitedById: h.userIds.priya,
      expiresAt: new Date("2100-01-01T00:00:00.000Z"),
    },
  });
  ids = {
    a: h.workspaceIds.demo,
    b: second,
    ofB: {
      goalId: goal.id,
      milestoneIds: goal.milestones.map((m) => m.id),
      habitId: (await h.admin.habit.findFirstOrThrow(inB)).id,
      taskId: (await h.admin.task.findFirstOrThrow(inB)).id,
      eventId: (await h.admin.executionEvent.findFirstOrThrow(inB)).id,
      noteId: (await h.admin.coachNote.findFirstOrThrow(inB)).id,
      memberId: h.userIds.priya,
      grantId: (
        await h.admin.supportGrant.create({
          data: {
            workspaceId: second,
            staffUserId: h.userIds.staff,
            reason: "Help with an import",
            durationMinutes: 60,
          },
        })
      ).id,
      invitationId: invitation.id,
      invitationToken,
      suggestionId: (
        await h.admin.aiSuggestion.create({
          data: {
            workspaceId: second,
            memberId: h.userIds.priya,
            type: "deferral",
            status: "pending_coach",
            inputSnapshot: {},
            provider: "local",
            model: "atlas-local-planner",
            promptVersion: "local-v1",
            output: {},
          },
        })
      ).id,
    },
  };
  const onlyInB = await h.admin.user.findMany({
    where: {
      memberships: { some: { workspaceId: ids.b }, none: { workspaceId: ids.a } },
    },
    select: { id: true, email: true, name: true },
  });
  const b = await h.admin.workspace.findUniqueOrThrow({ where: { id: ids.b } });
  markersOfB = [b.id, b.name, b.slug, ...onlyInB.flatMap((u) => [u.id, u.email, u.name])];
  expect(onlyInB.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await h?.close();
});

/** A fingerprint of every row of B: each workspace table, plus B's people and their settings. */
async function snapshotOfB(): Promise<Record<string, string>> {
  const tables = await h.admin.$queryRawUnsafe<{ table: string }[]>(
    `SELECT table_name AS "table" FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'workspaceId' ORDER BY 1`,
  );
  const snapshot: Record<string, string> = {};
  const fingerprint = async (name: string, sql: string, ...params: unknown[]) => {
    const [row] = await h.admin.$queryRawUnsafe<{ n: bigint; digest: string | null }[]>(
      sql,
      ...params,
    );
    snapshot[name] = `${row!.n}:${row!.digest}`;
  };
  for (const { table } of tables) {
    await fingerprint(
      table,
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
       FROM "${table}" t WHERE t."workspaceId" = $1`,
      ids.b,
    );
  }
  await fingerprint(
    "Workspace",
    `SELECT count(*) AS n, md5(string_agg(t::text, '|')) AS digest FROM "Workspace" t WHERE t.id = $1`,
    ids.b,
  );
  const members = `SELECT "userId" FROM "Membership" WHERE "workspaceId" = $1`;
  await fingerprint(
    "User",
    `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "User" t WHERE t.id IN (${members})`,
    ids.b,
  );
  await fingerprint(
    "UserTimeSetting",
    `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "UserTimeSetting" t WHERE t."userId" IN (${members})`,
    ids.b,
  );
  return snapshot;
}

function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let target = caller as Record<string, unknown>;
  for (const key of path.split(".")) target = target[key] as Record<string, unknown>;
  return target as unknown as (input: unknown) => Promise<unknown>;
}

describe("the case table", () => {
  it.each(ROUTERS.map((r) => [r.name, r] as const))(
    "%s: every procedure has a case, and every case a procedure",
    (_name, { router, cases }) => {
      const procedures = proceduresOf(router);
      expect(procedures.length).toBeGreaterThan(0);
      expect(
        procedures.filter((p) => !(p in cases)),
        "procedures without a cross-tenant case",
      ).toEqual([]);
      expect(
        Object.keys(cases).filter((p) => !procedures.includes(p)),
        "cases of no procedure",
      ).toEqual([]);
    },
  );
});

for (const { name, router, cases } of ROUTERS) {
  describe(`${name}: a caller of A asking for B`, () => {
    const rows = proceduresOf(router).flatMap((path) =>
      CALLERS.flatMap((who) => SESSIONS.map((session) => [path, who, session] as const)),
    );

    it.each(rows)("%s as %s, active workspace %s", async (path, who, session) => {
      const entry = cases[path];
      if (!entry)
        throw new Error(`${name}.${path} has no cross-tenant case: add one to this suite`);
      const caller = name === "adminRouter" ? h.asAdmin(who, session) : h.as(who, session);
      // The admin console refuses plain members before anything else: that is a refusal too.
      const expected = name === "adminRouter" && who === "nora" ? "FORBIDDEN" : entry.expect;

      const before = await snapshotOfB();
      const outcome = await procedureAt(
        caller,
        path,
      )(entry.input(ids)).then(
        (data) => ({ ok: true as const, data }),
        (error: { code?: string }) => ({ ok: false as const, error }),
      );

      if (expected === "FORBIDDEN") {
        expect(outcome.ok, `${path} should be refused`).toBe(false);
        if (!outcome.ok) expect(outcome.error.code).toBe("FORBIDDEN");
      } else {
        expect(outcome.ok, `${path} should answer about the caller only`).toBe(true);
        const text = JSON.stringify(outcome.ok ? outcome.data : null);
        for (const marker of markersOfB) expect(text).not.toContain(marker);
      }
      expect(await snapshotOfB()).toEqual(before);
    });
  });
}

describe("appRouter: a caller of A naming B's rows inside A", () => {
  const rows = proceduresOf(appRouter)
    .filter((path) => APP_CASES[path]?.inA !== undefined)
    .flatMap((path) => CALLERS.map((who) => [path, who] as const));

  it("every procedure that takes a row or member id has such a case", () => {
    expect(rows.length).toBeGreaterThanOrEqual(2 * 20);
  });

  it.each(rows)("%s as %s: refused as if B's rows did not exist", async (path, who) => {
    const entry = APP_CASES[path]!.inA!;
    const expected = typeof entry.expect === "string" ? entry.expect : entry.expect[who];
    const before = { b: await snapshotOfB(), all: await tableState(h) };
    const outcome = await procedureAt(
      h.as(who, "demo"),
      path,
    )(entry.input(ids)).then(
      (data) => ({ ok: true as const, data }),
      (error: { code?: string; message?: string }) => ({ ok: false as const, error }),
    );
    expect(outcome.ok, `${path} should be refused`).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code, outcome.error.message).toBe(expected);
      for (const marker of [...markersOfB, ids.ofB.habitId, ids.ofB.goalId]) {
        expect(outcome.error.message ?? "").not.toContain(marker);
      }
    }
    expect({ b: await snapshotOfB(), all: await tableState(h) }).toEqual(before);
  });
});
