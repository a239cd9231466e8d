/**
 * "This week" (docs/domain.md "Weekly summary") through adminRouter: the numbers of a workspace
 * whose stored rows are arranged by hand, the upsert that stores each (workspace, week) once, and
 * who sees what. The clock stands on Monday 2026-03-09, 11:00 in Berlin: the week summarised is
 * 2026-03-02 … 2026-03-08, its plans the week of 2026-03-09.
 */
import { summariseAndStoreWorkspaceWeek } from "@atlas/core/services/workspaces/weekly-summary";
import { toLocalDate } from "@atlas/time";
import { createTenantDb } from "@atlas/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";

const NOW = new Date("2026-03-09T10:00:00.000Z");
const clock = { now: () => NOW };
const WEEK = toLocalDate("2026-03-02");

let h: Harness;
let w: string;
let ada: string;
let ben: string;
let habitId: string;

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

beforeAll(async () => {
  h = await createHarness();
  const { admin } = h;
  const plan = await admin.workspace.findUniqueOrThrow({ where: { id: h.workspaceIds.demo } });
  w = (
    await admin.workspace.create({
      data: {
        name: "Gamma",
        slug: "gamma",
        defaultTimeZone: "Europe/Berlin",
        planId: plan.planId,
        entitlements: plan.entitlements ?? {},
      },
    })
  ).id;
  ada = (await admin.user.create({ data: { email: "ada@gamma.test", name: "Ada" } })).id;
  ben = (await admin.user.create({ data: { email: "ben@gamma.test", name: "Ben" } })).id;
  const joined = new Date("2026-02-01T00:00:00.000Z");
  await admin.membership.createMany({
    data: [
      { workspaceId: w, userId: ada, role: "member", createdAt: joined },
      { workspaceId: w, userId: ben, role: "member", createdAt: joined },
      { workspaceId: w, userId: h.userIds.coach, role: "coach", createdAt: joined },
    ],
  });

  // Ada: a daily 30-minute habit; Ben: an overdue task and a 600-minute task next Tuesday.
  const habit = await admin.habit.create({
    data: {
      workspaceId: w,
      memberId: ada,
      title: "Read",
      startDate: day("2026-02-01"),
      createdById: ada,
      createdAt: joined,
    },
  });
  habitId = habit.id;
  await admin.habitVersion.create({
    data: {
      workspaceId: w,
      habitId,
      effectiveFrom: day("2026-02-01"),
      schedule: "daily",
      durationMinutes: 30,
    },
  });
  for (const [title, due, estimate] of [
    ["Report", "2026-03-05", 60],
    ["Launch", "2026-03-10", 600],
  ] as const) {
    const task = await admin.task.create({
      data: { workspaceId: w, memberId: ben, title, createdById: ben, createdAt: joined },
    });
    await admin.taskVersion.create({
      data: {
        workspaceId: w,
        taskId: task.id,
        effectiveFrom: day("2026-02-01"),
        dueDate: day(due),
        estimateMinutes: estimate,
      },
    });
  }

  // Scores: score = round_half_up(100·num/den), as the database checks.
  const scores: [string, string, bigint, bigint, number][] = [
    [ada, "2026-02-23", 1n, 2n, 50],
    [ada, "2026-02-24", 7n, 10n, 70],
    [ada, "2026-03-02", 4n, 5n, 80],
    [ada, "2026-03-03", 3n, 5n, 60],
    [ben, "2026-03-02", 1n, 1n, 100],
    [ben, "2026-03-03", 9n, 10n, 90],
  ];
  await admin.memberDayScore.createMany({
    data: scores.map(([memberId, d, num, den, score]) => ({
      workspaceId: w,
      memberId,
      localDate: day(d),
      scoreNumerator: num,
      scoreDenominator: den,
      score,
      dueCount: 2,
      doneCount: 1,
      consistency: "0.5",
    })),
  });
  const states: [string, "met" | "missed" | "partial" | "skipped", number][] = [
    ["2026-03-02", "met", 1],
    ["2026-03-03", "met", 2],
    ["2026-03-04", "missed", 0],
    ["2026-03-05", "partial", 0],
    ["2026-03-06", "met", 1],
    ["2026-03-07", "skipped", 1],
    ["2026-03-08", "met", 2],
  ];
  await admin.habitDayValue.createMany({
    data: states.map(([d, state, streak]) => ({
      workspaceId: w,
      memberId: ada,
      habitId,
      localDate: day(d),
      state,
      streak,
    })),
  });
  // The Sunday checkpoint: 9 scored days, and a streak of 8 that broke on Wednesday.
  const broke = { localDate: "2026-03-04", length: 8 };
  await admin.memberDeriveCheckpoint.create({
    data: {
      workspaceId: w,
      memberId: ada,
      localDate: day("2026-03-08"),
      state: {
        version: 1,
        through: "2026-03-08",
        consistency: 0.5,
        lastRaw: { num: "3", den: "5" },
        scoredDays: 9,
        habits: {
          [habitId]: {
            strength: 0.4,
            streak: {
              streak: 2,
              bestStreak: 8,
              previous: "met",
              pendingRepair: null,
              lastRepairedDate: null,
              lastBreak: broke,
              lastLongBreak: broke,
            },
            week: null,
          },
        },
      },
    },
  });
  // Goals: one milestone done this week, one goal completed this week, one the week before.
  const goal = await admin.goal.create({
    data: { workspaceId: w, memberId: ada, title: "Fluent", createdById: ada },
  });
  await admin.milestone.create({
    data: { workspaceId: w, goalId: goal.id, position: 0, title: "A2", doneOn: day("2026-03-05") },
  });
  for (const at of ["2026-03-06T12:00:00.000Z", "2026-03-01T12:00:00.000Z"]) {
    const done = await admin.goal.create({
      data: { workspaceId: w, memberId: ada, title: "Done", status: "completed", createdById: ada },
    });
    await admin.$executeRaw`UPDATE "Goal" SET "updatedAt" = ${new Date(at)} WHERE id = ${done.id}`;
  }
});

