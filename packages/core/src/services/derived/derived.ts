/**
 * Keeping the derived values current (docs/domain.md "Derived values", "Closing the day"): per
 * member-day scores (MemberDayScore) and per habit-day values (HabitDayValue), computed by the
 * pure engine from the log and the versions and stored through the tenant client.
 *
 * - `refreshDerived` after a write: recompute from the first day the write may change (resuming
 *   from the latest checkpoint before it) through the member's today; today "as of now".
 * - `closeDay` / `closeDueDays`: once a member's local day has ended, compute it and mark it closed
 *   (idempotent, oldest first, so a stopped scheduler catches up).
 * - `recomputeMember`: the full run from the member's first day, no checkpoint: the reference the
 *   incremental path must equal.
 *
 * Checkpoints (MemberDeriveCheckpoint) hold the engine's state at the end of a finished day
 * (yesterday, and every Sunday); a run resumes from one and loads only what the days after it read. Every service call runs in one transaction
 * that first takes each member's advisory lock, so two writers of one member's derived rows (a
 * check-in and the hourly close) queue instead of interleaving, and each reads the log after the
 * other committed. The hourly close works on batches of members: one query per table per batch to
 * load, one statement per table per batch to write.
 */
import { Prisma, type TenantDb } from "@atlas/db";
import { addDays, diffDays, isoWeekday, type LocalDate } from "@atlas/time";
import { deriveMember, type DeriveState } from "../../derive/derive-member.ts";
import type { DbTx } from "../shared/db.ts";
import {
  deleteArchivedHabitDays,
  habitDayValues,
  memberDayValues,
  upsertHabitDays,
  upsertMemberDays,
  type HabitDayValues,
  type MemberDayValues,
  type MemberRows,
} from "./derived-rows.ts";
import {
  loadClocks,
  loadMemberContexts,
  type LoadedHistory,
  type MemberClock,
} from "./member-history.ts";
import { fromDbDate } from "../shared/db-date.ts";

export interface MemberScope {
  workspaceId: string;
  memberId: string;
}

/** What one derivation wrote. */
export interface DerivedWrite {
  /** The first and last day whose rows were (re)written; null when there was nothing to do. */
  from: LocalDate | null;
  to: LocalDate | null;
  memberDays: number;
  habitDays: number;
}

export interface CloseDueDaysResult {
  /** Members of the workspace looked at. */
  members: number;
  /** Members with at least one day closed by this run. */
  membersClosed: number;
  /** (member, day) pairs closed by this run. */
  closedDays: number;
}

/**
 * Which end-of-day states are kept: the latest finished day (the hourly close, Today and the
 * dashboard resume from it) and every ISO week's Sunday (a late entry resumes from the Sunday
 * before it; a habit's page, whose 53 weeks start on a Monday, from the Sunday before them).
 */
const CHECKPOINT_WEEKDAY = 7;
/** Members per transaction in the hourly close. */
export const CLOSE_BATCH_MEMBERS = 50;

/** Whether the state at the end of `date` is worth keeping as seen from `today`. */
export function keepsCheckpoint(date: LocalDate, today: LocalDate): boolean {
  const age = diffDays(today, date);
  if (age < 1) return false;
  return age === 1 || isoWeekday(date) === CHECKPOINT_WEEKDAY;
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 300_000 } as const;

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

/** Serialises all derived writes of each member (transaction-scoped, released at commit). */
async function lockMembers(tx: DbTx, workspaceId: string, memberIds: readonly string[]) {
  // One order for everyone, so two batches never wait on each other crosswise.
  const sorted = [...memberIds].sort();
  await tx.$executeRaw(Prisma.sql`
    SELECT pg_advisory_xact_lock(hashtext(${workspaceId}), hashtext(m))
    FROM unnest(${sorted}::text[]) WITH ORDINALITY AS t(m, i) ORDER BY i`);
}

export interface DerivedRun {
  memberDays: MemberDayValues[];
  habitDays: HabitDayValues[];
  checkpoints: { localDate: LocalDate; state: DeriveState }[];
}

