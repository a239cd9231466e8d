/**
 * The engine's rows as the columns of MemberDayScore and HabitDayValue, and the set-based writes
 * that store them (one statement per table, whatever the number of rows).
 */
import { Prisma } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import type { HabitDayRow, MemberDayRow } from "../../derive/derive-member.ts";
import type { Fraction } from "../../model.ts";
import type { DbTx } from "../shared/db.ts";
import { toDbDate } from "../shared/db-date.ts";

/** A stored member day, in comparable form (decimals as their column text). */
export interface MemberDayValues {
  localDate: LocalDate;
  scoreNumerator: string | null;
  scoreDenominator: string | null;
  score: number | null;
  dueCount: number;
  doneCount: number;
  consistency: string | null;
  isRecovering: boolean;
  loadMinutes: number;
  capacityMinutes: number;
}

/** A stored habit day, in comparable form. */
export interface HabitDayValues {
  habitId: string;
  localDate: LocalDate;
  completion: string | null;
  strength: string;
  streak: number;
  state: HabitDayRow["state"];
  isPendingRepair: boolean;
}

/** `value` as the text of a Decimal(p, places) in [0, 1]: float in, half-up on its decimal text. */
function unitDecimal(value: number, places: number): string {
  const clamped = Math.min(1, Math.max(0, value));
  return clamped.toFixed(places);
}

/** An exact fraction in [0, 1] rounded half up to `places` decimals, with integer arithmetic. */
export function fractionDecimal(f: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const num = f.num > f.den ? f.den : f.num < 0n ? 0n : f.num;
  const scaled = (2n * num * scale + f.den) / (2n * f.den);
  const whole = scaled / scale;
  const rest = (scaled % scale).toString().padStart(places, "0");
  return `${whole}.${rest}`;
}

export function memberDayValues(row: MemberDayRow): MemberDayValues {
  return {
    localDate: row.localDate,
    scoreNumerator: row.scoreNumerator === null ? null : row.scoreNumerator.toString(),
    scoreDenominator: row.scoreDenominator === null ? null : row.scoreDenominator.toString(),
    score: row.score,
    dueCount: row.dueCount,
    doneCount: row.doneCount,
    consistency: row.consistency === null ? null : unitDecimal(row.consistency, 5),
    isRecovering: row.isRecovering,
    // The engine's load may carry sevenths (duration·N/7 of a times_per_week habit): the column
    // holds whole minutes, rounded half up.
    loadMinutes: Math.round(row.loadMinutes),
    capacityMinutes: row.capacityMinutes,
  };
}

export function habitDayValues(row: HabitDayRow): HabitDayValues {
  return {
    habitId: row.habitId,
    localDate: row.localDate,
    completion: row.completion === null ? null : fractionDecimal(row.completion, 5),
    strength: unitDecimal(row.strength, 7),
    streak: row.streak,
    state: row.state,
    isPendingRepair: row.isPendingRepair,
  };
}

interface Scope {
  workspaceId: string;
  memberId: string;
}

/** A member's rows to store, and which of its days must be rewritten. */
export interface MemberRows {
  memberId: string;
  memberDays: readonly MemberDayValues[];
  habitDays: readonly HabitDayValues[];
}

/** Upserts member days of any number of members; closedAt is never touched here. */
export async function upsertMemberDays(
  tx: DbTx,
  workspaceId: string,
  members: readonly MemberRows[],
) {
  const rows = members.flatMap((m) => m.memberDays.map((r) => ({ memberId: m.memberId, ...r })));
  if (rows.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "MemberDayScore" ("workspaceId", "memberId", "localDate", "scoreNumerator",
      "scoreDenominator", "score", "dueCount", "doneCount", "consistency", "isRecovering",
      "loadMinutes", "capacityMinutes", "computedAt")
    SELECT ${workspaceId}, t.m, t.d::date, t.n::bigint, t.den::bigint, t.s,
           t.due, t.done, t.c::numeric, t.r, t.load, t.cap, now()
    FROM unnest(${rows.map((r) => r.memberId)}::text[],
                ${rows.map((r) => r.localDate)}::text[],
                ${rows.map((r) => r.scoreNumerator)}::text[],
                ${rows.map((r) => r.scoreDenominator)}::text[],
                ${rows.map((r) => r.score)}::int[],
                ${rows.map((r) => r.dueCount)}::int[],
                ${rows.map((r) => r.doneCount)}::int[],
                ${rows.map((r) => r.consistency)}::text[],
                ${rows.map((r) => r.isRecovering)}::boolean[],
                ${rows.map((r) => r.loadMinutes)}::int[],
                ${rows.map((r) => r.capacityMinutes)}::int[])
         AS t(m, d, n, den, s, due, done, c, r, load, cap)
    ON CONFLICT ("workspaceId", "memberId", "localDate") DO UPDATE SET
      "scoreNumerator" = EXCLUDED."scoreNumerator",
      "scoreDenominator" = EXCLUDED."scoreDenominator",
      "score" = EXCLUDED."score",
      "dueCount" = EXCLUDED."dueCount",
      "doneCount" = EXCLUDED."doneCount",
      "consistency" = EXCLUDED."consistency",
      "isRecovering" = EXCLUDED."isRecovering",
      "loadMinutes" = EXCLUDED."loadMinutes",
      "capacityMinutes" = EXCLUDED."capacityMinutes",
      "computedAt" = EXCLUDED."computedAt"`);
}

export async function upsertHabitDays(
  tx: DbTx,
  workspaceId: string,
  members: readonly MemberRows[],
) {
  const rows = members.flatMap((m) => m.habitDays.map((r) => ({ memberId: m.memberId, ...r })));
  if (rows.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "HabitDayValue" ("workspaceId", "memberId", "habitId", "localDate", "completion",
      "strength", "streak", "state", "isPendingRepair", "computedAt")
    SELECT ${workspaceId}, t.m, t.h, t.d::date, t.c::numeric, t.s::numeric,
           t.streak, t.state::"HabitDayState", t.p, now()
    FROM unnest(${rows.map((r) => r.memberId)}::text[],
                ${rows.map((r) => r.habitId)}::text[],
                ${rows.map((r) => r.localDate)}::text[],
                ${rows.map((r) => r.completion)}::text[],
                ${rows.map((r) => r.strength)}::text[],
                ${rows.map((r) => r.streak)}::int[],
                ${rows.map((r) => r.state)}::text[],
                ${rows.map((r) => r.isPendingRepair)}::boolean[])
         AS t(m, h, d, c, s, streak, state, p)
    ON CONFLICT ("workspaceId", "habitId", "localDate") DO UPDATE SET
      "completion" = EXCLUDED."completion",
      "strength" = EXCLUDED."strength",
      "streak" = EXCLUDED."streak",
      "state" = EXCLUDED."state",
      "isPendingRepair" = EXCLUDED."isPendingRepair",
      "computedAt" = EXCLUDED."computedAt"`);
}

