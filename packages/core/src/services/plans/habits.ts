/**
 * Habits (docs/domain.md "Plans of work"): the identity (title, goal, start date, archivedAt) on Habit,
 * what scoring reads (schedule, target, duration) as HabitVersion rows. An edit writes a version
 * in force from the OWNING member's local today, whoever edits, replacing one already dated that
 * day; earlier days keep the version they had.
 */
import {
  AppError,
  versionOn,
  type HabitSchedule,
  type HabitVersion,
  type TargetDirection,
} from "@atlas/core";
import { Prisma, type TenantDb } from "@atlas/db";
import { addDays, type LocalDate } from "@atlas/time";
import { HABIT_START_MAX_DAYS_AHEAD } from "../../bounds.ts";
import { resolveMember, todayOf, type Actor } from "../access/access.ts";
import { assertLinkableGoal } from "./goals.ts";
import type { StoredHabit } from "./plan-models.ts";
import { withIdempotencyIn } from "../shared/idempotency.ts";
import { pageFrom, pageSql, type Page } from "../shared/pagination.ts";
import type { TenantTx as Tx } from "@atlas/db";
import { fromDbDate, toDbDate } from "../shared/db-date.ts";
import { decimalToMilli, milliToDecimal, milliToNumber, toMilli } from "../shared/values.ts";
import {
  assertGoalChange,
  changePlan,
  changePlanIn,
  inForceFirst,
  ownedPlan,
  refreshFrom,
  writeVersion,
  type PlanModel,
} from "./versioned-plans.ts";

// ── Shapes ───────────────────────────────────────────────────────────────────────────────────

export type ScheduleIn =
  | { type: "daily" }
  | { type: "days_of_week"; daysOfWeek: number[] }
  | { type: "times_per_week"; timesPerWeek: number }
  | { type: "every_n_days"; everyNDays: number };

export type TargetIn = { value: number; unit: string; direction: TargetDirection };

export type HabitVersionOut = {
  effectiveFrom: string;
  schedule: ScheduleIn;
  target: TargetIn | null;
  durationMinutes: number;
};

export type HabitOut = {
  id: string;
  memberId: string;
  goalId: string | null;
  title: string;
  startDate: string;
  archivedAt: string | null;
  isArchived: boolean;
  /** The version in force on the owning member's today. */
  current: HabitVersionOut;
  /** Every version, oldest first. */
  versions: HabitVersionOut[];
  createdById: string;
  createdAt: string;
  updatedAt: string;
};

/** What a version holds, in the database's terms. */
type VersionData = {
  schedule: HabitSchedule;
  daysOfWeek: number[];
  timesPerWeek: number | null;
  everyNDays: number | null;
  targetMilli: number | null;
  targetUnit: string | null;
  targetDirection: TargetDirection | null;
  durationMinutes: number;
};

type StoredVersion = VersionData & { effectiveFrom: LocalDate };

export const HABIT_SELECT = {
  id: true,
  memberId: true,
  goalId: true,
  title: true,
  startDate: true,
  archivedAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  versions: {
    select: {
      effectiveFrom: true,
      schedule: true,
      daysOfWeek: true,
      timesPerWeek: true,
      everyNDays: true,
      targetValue: true,
      targetUnit: true,
      targetDirection: true,
      durationMinutes: true,
    },
    orderBy: { effectiveFrom: "asc" as const },
  },
} as const;

export type HabitRow = {
  id: string;
  memberId: string;
  goalId: string | null;
  title: string;
  startDate: Date;
  archivedAt: Date | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  versions: {
    effectiveFrom: Date;
    schedule: HabitSchedule;
    daysOfWeek: number[];
    timesPerWeek: number | null;
    everyNDays: number | null;
    targetValue: { toFixed(digits: number): string } | null;
    targetUnit: string | null;
    targetDirection: TargetDirection | null;
    durationMinutes: number;
  }[];
};

// ── Conversions ──────────────────────────────────────────────────────────────────────────────

