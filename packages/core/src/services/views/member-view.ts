/**
 * What the member read models (Today, the dashboard, a habit's history) share: one member's
 * history loaded as the tenant client sees it, in one snapshot, and the engine's values in the
 * shapes the screens read.
 *
 * A read is "as of now" (docs/domain.md "Closing the day"), but only its open days are derived: it
 * resumes from the member's latest checkpoint before today (the engine's state at the end of a
 * finished day) with the history after it, and takes the closed days' values from the stored rows.
 * Each read loads in one short transaction and derives after it has committed, so no pooled
 * connection waits on the engine.
 */
import {
  AppError,
  fractionToNumber,
  type AtRiskReason,
  type DayLoad,
  type Fraction,
  type HabitRisk,
  type LoadLevel,
  type MemberResume,
  type Milli,
} from "@atlas/core";
import { Prisma, type TenantDb, type TenantTx as Tx } from "@atlas/db";
import { addDays, timeSettingOn, type LocalDate } from "@atlas/time";
import { checkpointsBefore } from "../derived/derived.ts";
import { readMemberDayRows } from "../derived/derived-rows.ts";
import { loadClocks, loadMemberContexts, type MemberContext } from "../derived/member-history.ts";
import { HABIT_SELECT, habitOut, type HabitOut, type HabitRow } from "../plans/habits.ts";
import { TASK_SELECT, type TaskRow } from "../plans/tasks.ts";
import { milliToNumber } from "../shared/values.ts";
import type { Actor } from "../access/access.ts";

/**
 * Whose screens a read shows: a member (`userId`) of a workspace, with the workspace's
 * entitlement snapshot (the skip allowance, the chart history). The caller's own Actor is one;
 * the console passes the member it drills into. Every query filters by the workspace explicitly:
 * the console's client reaches several.
 */
export type ViewedMember = Pick<Actor, "workspaceId" | "userId" | "entitlements">;

/** A member's history as a read needs it, and their local day at the request's instant. */
export interface MemberSnapshot {
  /** After a checkpoint, only what the days after it read. */
  context: MemberContext;
  today: LocalDate;
  timeZone: string;
  /** The checkpoint and the window's stored closed days; undefined: the whole history. */
  resume: MemberResume | undefined;
}

/**
 * Runs `read` in one transaction that sees one snapshot of the database (REPEATABLE READ), so the
 * history, the rows, the names and the skip counts it reads agree with each other.
 */
export function inSnapshot<T>(db: TenantDb, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(read, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
}

/** Loads the member for a read of the day rows of the last `days` days (today included). */
export async function loadSnapshot(
  tx: Tx,
  workspaceId: string,
  memberId: string,
  now: Date,
  days = 1,
): Promise<MemberSnapshot> {
  const clock = (await loadClocks(tx, { workspaceId, memberIds: [memberId] }, now)).get(memberId);
  if (clock === undefined) {
    throw new AppError("NOT_FOUND", "There is no such member in this workspace.");
  }
  const { today } = clock;
  const checkpoint = (
    await checkpointsBefore(tx, workspaceId, [
      { memberId, before: today, notBefore: clock.firstDay },
    ])
  ).get(memberId);
  const since = checkpoint === undefined ? undefined : new Map([[memberId, checkpoint.localDate]]);
  const context = (await loadMemberContexts(tx, { workspaceId, memberIds: [memberId], since })).get(
    memberId,
  )!;
  const resume =
    checkpoint === undefined
      ? undefined
      : {
          start: checkpoint.state,
          closedDays: await readMemberDayRows(
            tx,
            { workspaceId, memberId },
            { from: addDays(today, 1 - days), to: checkpoint.localDate },
          ),
        };
  const timeZone = timeSettingOn(clock.timeSettings, today)?.timeZone ?? "UTC";
  return { context, today, timeZone, resume };
}

/** Habits by id, as habit.get returns them as of `today`. */
export async function habitsById(
  tx: Tx,
  ids: Iterable<string>,
  today: LocalDate,
): Promise<Map<string, HabitOut>> {
  const rows = (await tx.habit.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: HABIT_SELECT,
  })) as HabitRow[];
  return new Map(rows.map((row) => [row.id, habitOut(row, today)]));
}

export async function taskTitles(tx: Tx, ids: Iterable<string>): Promise<Map<string, string>> {
  const rows = await tx.task.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, title: true },
  });
  return new Map(rows.map((row) => [row.id, row.title]));
}

export async function taskRowsById(tx: Tx, ids: Iterable<string>): Promise<Map<string, TaskRow>> {
  const rows = (await tx.task.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: TASK_SELECT,
  })) as TaskRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

// ── Output shapes ────────────────────────────────────────────────────────────────────────────

/** A logged amount as exact decimal text ("12.5"). */
export const valueText = (milli: Milli): string => String(milliToNumber(milli));

/** Strength, consistency, completion and ratios: 4 decimals, half up. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export const completionOut = (c: Fraction | null): number | null =>
  c === null ? null : round4(fractionToNumber(c));

/** A measurable target as the screens show it: the value as exact decimal text ("12.5"). */
export interface ViewTarget {
  value: string;
  unit: string;
  direction: "at_least" | "at_most";
}

/** One day's load against capacity as the screens show it. */
export interface DayLoadOut {
  /** Rounded half up to whole minutes (times_per_week habits add duration·N/7). */
  loadMinutes: number;
  capacityMinutes: number;
  /** load / capacity, 4 decimals; null on a day with capacity 0. */
  ratio: number | null;
  level: LoadLevel;
}

/** A habit at risk with what the card needs to say what to do (docs/domain.md "At risk"). */
export interface AtRiskHabitOut {
  habitId: string;
  name: string;
  /** Today's schedule: the streak's unit follows it. */
  schedule: HabitOut["current"]["schedule"]["type"];
  reasons: AtRiskReason[];
  /** The streak a check-in today keeps. */
  streak: number;
  /** The miss waiting for repair (a week: its Monday) and the met occurrences it still needs. */
  repair: { date: string; occurrencesLeft: number } | null;
  /** times_per_week: met days this week (today included), N − skips, days left with today. */
  week: { met: number; needed: number; daysLeft: number } | null;
}

/** A habit version's target with its value as decimal text. */
export function targetOut(target: HabitOut["current"]["target"]): ViewTarget | null {
  return target === null ? null : { ...target, value: String(target.value) };
}

/** Minutes rounded half up to whole minutes (times_per_week habits add duration·N/7). */
export function dayLoadOut(day: DayLoad): DayLoadOut {
  return {
    loadMinutes: Math.round(day.loadMinutes),
    capacityMinutes: day.capacityMinutes,
    ratio: day.ratio === null ? null : round4(day.ratio),
    level: day.level,
  };
}

export function atRiskOut(
  risks: readonly HabitRisk[],
  habits: ReadonlyMap<string, HabitOut>,
): AtRiskHabitOut[] {
  return risks.map((r) => {
    // The read loads every habit of the history, so each at-risk one is there.
    const habit = habits.get(r.habitId)!;
    return {
      habitId: r.habitId,
      name: habit.title,
      schedule: habit.current.schedule.type,
      reasons: r.reasons,
      streak: r.streak,
      repair:
        r.repair === null
          ? null
          : { date: r.repair.localDate, occurrencesLeft: r.repair.occurrencesLeft },
      week: r.week,
    };
  });
}