/**
 * Removes habit days the derivation no longer produces: the engine writes a habit's day exactly
 * on [startDate, archivedFrom), and a member day for every day of a range, so the only rows that
 * can fall out are an archived habit's from its archive day on (archived today after today's row
 * was written "as of now").
 */
export async function deleteArchivedHabitDays(
  tx: DbTx,
  workspaceId: string,
  archived: readonly { habitId: string; archivedFrom: LocalDate }[],
) {
  if (archived.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "HabitDayValue" v
    USING unnest(${archived.map((a) => a.habitId)}::text[],
                 ${archived.map((a) => a.archivedFrom)}::date[]) AS a(h, f)
    WHERE v."workspaceId" = ${workspaceId} AND v."habitId" = a.h AND v."localDate" >= a.f`);
}

const MEMBER_DAY_SELECT = {
  localDate: true,
  scoreNumerator: true,
  scoreDenominator: true,
  score: true,
  dueCount: true,
  doneCount: true,
  consistency: true,
  isRecovering: true,
  loadMinutes: true,
  capacityMinutes: true,
} as const;

const HABIT_DAY_SELECT = {
  habitId: true,
  localDate: true,
  completion: true,
  strength: true,
  streak: true,
  state: true,
  isPendingRepair: true,
} as const;

const dateText = (d: Date) => d.toISOString().slice(0, 10) as LocalDate;

/**
 * The member's stored day rows of [from, to] in the engine's form (the reads' closed days):
 * consistency as its 5-decimal column, load in whole minutes.
 */
export async function readMemberDayRows(
  tx: DbTx,
  scope: Scope,
  range: { from: LocalDate; to: LocalDate },
): Promise<MemberDayRow[]> {
  if (range.to < range.from) return [];
  const rows = await tx.memberDayScore.findMany({
    where: {
      workspaceId: scope.workspaceId,
      memberId: scope.memberId,
      localDate: { gte: toDbDate(range.from), lte: toDbDate(range.to) },
    },
    select: MEMBER_DAY_SELECT,
    orderBy: { localDate: "asc" },
  });
  return rows.map((r) => ({
    localDate: dateText(r.localDate),
    scoreNumerator: r.scoreNumerator,
    scoreDenominator: r.scoreDenominator,
    score: r.score,
    dueCount: r.dueCount,
    doneCount: r.doneCount,
    consistency: r.consistency === null ? null : r.consistency.toNumber(),
    isRecovering: r.isRecovering,
    loadMinutes: r.loadMinutes,
    capacityMinutes: r.capacityMinutes,
  }));
}

/** The member's stored rows in comparable form, ascending (tests, benchmarks, reads). */
export async function readStoredRows(
  tx: DbTx,
  scope: Scope,
): Promise<{ memberDays: MemberDayValues[]; habitDays: HabitDayValues[]; closed: LocalDate[] }> {
  const days = await tx.memberDayScore.findMany({
    where: { workspaceId: scope.workspaceId, memberId: scope.memberId },
    select: { ...MEMBER_DAY_SELECT, closedAt: true },
    orderBy: { localDate: "asc" },
  });
  const habitDays = await tx.habitDayValue.findMany({
    where: { workspaceId: scope.workspaceId, memberId: scope.memberId },
    select: HABIT_DAY_SELECT,
    orderBy: [{ localDate: "asc" }, { habitId: "asc" }],
  });
  return {
    memberDays: days.map((r) => ({
      localDate: dateText(r.localDate),
      scoreNumerator: r.scoreNumerator === null ? null : r.scoreNumerator.toString(),
      scoreDenominator: r.scoreDenominator === null ? null : r.scoreDenominator.toString(),
      score: r.score,
      dueCount: r.dueCount,
      doneCount: r.doneCount,
      consistency: r.consistency === null ? null : r.consistency.toFixed(5),
      isRecovering: r.isRecovering,
      loadMinutes: r.loadMinutes,
      capacityMinutes: r.capacityMinutes,
    })),
    habitDays: habitDays.map((r) => ({
      habitId: r.habitId,
      localDate: dateText(r.localDate),
      completion: r.completion === null ? null : r.completion.toFixed(5),
      strength: r.strength.toFixed(7),
      streak: r.streak,
      state: r.state,
      isPendingRepair: r.isPendingRepair,
    })),
    closed: days.filter((r) => r.closedAt !== null).map((r) => dateText(r.localDate)),
  };
}