function scheduleData(
  schedule: ScheduleIn,
): Pick<VersionData, "schedule" | "daysOfWeek" | "timesPerWeek" | "everyNDays"> {
  return {
    schedule: schedule.type,
    daysOfWeek:
      schedule.type === "days_of_week"
        ? [...new Set(schedule.daysOfWeek)].sort((a, b) => a - b)
        : [],
    timesPerWeek: schedule.type === "times_per_week" ? schedule.timesPerWeek : null,
    everyNDays: schedule.type === "every_n_days" ? schedule.everyNDays : null,
  };
}

function targetData(
  target: TargetIn | null,
): Pick<VersionData, "targetMilli" | "targetUnit" | "targetDirection"> {
  return target === null
    ? { targetMilli: null, targetUnit: null, targetDirection: null }
    : {
        targetMilli: toMilli(target.value),
        targetUnit: target.unit,
        targetDirection: target.direction,
      };
}

function storedVersions(row: HabitRow): StoredVersion[] {
  return row.versions.map((v) => ({
    effectiveFrom: fromDbDate(v.effectiveFrom),
    schedule: v.schedule,
    daysOfWeek: v.daysOfWeek,
    timesPerWeek: v.timesPerWeek,
    everyNDays: v.everyNDays,
    targetMilli: v.targetValue === null ? null : decimalToMilli(v.targetValue),
    targetUnit: v.targetUnit,
    targetDirection: v.targetDirection,
    durationMinutes: v.durationMinutes,
  }));
}

function scheduleOut(v: VersionData): ScheduleIn {
  switch (v.schedule) {
    case "daily":
      return { type: "daily" };
    case "days_of_week":
      return { type: "days_of_week", daysOfWeek: v.daysOfWeek };
    case "times_per_week":
      return { type: "times_per_week", timesPerWeek: v.timesPerWeek ?? 1 };
    case "every_n_days":
      return { type: "every_n_days", everyNDays: v.everyNDays ?? 2 };
  }
}

function versionOut(v: StoredVersion): HabitVersionOut {
  return {
    effectiveFrom: v.effectiveFrom,
    schedule: scheduleOut(v),
    target:
      v.targetMilli === null || v.targetUnit === null || v.targetDirection === null
        ? null
        : { value: milliToNumber(v.targetMilli), unit: v.targetUnit, direction: v.targetDirection },
    durationMinutes: v.durationMinutes,
  };
}

function coreVersion(v: StoredVersion): HabitVersion {
  return {
    effectiveFrom: v.effectiveFrom,
    schedule: v.schedule,
    daysOfWeek: v.daysOfWeek,
    timesPerWeek: v.timesPerWeek,
    everyNDays: v.everyNDays,
    target:
      v.targetMilli === null || v.targetDirection === null
        ? null
        : { valueMilli: v.targetMilli, direction: v.targetDirection },
    durationMinutes: v.durationMinutes,
  };
}

/** The habit as it is stored, for plan-models.ts's `habitModel`. */
export function storedHabit(row: HabitRow): StoredHabit {
  return {
    id: row.id,
    startDate: fromDbDate(row.startDate),
    archivedAt: row.archivedAt,
    versions: storedVersions(row).map(coreVersion),
  };
}