/**
 * Runs the engine over [runFrom, to] once, keeping the end states of the days `keepsCheckpoint`
 * names. Pure: the same history, range and start give the same rows, in one piece or in several.
 */
export function deriveRun(
  history: LoadedHistory,
  input: { runFrom: LocalDate; to: LocalDate; today: LocalDate; start?: DeriveState },
): DerivedRun {
  const { runFrom, to, today, start } = input;
  const result = deriveMember(
    history,
    { from: runFrom, to },
    { today, keepState: (date) => keepsCheckpoint(date, today), ...(start && { start }) },
  );
  return {
    memberDays: result.days.map(memberDayValues),
    habitDays: result.habitDays.map(habitDayValues),
    checkpoints: result.kept,
  };
}

/** One member's share of a batch. */
interface MemberWork {
  memberId: string;
  clock: MemberClock;
  /** First and last day whose rows must be (re)computed. */
  from: LocalDate;
  to: LocalDate;
  /** Resume from the latest checkpoint before `from` (else replay from the first day). */
  useCheckpoint: boolean;
  /** Drop checkpoints from this day on first: a write changed the history from there. */
  invalidateFrom?: LocalDate;
  /** Store only rows from this day on (a full recompute of a sub-range). */
  storeFrom?: LocalDate;
  /** Mark these days closed once computed. */
  close?: { from: LocalDate; to: LocalDate };
}

interface WorkResult {
  write: DerivedWrite;
  closed: number;
}

async function dropCheckpointsFrom(
  tx: DbTx,
  workspaceId: string,
  drops: readonly { memberId: string; from: LocalDate }[],
) {
  if (drops.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "MemberDeriveCheckpoint" c
    USING unnest(${drops.map((d) => d.memberId)}::text[], ${drops.map((d) => d.from)}::date[])
          AS x(m, f)
    WHERE c."workspaceId" = ${workspaceId} AND c."memberId" = x.m AND c."localDate" >= x.f`);
}

/** A stored engine state and the (finished) day it holds everything through. */
export interface Checkpoint {
  localDate: LocalDate;
  state: DeriveState;
}

/** Per member, the checkpoint of the latest day in [notBefore, before). */
export async function checkpointsBefore(
  tx: DbTx,
  workspaceId: string,
  wanted: readonly { memberId: string; before: LocalDate; notBefore: LocalDate }[],
): Promise<Map<string, Checkpoint>> {
  const found = new Map<string, Checkpoint>();
  if (wanted.length === 0) return found;
  const rows = await tx.$queryRaw<{ m: string; d: string; s: string }[]>(Prisma.sql`
    SELECT x.m, c."localDate"::text AS d, c.state::text AS s
    FROM unnest(${wanted.map((w) => w.memberId)}::text[], ${wanted.map((w) => w.before)}::date[],
                ${wanted.map((w) => w.notBefore)}::date[]) AS x(m, b, nb)
    CROSS JOIN LATERAL (
      SELECT "localDate", state FROM "MemberDeriveCheckpoint"
      WHERE "workspaceId" = ${workspaceId} AND "memberId" = x.m
        AND "localDate" < x.b AND "localDate" >= x.nb
      ORDER BY "localDate" DESC LIMIT 1) c`);
  for (const row of rows) {
    const state = JSON.parse(row.s) as DeriveState;
    // A checkpoint of another format (an older engine) is ignored: the run replays instead.
    if (state.version === 1) found.set(row.m, { localDate: row.d as LocalDate, state });
  }
  return found;
}

async function saveCheckpoints(
  tx: DbTx,
  workspaceId: string,
  checkpoints: readonly { memberId: string; localDate: LocalDate; state: DeriveState }[],
) {
  if (checkpoints.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "MemberDeriveCheckpoint" ("workspaceId", "memberId", "localDate", "state", "computedAt")
    SELECT ${workspaceId}, t.m, t.d::date, t.s::jsonb, now()
    FROM unnest(${checkpoints.map((c) => c.memberId)}::text[],
                ${checkpoints.map((c) => c.localDate)}::text[],
                ${checkpoints.map((c) => JSON.stringify(c.state))}::text[]) AS t(m, d, s)
    ON CONFLICT ("workspaceId", "memberId", "localDate")
    DO UPDATE SET "state" = EXCLUDED."state", "computedAt" = EXCLUDED."computedAt"`);
}

