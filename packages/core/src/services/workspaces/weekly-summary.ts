/**
 * The weekly summary of a workspace (docs/domain.md "Weekly summary"): loaded from stored rows
 * over bounded windows (two weeks of day rows, one week of habit rows, the week's checkpoints, the
 * plans as they stand after the week), built by core's pure `buildWeekSummary`, stored per
 * (workspace, week) as an upsert. The weekly job and the console's on-demand fill share it.
 */
import { AppError, type DeriveState, type Role } from "@atlas/core";
import {
  buildWeekSummary,
  lastFinishedWeekStart,
  WEEK_SUMMARY_SCHEMA_VERSION,
  ZWorkspaceWeekSummary,
  type WeekInputs,
  type WorkspaceWeekSummary,
} from "@atlas/core/weekly-summary";
import { addDays, isoWeekday, localDayStart, type LocalDate } from "@atlas/time";
import { createTenantDb, Prisma, type Db, type TenantDb } from "@atlas/db";
import { checkpointsBefore } from "../derived/derived.ts";
import { loadMemberContexts } from "../derived/member-history.ts";
import type { DbTx } from "../shared/db.ts";
import { fromDbDate, toDbDate } from "../shared/db-date.ts";

export type { WorkspaceWeekSummary } from "@atlas/core/weekly-summary";

const countBy = (rows: readonly { memberId: string }[]) => {
  const counts = new Map<string, number>();
  for (const { memberId } of rows) counts.set(memberId, (counts.get(memberId) ?? 0) + 1);
  return counts;
};

/** Everything the summary reads, in one transaction; every query names the workspace. */
async function loadWeekInputs(
  tx: DbTx,
  workspaceId: string,
  weekStart: LocalDate,
  now: Date,
): Promise<WeekInputs> {
  const weekEnd = addDays(weekStart, 6);
  const nextWeekStart = addDays(weekStart, 7);
  const windowStart = addDays(weekStart, -7);
  const workspace = await tx.workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, name: true, defaultTimeZone: true },
  });
  if (workspace === null) throw new AppError("NOT_FOUND", "There is no such workspace.");
  const memberships = await tx.membership.findMany({
    where: { workspaceId, leftAt: null },
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
  });
  const memberIds = memberships.map((m) => m.userId);
  const days = await tx.memberDayScore.findMany({
    where: { workspaceId, localDate: { gte: toDbDate(windowStart), lte: toDbDate(weekEnd) } },
    select: {
      memberId: true,
      localDate: true,
      score: true,
      scoreNumerator: true,
      scoreDenominator: true,
      dueCount: true,
      consistency: true,
    },
  });
  const activeDays = await tx.executionEvent.findMany({
    where: {
      workspaceId,
      kind: { not: "undo" },
      localDate: { gte: toDbDate(windowStart), lte: toDbDate(weekEnd) },
    },
    distinct: ["memberId", "localDate"],
    select: { memberId: true, localDate: true },
  });
  const habitDays = await tx.habitDayValue.findMany({
    where: { workspaceId, localDate: { gte: toDbDate(weekStart), lte: toDbDate(weekEnd) } },
    select: { memberId: true, habitId: true, localDate: true, state: true, streak: true },
  });
  const checkpoints = await checkpointsBefore(
    tx,
    workspaceId,
    memberIds.map((memberId) => ({ memberId, before: nextWeekStart, notBefore: weekStart })),
  );
  const milestones = await tx.$queryRaw<{ memberId: string }[]>(Prisma.sql`
    SELECT g."memberId" FROM "Milestone" m
    JOIN "Goal" g ON g."workspaceId" = m."workspaceId" AND g.id = m."goalId"
    WHERE m."workspaceId" = ${workspaceId}
      AND m."doneOn" BETWEEN ${toDbDate(weekStart)}::date AND ${toDbDate(weekEnd)}::date`);
  // Goals keep no status history: a completed goal last changed during the week (in the
  // workspace's zone) counts as completed that week.
  const goals = await tx.goal.findMany({
    where: {
      workspaceId,
      status: "completed",
      updatedAt: {
        gte: localDayStart(weekStart, workspace.defaultTimeZone, 0),
        lt: localDayStart(nextWeekStart, workspace.defaultTimeZone, 0),
      },
    },
    select: { memberId: true },
  });
  const brokenHabitIds = [...checkpoints.values()].flatMap(({ state }) =>
    Object.entries(state.habits).flatMap(([id, track]) =>
      track.streak.lastBreak && track.streak.lastBreak.localDate >= weekStart ? [id] : [],
    ),
  );
  const habits = await tx.habit.findMany({
    where: { workspaceId, id: { in: brokenHabitIds } },
    select: { id: true, title: true },
  });
  // The plans as they stand after the week: the next week's load and the overdue.
  const contexts = await loadMemberContexts(tx, {
    workspaceId,
    memberIds,
    since: new Map(memberIds.map((id) => [id, weekEnd])),
  });

  return {
    workspace: { id: workspace.id, name: workspace.name, timeZone: workspace.defaultTimeZone },
    weekStart,
    computedAt: now,
    members: memberships.map((m) => ({
      memberId: m.userId,
      name: m.user.name || m.user.email,
      role: m.role as Role,
    })),
    days: days.map((d) => ({
      memberId: d.memberId,
      localDate: fromDbDate(d.localDate),
      score: d.score,
      scoreNumerator: d.scoreNumerator,
      scoreDenominator: d.scoreDenominator,
      dueCount: d.dueCount,
      consistency: d.consistency === null ? null : Number(d.consistency),
    })),
    activeDays: activeDays.map((a) => ({
      memberId: a.memberId,
      localDate: fromDbDate(a.localDate),
    })),
    habitDays: habitDays.map((h) => ({ ...h, localDate: fromDbDate(h.localDate) })),
    checkpoints: new Map<string, DeriveState>(
      [...checkpoints].map(([memberId, c]) => [memberId, c.state]),
    ),
    milestonesCompleted: countBy(milestones),
    goalsCompleted: countBy(goals),
    habitTitles: new Map(habits.map((h) => [h.id, h.title])),
    plans: new Map([...contexts].map(([memberId, c]) => [memberId, c.history])),
  };
}