export function habitOut(row: HabitRow, today: LocalDate): HabitOut {
  const versions = storedVersions(row);
  const current = versionOn(versions, today) ?? versions[0];
  if (current === undefined) throw new Error(`habit ${row.id} has no version`);
  return {
    id: row.id,
    memberId: row.memberId,
    goalId: row.goalId,
    title: row.title,
    startDate: fromDbDate(row.startDate),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    isArchived: row.archivedAt !== null,
    current: versionOut(current),
    versions: versions.map(versionOut),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function versionColumns(v: VersionData) {
  return {
    schedule: v.schedule,
    daysOfWeek: v.daysOfWeek,
    timesPerWeek: v.timesPerWeek,
    everyNDays: v.everyNDays,
    targetValue: v.targetMilli === null ? null : milliToDecimal(v.targetMilli),
    targetUnit: v.targetUnit,
    targetDirection: v.targetDirection,
    durationMinutes: v.durationMinutes,
  };
}

const sameVersion = (a: VersionData, b: VersionData) =>
  a.schedule === b.schedule &&
  a.daysOfWeek.join() === b.daysOfWeek.join() &&
  a.timesPerWeek === b.timesPerWeek &&
  a.everyNDays === b.everyNDays &&
  a.targetMilli === b.targetMilli &&
  a.targetUnit === b.targetUnit &&
  a.targetDirection === b.targetDirection &&
  a.durationMinutes === b.durationMinutes;

// ── Reads ────────────────────────────────────────────────────────────────────────────────────

/** A habit the actor may read or write, with its owner; another workspace's is not found. */
export async function habitFor(tx: Tx, actor: Actor, habitId: string, intent: "read" | "write") {
  // The workspace filter is explicit: the console's client reaches several workspaces.
  const row = await tx.habit.findUnique({
    where: { id: habitId, workspaceId: actor.workspaceId },
    select: HABIT_SELECT,
  });
  return ownedPlan(tx, actor, "habit", row as HabitRow | null, intent);
}

async function readHabit(tx: Tx, habitId: string, today: LocalDate): Promise<HabitOut> {
  const row = await tx.habit.findUniqueOrThrow({ where: { id: habitId }, select: HABIT_SELECT });
  return habitOut(row as HabitRow, today);
}

const HABIT_PLAN: PlanModel<HabitRow, HabitOut, VersionData, ReturnType<typeof versionColumns>> = {
  noun: "habit",
  find: habitFor,
  read: readHabit,
  touch: (tx, habitId, data) => tx.habit.update({ where: { id: habitId }, data }),
  upsertVersion: (tx, { planId, ...at }, columns) => {
    const key = { ...at, habitId: planId };
    return tx.habitVersion.upsert({
      where: { workspaceId_habitId_effectiveFrom: key },
      create: { ...key, ...columns },
      update: columns,
    });
  },
  columns: versionColumns,
  sameVersion,
};

export async function getHabit(
  db: TenantDb,
  actor: Actor,
  now: Date,
  habitId: string,
): Promise<HabitOut> {
  return db.$transaction(async (tx) => {
    const { row, owner } = await habitFor(tx, actor, habitId, "read");
    return habitOut(row, todayOf(owner, now));
  });
}

export interface ListHabitsInput {
  memberId?: string;
  includeArchived: boolean;
  /** A goal's id, or null for habits without a goal. */
  goalId?: string | null;
  /** Schedule types of the version in force today. */
  schedule?: HabitSchedule[];
  cursor?: string;
  limit: number;
}

/** A page of the member's habits, the schedule in force today filtered in the database. */
export async function listHabits(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: ListHabitsInput,
): Promise<Page<HabitOut>> {
  const { today, rows } = await db.$transaction(async (tx) => {
    const member = await resolveMember(tx, actor, input.memberId, "read");
    const today = todayOf(member, now);
    const page = pageSql(Prisma.raw("h.id"), input.cursor, input.limit);
    const ids = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT h.id FROM "Habit" h
      CROSS JOIN LATERAL (
        SELECT v.schedule::text AS schedule FROM "HabitVersion" v
        WHERE v."workspaceId" = h."workspaceId" AND v."habitId" = h.id
        ${inForceFirst(today)}
        LIMIT 1) v
      WHERE h."workspaceId" = ${actor.workspaceId} AND h."memberId" = ${member.userId}
        AND ${page.after}
        AND (${input.includeArchived} OR h."archivedAt" IS NULL)
        AND (${input.goalId === undefined} OR h."goalId" IS NOT DISTINCT FROM ${input.goalId ?? null})
        AND (${input.schedule ?? null}::text[] IS NULL
             OR v.schedule = ANY(${input.schedule ?? null}::text[]))
      ${page.orderAndLimit}`);
    const rows = (await tx.habit.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      orderBy: { id: "asc" },
      select: HABIT_SELECT,
    })) as HabitRow[];
    return { today, rows };
  });
  return pageFrom(
    rows.map((r) => habitOut(r, today)),
    input.limit,
    (h) => h.id,
  );
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────

export interface CreateHabitInput {
  memberId?: string;
  idempotencyKey: string;
  title: string;
  goalId: string | null;
  schedule: ScheduleIn;
  target: TargetIn | null;
  durationMinutes: number;
  startDate: LocalDate | null;
}

/** A new habit, starting on the owning member's today or later, its first version from today. */
export async function createHabit(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: CreateHabitInput,
): Promise<HabitOut> {
  return db.$transaction((tx) => createHabitIn(tx, actor, now, input));
}

/** createHabit inside the caller's transaction (accepting an AI suggestion creates several). */
export async function createHabitIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: CreateHabitInput,
): Promise<HabitOut> {
  const { idempotencyKey, ...body } = input;
  return withIdempotencyIn(
    tx,
    {
      workspaceId: actor.workspaceId,
      key: idempotencyKey,
      scope: "habit.create",
      actorId: actor.userId,
      body: { ...body, memberId: input.memberId ?? actor.userId },
    },
    async (tx) => {
      const member = await resolveMember(tx, actor, input.memberId, "write");
      if (input.goalId !== null) await assertLinkableGoal(tx, member.userId, input.goalId);
      const today = todayOf(member, now);
      const startDate = input.startDate ?? today;
      if (startDate < today || startDate > addDays(today, HABIT_START_MAX_DAYS_AHEAD)) {
        throw new AppError(
          "BAD_REQUEST",
          "Start date must be today or later, at most a year ahead.",
          { field: "startDate" },
        );
      }
      const version: VersionData = {
        ...scheduleData(input.schedule),
        ...targetData(input.target),
        durationMinutes: input.durationMinutes,
      };
      const habit = await tx.habit.create({
        data: {
          workspaceId: actor.workspaceId,
          memberId: member.userId,
          goalId: input.goalId,
          title: input.title,
          startDate: toDbDate(startDate),
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
          versions: {
            create: {
              effectiveFrom: toDbDate(today),
              ...versionColumns(version),
            },
          },
        },
        select: HABIT_SELECT,
      });
      await refreshFrom(tx, actor.workspaceId, member.userId, today, now);
      return habitOut(habit as HabitRow, today);
    },
  );
}

export interface UpdateHabitInput {
  habitId: string;
  title?: string;
  goalId?: string | null;
  schedule?: ScheduleIn;
  target?: TargetIn | null;
  durationMinutes?: number;
}

/**
 * Title and goal change in place; a change of schedule, target or duration writes the version in
 * force from the owner's today (replacing today's if there is one). A change equal to what is in
 * force writes nothing.
 */
export async function updateHabit(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: UpdateHabitInput,
): Promise<HabitOut> {
  return db.$transaction((tx) => updateHabitIn(tx, actor, now, input));
}

/** updateHabit inside the caller's transaction (the console audits a coach's edit in it). */
export async function updateHabitIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: UpdateHabitInput,
): Promise<HabitOut> {
  return changePlanIn(tx, actor, now, HABIT_PLAN, input.habitId, async (tx, row, today) => {
    await assertGoalChange(tx, row, input.goalId);
    if (input.title !== undefined || input.goalId !== undefined) {
      await tx.habit.update({
        where: { id: row.id },
        data: { title: input.title, goalId: input.goalId, updatedAt: now },
      });
    }
    await writeVersion(tx, actor, now, HABIT_PLAN, row, today, storedVersions(row), (base) => ({
      ...base,
      ...(input.schedule === undefined ? {} : scheduleData(input.schedule)),
      ...(input.target === undefined ? {} : targetData(input.target)),
      ...(input.durationMinutes === undefined ? {} : { durationMinutes: input.durationMinutes }),
    }));
  });
}

/** Archives a habit from the owner's today on (nothing due from then). Idempotent. */
export async function archiveHabit(
  db: TenantDb,
  actor: Actor,
  now: Date,
  habitId: string,
): Promise<HabitOut> {
  return changePlan(db, actor, now, HABIT_PLAN, habitId, "archive");
}