/** Sets closedAt on the open days of each range; returns how many per member. */
async function markClosed(
  tx: DbTx,
  workspaceId: string,
  ranges: readonly { memberId: string; from: LocalDate; to: LocalDate }[],
  now: Date,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ranges.length === 0) return counts;
  const rows = await tx.$queryRaw<{ m: string; n: number }[]>(Prisma.sql`
    WITH closed AS (
      UPDATE "MemberDayScore" s SET "closedAt" = ${now}
      FROM unnest(${ranges.map((r) => r.memberId)}::text[], ${ranges.map((r) => r.from)}::date[],
                  ${ranges.map((r) => r.to)}::date[]) AS r(m, f, t)
      WHERE s."workspaceId" = ${workspaceId} AND s."memberId" = r.m
        AND s."localDate" BETWEEN r.f AND r.t AND s."closedAt" IS NULL
      RETURNING s."memberId")
    SELECT "memberId" AS m, count(*)::int AS n FROM closed GROUP BY "memberId"`);
  for (const row of rows) counts.set(row.m, row.n);
  return counts;
}

/** Checkpoints no longer kept (see keepsCheckpoint): older than yesterday and not a Sunday. */
async function pruneCheckpoints(
  tx: DbTx,
  workspaceId: string,
  members: readonly { memberId: string; today: LocalDate }[],
) {
  if (members.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "MemberDeriveCheckpoint" c
    USING unnest(${members.map((m) => m.memberId)}::text[],
                 ${members.map((m) => addDays(m.today, -1))}::date[]) AS x(m, latest)
    WHERE c."workspaceId" = ${workspaceId} AND c."memberId" = x.m AND c."localDate" < x.latest
      AND extract(isodow FROM c."localDate") <> ${CHECKPOINT_WEEKDAY}`);
}

/** Computes and stores a batch of members' rows: a few statements whatever the batch size. */
async function deriveAndStore(
  tx: DbTx,
  workspaceId: string,
  works: readonly MemberWork[],
  now: Date,
): Promise<Map<string, WorkResult>> {
  const results = new Map<string, WorkResult>();
  const active: MemberWork[] = [];
  for (const work of works) {
    const { firstDay, today } = work.clock;
    const to = earlier(work.to, today);
    const from = later(work.from, firstDay);
    if (to < from) {
      results.set(work.memberId, {
        write: { from: null, to: null, memberDays: 0, habitDays: 0 },
        closed: 0,
      });
    } else {
      active.push({ ...work, from, to });
    }
  }

  await dropCheckpointsFrom(
    tx,
    workspaceId,
    works.flatMap((w) =>
      w.invalidateFrom === undefined ? [] : [{ memberId: w.memberId, from: w.invalidateFrom }],
    ),
  );
  const starts = await checkpointsBefore(
    tx,
    workspaceId,
    active
      .filter((w) => w.useCheckpoint)
      .map((w) => ({ memberId: w.memberId, before: w.from, notBefore: w.clock.firstDay })),
  );
  // Resuming from a checkpoint, a member's load is what the days after it read.
  const contexts = await loadMemberContexts(tx, {
    workspaceId,
    memberIds: active.map((w) => w.memberId),
    since: new Map([...starts].map(([memberId, c]) => [memberId, c.localDate])),
  });

  const rows: MemberRows[] = [];
  const checkpoints: { memberId: string; localDate: LocalDate; state: DeriveState }[] = [];
  const archived: { habitId: string; archivedFrom: LocalDate }[] = [];
  for (const work of active) {
    const { history } = contexts.get(work.memberId)!;
    const start = starts.get(work.memberId);
    const runFrom = start === undefined ? work.clock.firstDay : addDays(start.localDate, 1);
    const run = deriveRun(history, {
      runFrom,
      to: work.to,
      today: work.clock.today,
      ...(start === undefined ? {} : { start: start.state }),
    });
    const storeFrom = later(runFrom, work.storeFrom ?? runFrom);
    const memberDays = run.memberDays.filter((r) => r.localDate >= storeFrom);
    const habitDays = run.habitDays.filter((r) => r.localDate >= storeFrom);
    rows.push({ memberId: work.memberId, memberDays, habitDays });
    for (const c of run.checkpoints) checkpoints.push({ memberId: work.memberId, ...c });
    for (const habit of history.habits) {
      if (habit.archivedFrom !== null && habit.archivedFrom <= work.to) {
        archived.push({ habitId: habit.id, archivedFrom: later(habit.archivedFrom, storeFrom) });
      }
    }
    results.set(work.memberId, {
      write: {
        from: storeFrom,
        to: work.to,
        memberDays: memberDays.length,
        habitDays: habitDays.length,
      },
      closed: 0,
    });
  }

  await deleteArchivedHabitDays(tx, workspaceId, archived);
  await upsertMemberDays(tx, workspaceId, rows);
  await upsertHabitDays(tx, workspaceId, rows);
  await saveCheckpoints(tx, workspaceId, checkpoints);

  const closing = works.flatMap((w) =>
    w.close === undefined ? [] : [{ memberId: w.memberId, ...w.close }],
  );
  const closed = await markClosed(tx, workspaceId, closing, now);
  for (const [memberId, count] of closed) results.get(memberId)!.closed = count;
  await pruneCheckpoints(
    tx,
    workspaceId,
    works
      .filter((w) => w.close !== undefined)
      .map((w) => ({ memberId: w.memberId, today: w.clock.today })),
  );
  return results;
}

/** Takes the member's lock, then reads its clock (null: not visible to the client). */
async function lockedClock(tx: DbTx, scope: MemberScope, now: Date): Promise<MemberClock | null> {
  await lockMembers(tx, scope.workspaceId, [scope.memberId]);
  const clocks = await loadClocks(
    tx,
    { workspaceId: scope.workspaceId, memberIds: [scope.memberId] },
    now,
  );
  return clocks.get(scope.memberId) ?? null;
}

/**
 * Recomputes the member's derived rows from `fromDate` (the earliest day a write may have
 * changed) through the member's today, inside the caller's transaction (the one that wrote).
 * Returns null when the member is not visible to the client.
 */
export async function refreshDerived(
  tx: DbTx,
  input: MemberScope & { fromDate: LocalDate; now?: Date },
): Promise<DerivedWrite | null> {
  const now = input.now ?? new Date();
  const clock = await lockedClock(tx, input, now);
  if (clock === null) return null;
  const results = await deriveAndStore(
    tx,
    input.workspaceId,
    [
      {
        memberId: input.memberId,
        clock,
        from: input.fromDate,
        to: clock.today,
        useCheckpoint: true,
        invalidateFrom: input.fromDate,
      },
    ],
    now,
  );
  return results.get(input.memberId)!.write;
}

export type CloseDayStatus = "closed" | "already_closed" | "not_ended" | "not_found";

/**
 * Closes one (member, day): computes its values and sets closedAt, once the member's local day
 * has ended. Idempotent: a closed day stays as it is (later writes still refresh its values).
 */
export async function closeDay(
  db: TenantDb,
  input: MemberScope & { localDate: LocalDate; now?: Date },
): Promise<{ status: CloseDayStatus }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const clock = await lockedClock(tx, input, now);
    if (clock === null) return { status: "not_found" as const };
    if (input.localDate >= clock.today) return { status: "not_ended" as const };
    if (input.localDate < clock.firstDay) return { status: "not_found" as const };
    const open = await firstOpenDays(tx, input.workspaceId, [
      { memberId: input.memberId, from: input.localDate, to: input.localDate },
    ]);
    if (!open.has(input.memberId)) return { status: "already_closed" as const };
    await deriveAndStore(
      tx,
      input.workspaceId,
      [
        {
          memberId: input.memberId,
          clock,
          from: input.localDate,
          to: input.localDate,
          useCheckpoint: true,
          close: { from: input.localDate, to: input.localDate },
        },
      ],
      now,
    );
    return { status: "closed" as const };
  }, TX_OPTIONS);
}

/**
 * Per member, the first day of [from, to] that is not closed (absent: all closed). Closed days
 * normally run without a gap from the first day: then the count tells, else the days are walked.
 */
async function firstOpenDays(
  tx: DbTx,
  workspaceId: string,
  ranges: readonly { memberId: string; from: LocalDate; to: LocalDate }[],
): Promise<Map<string, LocalDate>> {
  const open = new Map<string, LocalDate>();
  if (ranges.length === 0) return open;
  const rows = await tx.$queryRaw<
    { m: string; f: string; t: string; n: number; lo: string | null; hi: string | null }[]
  >(Prisma.sql`
    SELECT r.m, r.f::text AS f, r.t::text AS t, count(s."localDate")::int AS n,
           min(s."localDate")::text AS lo, max(s."localDate")::text AS hi
    FROM unnest(${ranges.map((r) => r.memberId)}::text[], ${ranges.map((r) => r.from)}::date[],
                ${ranges.map((r) => r.to)}::date[]) AS r(m, f, t)
    LEFT JOIN "MemberDayScore" s
      ON s."workspaceId" = ${workspaceId} AND s."memberId" = r.m AND s."closedAt" IS NOT NULL
     AND s."localDate" BETWEEN r.f AND r.t
    GROUP BY r.m, r.f, r.t`);
  const gaps: { memberId: string; from: LocalDate; to: LocalDate }[] = [];
  for (const row of rows) {
    const from = row.f as LocalDate;
    const to = row.t as LocalDate;
    if (row.n === 0) open.set(row.m, from);
    else if (row.n === diffDays(to, from) + 1) continue;
    else if (row.lo === from && row.n === diffDays(row.hi as LocalDate, from) + 1) {
      open.set(row.m, addDays(row.hi as LocalDate, 1));
    } else gaps.push({ memberId: row.m, from, to });
  }
  if (gaps.length > 0) {
    const walked = await tx.$queryRaw<{ m: string; d: string | null }[]>(Prisma.sql`
      SELECT r.m, (SELECT min(g.d)::date::text FROM generate_series(r.f, r.t, interval '1 day') AS g(d)
                   WHERE NOT EXISTS (SELECT 1 FROM "MemberDayScore" s
                                     WHERE s."workspaceId" = ${workspaceId} AND s."memberId" = r.m
                                       AND s."localDate" = g.d::date AND s."closedAt" IS NOT NULL)) AS d
      FROM unnest(${gaps.map((r) => r.memberId)}::text[], ${gaps.map((r) => r.from)}::date[],
                  ${gaps.map((r) => r.to)}::date[]) AS r(m, f, t)`);
    for (const row of walked) if (row.d !== null) open.set(row.m, row.d as LocalDate);
  }
  return open;
}

/** Closes every open day before today of a batch of members, in one transaction. */
async function closeMembersDueDays(
  db: TenantDb,
  workspaceId: string,
  memberIds: readonly string[],
  now: Date,
): Promise<Map<string, number>> {
  return db.$transaction(async (tx) => {
    await lockMembers(tx, workspaceId, memberIds);
    const clocks = await loadClocks(tx, { workspaceId, memberIds }, now);
    const spans: { memberId: string; from: LocalDate; to: LocalDate }[] = [];
    for (const [memberId, clock] of clocks) {
      const lastDay = addDays(clock.today, -1);
      if (lastDay >= clock.firstDay) spans.push({ memberId, from: clock.firstDay, to: lastDay });
    }
    const open = await firstOpenDays(tx, workspaceId, spans);
    const works: MemberWork[] = [];
    for (const [memberId, firstOpen] of open) {
      const clock = clocks.get(memberId)!;
      const lastDay = addDays(clock.today, -1);
      works.push({
        memberId,
        clock,
        from: firstOpen,
        to: lastDay,
        useCheckpoint: true,
        close: { from: firstOpen, to: lastDay },
      });
    }
    const results = await deriveAndStore(tx, workspaceId, works, now);
    return new Map([...results].map(([memberId, r]) => [memberId, r.closed]));
  }, TX_OPTIONS);
}

/**
 * A quick look at which members may have days to close, without loading anyone's history: those
 * whose closed days do not run without a gap from their first day to yesterday. Conservative:
 * when in doubt a member is included (its batch then decides exactly, under its lock).
 */
async function membersWithOpenDays(
  db: TenantDb,
  workspaceId: string,
  now: Date,
): Promise<{ members: number; candidates: string[] }> {
  return db.$transaction(async (tx) => {
    const clocks = await loadClocks(tx, { workspaceId }, now);
    const closedStats = await tx.memberDayScore.groupBy({
      by: ["memberId"],
      where: { workspaceId, closedAt: { not: null } },
      _min: { localDate: true },
      _max: { localDate: true },
      _count: { _all: true },
    });
    const closedOf = new Map(closedStats.map((s) => [s.memberId, s]));

    const candidates: string[] = [];
    for (const [memberId, { today, firstDay }] of clocks) {
      const lastDay = addDays(today, -1);
      if (lastDay < firstDay) continue;
      const stats = closedOf.get(memberId);
      const min = stats?._min.localDate ? fromDbDate(stats._min.localDate) : null;
      const max = stats?._max.localDate ? fromDbDate(stats._max.localDate) : null;
      const isComplete =
        min !== null &&
        max !== null &&
        min <= firstDay &&
        max >= lastDay &&
        stats!._count._all === diffDays(max, min) + 1;
      if (!isComplete) candidates.push(memberId);
    }
    return { members: clocks.size, candidates };
  }, TX_OPTIONS);
}

/**
 * The hourly close of one workspace: every (member, day) before the member's today that is not
 * yet closed, oldest first per member, days with nothing logged included. One transaction per
 * batch of members, so a retry after a failure resumes where it stopped.
 */
export async function closeDueDays(
  db: TenantDb,
  input: { workspaceId: string; now: Date },
): Promise<CloseDueDaysResult> {
  const { members, candidates } = await membersWithOpenDays(db, input.workspaceId, input.now);
  let membersClosed = 0;
  let closedDays = 0;
  for (let i = 0; i < candidates.length; i += CLOSE_BATCH_MEMBERS) {
    const batch = candidates.slice(i, i + CLOSE_BATCH_MEMBERS);
    const closed = await closeMembersDueDays(db, input.workspaceId, batch, input.now);
    for (const count of closed.values()) {
      if (count > 0) membersClosed++;
      closedDays += count;
    }
  }
  return { members, membersClosed, closedDays };
}

/**
 * The full recompute of [from, to] (defaults: the member's first day through today): the engine
 * replays from the member's first day with no checkpoint, rows in the range are rewritten and the
 * checkpoints from `from` on are rebuilt. closedAt is left as it was.
 */
export async function recomputeMember(
  db: TenantDb,
  input: MemberScope & { from?: LocalDate; to?: LocalDate; now?: Date },
): Promise<DerivedWrite | null> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const clock = await lockedClock(tx, input, now);
    if (clock === null) return null;
    const from = later(input.from ?? clock.firstDay, clock.firstDay);
    const results = await deriveAndStore(
      tx,
      input.workspaceId,
      [
        {
          memberId: input.memberId,
          clock,
          from,
          to: input.to ?? clock.today,
          useCheckpoint: false,
          invalidateFrom: from,
          storeFrom: from,
        },
      ],
      now,
    );
    return results.get(input.memberId)!.write;
  }, TX_OPTIONS);
}