/**
 * The summary of one workspace's ISO week (`weekStart`, a Monday). `db` reaches the workspace: a
 * client bound to it (the job) or the console's reach. Reads in one transaction, then builds.
 */
export async function summariseWorkspaceWeek(
  db: TenantDb,
  workspaceId: string,
  weekStart: LocalDate,
  now: Date,
): Promise<WorkspaceWeekSummary> {
  if (isoWeekday(weekStart) !== 1) {
    throw new AppError("BAD_REQUEST", `A week starts on a Monday; ${weekStart} is not one.`);
  }
  const inputs = await db.$transaction((tx) => loadWeekInputs(tx, workspaceId, weekStart, now), {
    isolationLevel: "RepeatableRead",
  });
  return buildWeekSummary(inputs);
}

/** Stores (or replaces) a summary; `db` is bound to its workspace. */
export async function storeWorkspaceWeek(
  db: TenantDb,
  summary: WorkspaceWeekSummary,
): Promise<void> {
  const key = {
    workspaceId: summary.workspace.id,
    weekStart: toDbDate(summary.weekStart),
  };
  const data = {
    schemaVersion: summary.schemaVersion,
    summary: summary as unknown as Prisma.InputJsonValue,
    computedAt: new Date(summary.computedAt),
  };
  await db.workspaceWeekSummary.upsert({
    where: { workspaceId_weekStart: key },
    create: { ...key, ...data },
    update: data,
  });
}

/** The weekly job's step: summarise as the app role bound to the workspace, then upsert. */
export async function summariseAndStoreWorkspaceWeek(
  db: TenantDb,
  workspaceId: string,
  weekStart: LocalDate,
  now: Date,
): Promise<WorkspaceWeekSummary> {
  const summary = await summariseWorkspaceWeek(db, workspaceId, weekStart, now);
  await storeWorkspaceWeek(db, summary);
  return summary;
}

/** A stored row's summary when it has the current shape; otherwise null (recompute). */
function readStored(row: { schemaVersion: number; summary: unknown }): WorkspaceWeekSummary | null {
  if (row.schemaVersion !== WEEK_SUMMARY_SCHEMA_VERSION) return null;
  const parsed = ZWorkspaceWeekSummary.safeParse(row.summary);
  return parsed.success ? parsed.data : null;
}

/**
 * The console's page: for each listed workspace (the caller coaches, administers or owns it), the
 * last ISO week finished in the workspace's zone. Read through the console's reach; a week not
 * stored yet is computed on demand and stored through a client bound to that workspace as the
 * caller (a member of it). Ordered by workspace name.
 */
export async function listWeekSummaries(input: {
  consoleDb: TenantDb;
  baseDb: Db;
  userId: string;
  workspaceIds: readonly string[];
  now: Date;
}): Promise<WorkspaceWeekSummary[]> {
  const { consoleDb, now } = input;
  const workspaceIds = [...new Set(input.workspaceIds)];
  if (workspaceIds.length === 0) return [];
  const { workspaces, stored } = await consoleDb.$transaction(async (tx) => {
    const workspaces = await tx.workspace.findMany({
      where: { id: { in: workspaceIds } },
      select: { id: true, name: true, defaultTimeZone: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const wanted = workspaces.map((w) => ({
      workspaceId: w.id,
      weekStart: toDbDate(lastFinishedWeekStart(now, w.defaultTimeZone)),
    }));
    const stored = await tx.workspaceWeekSummary.findMany({
      where: { OR: wanted },
      select: { workspaceId: true, schemaVersion: true, summary: true },
    });
    return { workspaces, stored };
  });
  const storedOf = new Map(stored.map((row) => [row.workspaceId, readStored(row)]));
  const summaries: WorkspaceWeekSummary[] = [];
  for (const w of workspaces) {
    const found = storedOf.get(w.id);
    if (found) {
      summaries.push(found);
      continue;
    }
    const weekStart = lastFinishedWeekStart(now, w.defaultTimeZone);
    const summary = await summariseWorkspaceWeek(consoleDb, w.id, weekStart, now);
    await storeWorkspaceWeek(
      createTenantDb(input.baseDb, { workspaceId: w.id, userId: input.userId }),
      summary,
    );
    summaries.push(summary);
  }
  return summaries;
}