afterAll(async () => {
  await h?.close();
});

const gammaOf = async (person: "coach" | "owner" | "priya") => {
  const list = await h.asAdmin(person, null, { clock }).week.list();
  return { list, gamma: list.find((s) => s.workspace.id === w) };
};

describe("week.list", () => {
  it("summarises the last finished week from the stored rows", async () => {
    const { gamma } = await gammaOf("coach");
    expect(gamma).toBeDefined();
    const s = gamma!;
    expect(s).toMatchObject({
      schemaVersion: 1,
      workspace: { id: w, name: "Gamma", timeZone: "Europe/Berlin" },
      weekStart: "2026-03-02",
      weekEnd: "2026-03-08",
      nextWeekStart: "2026-03-09",
      progress: {
        averageScore: 82.5,
        previousAverageScore: 60,
        habitsOnStreak: 1,
        occurrencesMet: 4,
        occurrencesFinished: 6,
        milestonesCompleted: 1,
        goalsCompleted: 1,
      },
      plans: {
        tasksDue: 1,
        habitOccurrences: 7,
        plannedMinutes: 810,
        capacityMinutes: 3 * 1800,
        overloadedMembers: 1,
      },
      problems: { flaggedMembers: 2, overdueTasks: 1, brokenStreaks: 1 },
    });
    expect(s.progress.scoreByDay.map((d) => d.averageScore)).toEqual([
      90,
      75,
      null,
      null,
      null,
      null,
      null,
    ]);
    const [a, b] = [ada, ben].map((id) => s.members.find((m) => m.memberId === id)!);
    expect(a).toMatchObject({
      name: "Ada",
      averageScore: 70,
      previousAverageScore: 60,
      scoredDays: 2,
      scoreByDay: [80, 60, null, null, null, null, null],
      tasksDue: 0,
      habitOccurrences: 7,
      plannedMinutes: 210,
      capacityMinutes: 1800,
      overloadedDays: [],
      // No entry at all on the last three days with something due; a streak of 8 broke.
      flags: ["inactive", "streak_broken"],
      riskScore: 25 + 15 + 5,
      overdueTasks: 0,
      brokenStreaks: [{ habitId, title: "Read", length: 8, localDate: "2026-03-04" }],
    });
    expect(b).toMatchObject({
      name: "Ben",
      averageScore: 95,
      previousAverageScore: null,
      tasksDue: 1,
      plannedMinutes: 600,
      overloadedDays: ["2026-03-10"],
      loadLevel: "critical",
      flags: ["overloaded"],
      riskScore: 25,
      overdueTasks: 1,
      brokenStreaks: [],
    });
  });

  it("stores one row per (workspace, week), reads it back, and the job's upsert replaces it", async () => {
    const where = { workspaceId: w, weekStart: day("2026-03-02") };
    expect(await h.admin.workspaceWeekSummary.count({ where: { workspaceId: w } })).toBe(1);
    // A stored row is what the page reads (not recomputed): mark it and see the mark.
    await h.admin.$executeRaw`UPDATE "WorkspaceWeekSummary"
      SET summary = jsonb_set(summary, '{workspace,name}', '"Gamma (stored)"')
      WHERE "workspaceId" = ${w}`;
    expect((await gammaOf("coach")).gamma!.workspace.name).toBe("Gamma (stored)");

    const bound = createTenantDb(h.app, { workspaceId: w, userId: null });
    const first = await summariseAndStoreWorkspaceWeek(bound, w, WEEK, NOW);
    const again = await summariseAndStoreWorkspaceWeek(bound, w, WEEK, NOW);
    expect(again).toEqual(first);
    expect(await h.admin.workspaceWeekSummary.count({ where: { workspaceId: w } })).toBe(1);
    const row = await h.admin.workspaceWeekSummary.findUniqueOrThrow({
      where: { workspaceId_weekStart: where },
    });
    expect(row.schemaVersion).toBe(1);
    expect(row.summary).toEqual(first);
  });

  it("a stored row of another schema version is recomputed", async () => {
    await h.admin.workspaceWeekSummary.updateMany({
      where: { workspaceId: w },
      data: { schemaVersion: 0, summary: { old: true } },
    });
    const { gamma } = await gammaOf("coach");
    expect(gamma!.workspace.name).toBe("Gamma");
    const row = await h.admin.workspaceWeekSummary.findFirstOrThrow({ where: { workspaceId: w } });
    expect(row.schemaVersion).toBe(1);
  });

  it("shows each person only the workspaces they coach, administer or own", async () => {
    const names = async (person: "coach" | "owner" | "priya") =>
      (await gammaOf(person)).list.map((s) => s.workspace.id).sort();
    expect(await names("coach")).toEqual([h.workspaceIds.demo, h.workspaceIds.second, w].sort());
    expect(await names("owner")).toEqual([h.workspaceIds.demo]);
    expect(await names("priya")).toEqual([h.workspaceIds.second]);
    const text = JSON.stringify((await gammaOf("priya")).list);
    for (const marker of [w, "Gamma", ada, "Ada", h.workspaceIds.demo]) {
      expect(text).not.toContain(marker);
    }
  });

  it("refuses a plain member, a member of gamma included", async () => {
    for (const who of ["nora", ada]) {
      const error = await rejectionOf(h.asAdmin(who, null, { clock }).week.list());
      expect(error.code).toBe("FORBIDDEN");
    }
  });

  it("refuses a week that does not start on a Monday", async () => {
    const bound = createTenantDb(h.app, { workspaceId: w, userId: null });
    const error = await rejectionOf(
      summariseAndStoreWorkspaceWeek(bound, w, toLocalDate("2026-03-03"), NOW),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});
