/**
 * What habits and tasks share as versioned plans of work (docs/domain.md "Plans of work"): an edit
 * writes a version in force from the OWNING member's local today, replacing one already dated
 * that day, and writes nothing when it changes nothing; archiving counts from the owner's today.
 * Every write refreshes the owner's derived data from the first day it touches.
 */
import { AppError, versionOn } from "@atlas/core";
import { refreshDerived } from "../derived/derived.ts";
import { Prisma, type TenantDb, type TenantTx as Tx } from "@atlas/db";
import { addDays, type LocalDate } from "@atlas/time";
import { assertMayActFor, loadMember, todayOf, type Actor, type Member } from "../access/access.ts";
import { assertLinkableGoal } from "./goals.ts";
import { lockName } from "../shared/locks.ts";
import { toDbDate } from "../shared/db-date.ts";

/**
 * In SQL, the order of a plan's versions (alias `v`) that puts first the one its service reads as
 * current on `today`: the version in force, else the first (versionOn(…) ?? versions[0]).
 */
export function inForceFirst(today: LocalDate): Prisma.Sql {
  return Prisma.sql`ORDER BY v."effectiveFrom" <= ${today}::date DESC,
    CASE WHEN v."effectiveFrom" <= ${today}::date THEN v."effectiveFrom" END DESC,
    v."effectiveFrom"`;
}

/** The identity fields every plan's row has. */
export type PlanRow = {
  id: string;
  memberId: string;
  goalId: string | null;
  archivedAt: Date | null;
};

/** Where a version row sits: the plan's workspace, the plan and the day it is in force from. */
export type VersionKey = { workspaceId: string; planId: string; effectiveFrom: Date };

/**
 * One kind of plan, as the shared flows use it: Row is its stored row, Out what its service
 * returns, V what a version holds (without its date) and C that version as database columns.
 */
export interface PlanModel<Row extends PlanRow, Out, V, C> {
  noun: "habit" | "task";
  /** The plan the actor may read or write, with its owner; another workspace's is not found. */
  find(tx: Tx, actor: Actor, planId: string, intent: "write"): Promise<{ row: Row; owner: Member }>;
  /** The plan as its service returns it, as of the owner's today. */
  read(tx: Tx, planId: string, today: LocalDate): Promise<Out>;
  /** Sets the plan's archivedAt and updatedAt. */
  touch(tx: Tx, planId: string, data: { updatedAt: Date; archivedAt?: Date }): Promise<unknown>;
  /** Writes the version at key, replacing one already there. */
  upsertVersion(tx: Tx, key: VersionKey, columns: C): Promise<unknown>;
  columns(version: V): C;
  sameVersion(a: V, b: V): boolean;
}

/** The plan the actor may read or write, with its owner; another workspace's is not found. */
export async function ownedPlan<Row extends PlanRow>(
  tx: Tx,
  actor: Actor,
  noun: "habit" | "task",
  row: Row | null,
  intent: "read" | "write",
): Promise<{ row: Row; owner: Member }> {
  if (!row) throw new AppError("NOT_FOUND", `There is no such ${noun}.`);
  assertMayActFor(actor, row.memberId, intent);
  const owner = await loadMember(tx, actor.workspaceId, row.memberId);
  return { row, owner };
}

/** Brings the owner's derived data up to date from fromDate on. */
export async function refreshFrom(
  tx: Tx,
  workspaceId: string,
  memberId: string,
  fromDate: LocalDate,
  now: Date,
): Promise<void> {
  await refreshDerived(tx, { workspaceId, memberId, fromDate, now });
}

/** A new goal for the plan must be one its owner may link to. */
export async function assertGoalChange(
  tx: Tx,
  row: PlanRow,
  goalId: string | null | undefined,
): Promise<void> {
  if (goalId !== undefined && goalId !== null && goalId !== row.goalId) {
    await assertLinkableGoal(tx, row.memberId, goalId);
  }
}

/**
 * Changes a plan, locked for writing, and returns it as read afterwards. "archive" archives it
 * from the owner's today on (idempotent); an edit runs as of the owner's today on a plan not
 * archived.
 */
export function changePlan<Row extends PlanRow, Out, V, C>(
  db: TenantDb,
  actor: Actor,
  now: Date,
  model: PlanModel<Row, Out, V, C>,
  planId: string,
  change: "archive" | ((tx: Tx, row: Row, today: LocalDate) => Promise<void>),
): Promise<Out> {
  return db.$transaction((tx) => changePlanIn(tx, actor, now, model, planId, change));
}

/** changePlan inside the caller's transaction (a write that changes several plans at once). */
export async function changePlanIn<Row extends PlanRow, Out, V, C>(
  tx: Tx,
  actor: Actor,
  now: Date,
  model: PlanModel<Row, Out, V, C>,
  planId: string,
  change: "archive" | ((tx: Tx, row: Row, today: LocalDate) => Promise<void>),
): Promise<Out> {
  await lockName(tx, `item:${planId}`);
  const { row, owner } = await model.find(tx, actor, planId, "write");
  const today = todayOf(owner, now);
  if (change === "archive") {
    if (row.archivedAt === null) {
      await model.touch(tx, row.id, { archivedAt: now, updatedAt: now });
      // Archiving cuts a times_per_week week short: it ends yesterday, whose row changes too.
      await refreshFrom(tx, actor.workspaceId, row.memberId, addDays(today, -1), now);
    }
  } else {
    if (row.archivedAt !== null) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `This ${model.noun} is archived: it can no longer change.`,
      );
    }
    await change(tx, row, today);
  }
  return model.read(tx, row.id, today);
}

/**
 * Writes the version edit makes of the one in force on today (else the latest), in force from
 * today (replacing today's if there is one) but never before the latest: past days keep theirs.
 * A version equal to the one it edits writes nothing.
 */
export async function writeVersion<Row extends PlanRow, Out, V, C>(
  tx: Tx,
  actor: Actor,
  now: Date,
  model: PlanModel<Row, Out, V, C>,
  row: Row,
  today: LocalDate,
  versions: readonly (V & { effectiveFrom: LocalDate })[],
  edit: (base: V & { effectiveFrom: LocalDate }) => V,
): Promise<void> {
  const latest = versions[versions.length - 1];
  const base = versionOn(versions, today) ?? latest;
  if (base === undefined || latest === undefined)
    throw new Error(`${model.noun} ${row.id} has no version`);
  const next = edit(base);
  if (model.sameVersion(next, base)) return;
  const effectiveFrom = latest.effectiveFrom > today ? latest.effectiveFrom : today;
  await model.upsertVersion(
    tx,
    { workspaceId: actor.workspaceId, planId: row.id, effectiveFrom: toDbDate(effectiveFrom) },
    model.columns(next),
  );
  await model.touch(tx, row.id, { updatedAt: now });
  await refreshFrom(tx, actor.workspaceId, row.memberId, effectiveFrom, now);
}
