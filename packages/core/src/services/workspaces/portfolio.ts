/**
 * The coach's portfolio (docs/domain.md "Coach risk"): every active member of every workspace the
 * viewer owns, administers or coaches, ranked by risk, and the member statuses that pause it. A
 * workspace whose plan lacks the coach console is listed locked, without its members
 * (docs/domain.md "Plans and entitlements").
 *
 * Reads go through the console client (docs/architecture.md "Console reach"): one transaction,
 * a fixed number of set-based queries for all members at once, each over a bounded window of
 * stored rows (MemberDayScore, HabitDayValue, the latest checkpoint, the log's recent days and an
 * index-backed latest event), so the cost follows the number of members, never their history.
 * Everything is computed after the transaction commits. Status writes go through a client bound
 * to the one workspace, after checking the writer's role there (and RLS checks it again).
 */
import { Prisma, createTenantDb, type Db, type EventSource, type TenantDb } from "@atlas/db";
import {
  addDays,
  localToday,
  toLocalDate,
  type LocalDate,
  type TimeSettingVersion,
} from "@atlas/time";
import {
  comparePortfolio,
  isStatusActive,
  portfolioLine,
  PORTFOLIO_WINDOW_DAYS,
  type MemberStatusIn,
  type MemberStatusKind,
  type PortfolioLine,
  type StoredHabitToday,
} from "../../coach-portfolio.ts";
import {
  isEntitled,
  notEntitledMessage,
  type EntitlementSnapshot,
} from "../../billing/plan-catalog.ts";
import type { CoachFlag } from "../../coach-risk.ts";
import { AppError } from "../../errors.ts";
import type { StreakBreak } from "../../occurrences.ts";
import { PERMISSIONS, type Role } from "../../permissions.ts";
import { loadClocks } from "../derived/member-history.ts";
import type { DbTx } from "../shared/db.ts";
import { fromDbDate, toDbDate } from "../shared/db-date.ts";

export interface PortfolioViewer {
  userId: string;
  /** The workspaces the viewer owns, administers or coaches (adminProcedure's ctx). */
  coached: readonly { workspaceId: string; role: Role; entitlements: EntitlementSnapshot }[];
}

export interface PortfolioQuery {
  workspaceId?: string;
  flag?: CoachFlag;
  /** Part of the member's name or email, any case. */
  search?: string;
  cursor?: string;
  limit: number;
}

export interface PortfolioItem extends PortfolioLine {
  workspaceName: string;
}

export interface PortfolioPage {
  /**
   * The viewer's workspaces, by name (the filter's choices). One whose plan lacks the coach
   * console is listed, locked, with the refusal that names the plan it needs; its members are not.
   */
  workspaces: { id: string; name: string; role: Role; lockedMessage: string | null }[];
  items: PortfolioItem[];
  /** Members matching the filters, all pages together. */
  total: number;
  nextCursor: string | null;
}

interface MemberRow {
  w: string;
  wn: string;
  m: string;
  name: string;
}

/** The ranking key of the last item, so the next page starts after it even if ranks moved. */
type CursorKey = Pick<PortfolioLine, "riskScore" | "name" | "memberId" | "workspaceId"> & {
  isPaused: boolean;
};

function encodeCursor(item: PortfolioLine): string {
  const key: CursorKey = {
    riskScore: item.riskScore,
    name: item.name,
    memberId: item.memberId,
    workspaceId: item.workspaceId,
    isPaused: item.status !== null,
  };
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString()) as CursorKey;
    if (
      typeof key.riskScore === "number" &&
      typeof key.name === "string" &&
      typeof key.memberId === "string" &&
      typeof key.workspaceId === "string" &&
      typeof key.isPaused === "boolean"
    ) {
      return key;
    }
  } catch {
    // falls through to the refusal
  }
  throw new AppError(
    "BAD_REQUEST",
    "This page link is no longer valid: start from the first page.",
  );
}

/** A read of 1,000 members stays far below this; the limit only stops a runaway. */
const READ_TIMEOUT_MS = 30_000;

/** A @db.Date column or date text as a local date. */
const day = (text: string) => toLocalDate(text);

const memberKey = (w: string, m: string) => `${w}\u0001${m}`;

/**
 * Everything the lines need, in one console transaction. `today` per member comes from their
 * time settings, read first; every other query is bounded by it.
 */
async function loadPortfolio(tx: DbTx, viewer: PortfolioViewer, query: PortfolioQuery, now: Date) {
  const coachedIds = viewer.coached.map((c) => c.workspaceId);
  const wanted = viewer.coached
    .filter((c) => isEntitled(c.entitlements, "coach_console"))
    .map((c) => c.workspaceId)
    .filter((id) => query.workspaceId === undefined || id === query.workspaceId);
  const search = query.search?.trim().toLowerCase() || null;
  const workspaces = await tx.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
    SELECT "id", "name" FROM "Workspace" WHERE "id" = ANY(${coachedIds}::text[])`);
  const members = await tx.$queryRaw<MemberRow[]>(Prisma.sql`
    SELECT ms."workspaceId" AS w, ws."name" AS wn, ms."userId" AS m,
           COALESCE(NULLIF(u."name", ''), u."email") AS name
    FROM "Membership" ms
    JOIN "Workspace" ws ON ws."id" = ms."workspaceId"
    JOIN "User" u ON u."id" = ms."userId"
    WHERE ms."workspaceId" = ANY(${wanted}::text[]) AND ms."leftAt" IS NULL
      AND ms."userId" <> ${viewer.userId}
      AND (${search}::text IS NULL
           OR position(${search}::text IN lower(u."name")) > 0
           OR position(${search}::text IN lower(u."email")) > 0)`);
  const userIds = [...new Set(members.map((r) => r.m))];
  const settings = await tx.userTimeSetting.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, effectiveFrom: true, timeZone: true, dayStartMinutes: true },
    orderBy: { effectiveFrom: "asc" },
  });
  const settingsOf = new Map<string, TimeSettingVersion[]>();
  for (const s of settings) {
    const list = settingsOf.get(s.userId) ?? [];
    list.push({ ...s, effectiveFrom: fromDbDate(s.effectiveFrom) });
    settingsOf.set(s.userId, list);
  }
  const todayOf = new Map(userIds.map((u) => [u, localToday(settingsOf.get(u) ?? [], now)]));

  const ws = members.map((r) => r.w);
  const ms = members.map((r) => r.m);
  const todays = members.map((r) => todayOf.get(r.m)!);
  const froms = todays.map((t) => addDays(t, -PORTFOLIO_WINDOW_DAYS));
  // Every read below is per member through LATERAL, so the plan is an index range per member
  // whatever the planner guesses about the arrays (a join let it scan whole tables instead).
  const pairs = Prisma.sql`unnest(${ws}::text[], ${ms}::text[], ${froms}::date[], ${todays}::date[])
                            AS x(w, m, f, t)`;

  const days = await tx.$queryRaw<
    {
      w: string;
      m: string;
      d: string;
      score: number | null;
      num: string | null;
      den: string | null;
      due: number;
      c: string | null;
      load: number;
      cap: number;
    }[]
  >(Prisma.sql`
    SELECT x.w, x.m, s.*
    FROM ${pairs}
    CROSS JOIN LATERAL (
      SELECT s."localDate"::text AS d, s."score", s."scoreNumerator"::text AS num,
             s."scoreDenominator"::text AS den, s."dueCount" AS due, s."consistency"::text AS c,
             s."loadMinutes" AS load, s."capacityMinutes" AS cap
      FROM "MemberDayScore" s
      WHERE s."workspaceId" = x.w AND s."memberId" = x.m AND s."localDate" BETWEEN x.f AND x.t) s`);
  const active = await tx.$queryRaw<{ w: string; m: string; d: string }[]>(Prisma.sql`
    SELECT x.w, x.m, a.d
    FROM ${pairs}
    CROSS JOIN LATERAL (
      SELECT DISTINCT e."localDate"::text AS d FROM "ExecutionEvent" e
      WHERE e."workspaceId" = x.w AND e."memberId" = x.m
        AND e."localDate" BETWEEN x.f AND x.t AND e."kind" <> 'undo') a`);
  // The last check-in: its day is the latest active day of the window when there is one, so only
  // members with none in it look further back (a backward index walk per such member); the
  // instant is the latest of that one day's entries (an index range on the day).
  const latestActive = new Map<string, string>();
  for (const a of active) {
    const key = memberKey(a.w, a.m);
    if ((latestActive.get(key) ?? "") < a.d) latestActive.set(key, a.d);
  }
  const lastDays = members.map((r) => latestActive.get(memberKey(r.w, r.m)) ?? null);
  const lastEvents = await tx.$queryRaw<{ w: string; m: string; d: string; at: Date }[]>(
    Prisma.sql`
    SELECT x.w, x.m, l.d::text AS d,
      (SELECT max(e."occurredAt") FROM "ExecutionEvent" e
        WHERE e."workspaceId" = x.w AND e."memberId" = x.m AND e."localDate" = l.d
          AND e."kind" <> 'undo') AS at
    FROM unnest(${ws}::text[], ${ms}::text[], ${lastDays}::date[]) AS x(w, m, known)
    CROSS JOIN LATERAL (
      SELECT x.known AS d WHERE x.known IS NOT NULL
      UNION ALL
      (SELECT e."localDate" AS d FROM "ExecutionEvent" e
        WHERE x.known IS NULL AND e."workspaceId" = x.w AND e."memberId" = x.m
          AND e."kind" <> 'undo'
        ORDER BY e."localDate" DESC LIMIT 1)) l`,
  );
  const checkpoints = await tx.$queryRaw<
    { w: string; m: string; d: string; v: number | null; n: number | null; b: string | null }[]
  >(Prisma.sql`
    SELECT x.w, x.m, c.d, c.v, c.n, c.b
    FROM ${pairs}
    CROSS JOIN LATERAL (
      SELECT k."localDate"::text AS d, (k.state->>'version')::int AS v,
             (k.state->>'scoredDays')::int AS n,
             jsonb_path_query_array(k.state, '$.habits.*.streak.lastLongBreak ? (@ != null)')::text AS b
      FROM "MemberDeriveCheckpoint" k
      WHERE k."workspaceId" = x.w AND k."memberId" = x.m AND k."localDate" < x.t
      ORDER BY k."localDate" DESC LIMIT 1) c`);
  const habitsToday = await tx.$queryRaw<
    { w: string; m: string; state: StoredHabitToday["state"]; streak: number; c: string | null }[]
  >(Prisma.sql`
    SELECT x.w, x.m, h.*
    FROM ${pairs}
    CROSS JOIN LATERAL (
      SELECT h."state"::text AS state, h."streak", h."completion"::text AS c
      FROM "HabitDayValue" h
      WHERE h."workspaceId" = x.w AND h."memberId" = x.m AND h."localDate" = x.t) h`);
  const statuses = await tx.$queryRaw<
    { w: string; m: string; kind: MemberStatusKind; note: string | null; until: string | null }[]
  >(Prisma.sql`
    SELECT "workspaceId" AS w, "memberId" AS m, "kind"::text AS kind, "note",
           "untilDate"::text AS until
    FROM "MemberStatus" WHERE "workspaceId" = ANY(${wanted}::text[])`);
  return {
    workspaces,
    members,
    todayOf,
    days,
    active,
    lastEvents,
    checkpoints,
    habitsToday,
    statuses,
  };
}

function groupByMember<T extends { w: string; m: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = memberKey(row.w, row.m);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return groups;
}

/** The viewer's portfolio: ranked, filtered, one page. */
export async function listPortfolio(
  consoleDb: TenantDb,
  viewer: PortfolioViewer,
  query: PortfolioQuery,
  now: Date,
): Promise<PortfolioPage> {
  const asked = viewer.coached.find((c) => c.workspaceId === query.workspaceId);
  if (asked !== undefined && !isEntitled(asked.entitlements, "coach_console")) {
    throw new AppError(
      "PAYMENT_REQUIRED",
      notEntitledMessage(asked.entitlements, "coach_console"),
      {
        feature: "coach_console",
      },
    );
  }
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const loaded = await consoleDb.$transaction((tx) => loadPortfolio(tx, viewer, query, now), {
    timeout: READ_TIMEOUT_MS,
  });

  const days = groupByMember(loaded.days);
  const active = groupByMember(loaded.active);
  const habits = groupByMember(loaded.habitsToday);
  const lastEvent = new Map(loaded.lastEvents.map((r) => [memberKey(r.w, r.m), r]));
  const checkpoint = new Map(loaded.checkpoints.map((r) => [memberKey(r.w, r.m), r]));
  const status = new Map(loaded.statuses.map((r) => [memberKey(r.w, r.m), r]));

  const lines: PortfolioItem[] = loaded.members.map((member) => {
    const key = memberKey(member.w, member.m);
    const cp = checkpoint.get(key);
    const last = lastEvent.get(key);
    const st = status.get(key);
    const line = portfolioLine({
      workspaceId: member.w,
      memberId: member.m,
      name: member.name,
      today: loaded.todayOf.get(member.m)!,
      days: (days.get(key) ?? []).map((d) => ({
        localDate: day(d.d),
        score: d.score,
        scoreNumerator: d.num === null ? null : BigInt(d.num),
        scoreDenominator: d.den === null ? null : BigInt(d.den),
        dueCount: d.due,
        consistency: d.c === null ? null : Number(d.c),
        loadMinutes: d.load,
        capacityMinutes: d.cap,
      })),
      activeDays: new Set((active.get(key) ?? []).map((a) => day(a.d))),
      lastCheckIn: last ? { localDate: day(last.d), occurredAt: last.at } : null,
      // A checkpoint of another format is ignored (docs/domain.md "Derived values").
      checkpoint:
        cp && cp.v === 1
          ? {
              localDate: day(cp.d),
              scoredDays: cp.n ?? 0,
              streakBreaks: JSON.parse(cp.b ?? "[]") as StreakBreak[],
            }
          : null,
      habitsToday: (habits.get(key) ?? []).map((h) => ({
        state: h.state,
        streak: h.streak,
        completion: h.c === null ? null : Number(h.c),
      })),
      status: st
        ? { kind: st.kind, note: st.note, untilDate: st.until === null ? null : day(st.until) }
        : null,
    });
    return { ...line, workspaceName: member.wn };
  });

  const matching = lines
    .filter((l) => query.flag === undefined || l.flags.some((f) => f.flag === query.flag))
    .sort(comparePortfolio);
  const rest =
    after === null
      ? matching
      : matching.filter(
          (l) => comparePortfolio(l, { ...after, status: after.isPaused ? PAUSED_MARK : null }) > 0,
        );
  const items = rest.slice(0, query.limit);
  const coachedById = new Map(viewer.coached.map((c) => [c.workspaceId, c]));
  return {
    workspaces: loaded.workspaces
      .map((w) => {
        const { role, entitlements } = coachedById.get(w.id)!;
        const lockedMessage = isEntitled(entitlements, "coach_console")
          ? null
          : notEntitledMessage(entitlements, "coach_console");
        return { id: w.id, name: w.name, role, lockedMessage };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
    items,
    total: matching.length,
    nextCursor: rest.length > query.limit ? encodeCursor(items.at(-1)!) : null,
  };
}

/** Stands for "some active status" when comparing with a cursor (only its presence counts). */
const PAUSED_MARK: MemberStatusIn = { kind: "paused", note: null, untilDate: null };

// ── Member status ────────────────────────────────────────────────────────────────────────────

export interface StatusActor {
  userId: string;
  source: EventSource;
}

export interface SetMemberStatusInput {
  workspaceId: string;
  memberId: string;
  kind: MemberStatusKind;
  note: string | null;
  /** The member's local date, inclusive; null: until cleared. */
  untilDate: LocalDate | null;
}

export interface MemberStatusOut {
  workspaceId: string;
  memberId: string;
  kind: MemberStatusKind;
  note: string | null;
  untilDate: LocalDate | null;
  setById: string;
  /** Whether it pauses the member's flags today. */
  isActive: boolean;
}

const STATUS_SELECT = {
  workspaceId: true,
  memberId: true,
  kind: true,
  note: true,
  untilDate: true,
  setById: true,
} as const;

/** The writer must be an active owner, admin or coach of the workspace; the member active too. */
async function checkStatusWrite(
  tx: DbTx,
  actor: StatusActor,
  workspaceId: string,
  memberId: string,
) {
  const mine = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actor.userId }, leftAt: null },
    select: { role: true },
  });
  if (!mine || !(PERMISSIONS.adminConsole.roles as readonly string[]).includes(mine.role)) {
    throw new AppError(
      "FORBIDDEN",
      "Only an owner, admin or coach of this workspace may change a member's status.",
    );
  }
  const member = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: memberId }, leftAt: null },
    select: { userId: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "No such member in this workspace.");
}

function statusOut(
  row: {
    workspaceId: string;
    memberId: string;
    kind: MemberStatusKind;
    note: string | null;
    untilDate: Date | null;
    setById: string;
  },
  today: LocalDate,
): MemberStatusOut {
  const untilDate = row.untilDate && fromDbDate(row.untilDate);
  return {
    ...row,
    untilDate,
    isActive: isStatusActive({ kind: row.kind, note: row.note, untilDate }, today),
  };
}

/**
 * Sets the member's one current status (replacing any other). Setting the status it already has
 * changes nothing and writes no audit entry, so a retry is harmless. An end date before the
 * member's today is refused: it would pause nothing.
 */
export async function setMemberStatus(
  base: Db,
  actor: StatusActor,
  input: SetMemberStatusInput,
  now: Date,
): Promise<MemberStatusOut> {
  const db = createTenantDb(base, { workspaceId: input.workspaceId, userId: actor.userId });
  return db.$transaction(async (tx) => {
    await checkStatusWrite(tx, actor, input.workspaceId, input.memberId);
    const clocks = await loadClocks(
      tx,
      { workspaceId: input.workspaceId, memberIds: [input.memberId] },
      now,
    );
    const today = clocks.get(input.memberId)!.today;
    if (input.untilDate !== null && input.untilDate < today) {
      throw new AppError(
        "BAD_REQUEST",
        `The end date has passed: the member's today is ${today}.`,
        { field: "untilDate" },
      );
    }
    const where = {
      workspaceId_memberId: { workspaceId: input.workspaceId, memberId: input.memberId },
    };
    const current = await tx.memberStatus.findUnique({ where, select: STATUS_SELECT });
    const untilDate = input.untilDate === null ? null : toDbDate(input.untilDate);
    const wanted = { kind: input.kind, note: input.note, untilDate };
    if (
      current &&
      current.kind === wanted.kind &&
      current.note === wanted.note &&
      current.untilDate?.getTime() === untilDate?.getTime()
    ) {
      return statusOut(current, today);
    }
    const row = await tx.memberStatus.upsert({
      where,
      create: {
        workspaceId: input.workspaceId,
        memberId: input.memberId,
        ...wanted,
        setById: actor.userId,
        createdAt: now,
      },
      update: { ...wanted, setById: actor.userId, createdAt: now },
      select: STATUS_SELECT,
    });
    await tx.auditLog.create({
      data: {
        workspaceId: input.workspaceId,
        actorUserId: actor.userId,
        action: "member.status_set",
        targetType: "Membership",
        targetId: input.memberId,
        metadata: {
          kind: input.kind,
          note: input.note,
          untilDate: input.untilDate,
          previous: current ? { kind: current.kind, untilDate: current.untilDate } : null,
          source: actor.source,
        },
        createdAt: now,
      },
    });
    return statusOut(row, today);
  });
}

/** Removes the member's status; clearing none changes nothing (no audit entry). */
export async function clearMemberStatus(
  base: Db,
  actor: StatusActor,
  input: { workspaceId: string; memberId: string },
  now: Date,
): Promise<{ cleared: boolean }> {
  const db = createTenantDb(base, { workspaceId: input.workspaceId, userId: actor.userId });
  return db.$transaction(async (tx) => {
    await checkStatusWrite(tx, actor, input.workspaceId, input.memberId);
    const removed = await tx.memberStatus.deleteMany({
      where: { workspaceId: input.workspaceId, memberId: input.memberId },
    });
    if (removed.count === 0) return { cleared: false };
    await tx.auditLog.create({
      data: {
        workspaceId: input.workspaceId,
        actorUserId: actor.userId,
        action: "member.status_cleared",
        targetType: "Membership",
        targetId: input.memberId,
        metadata: { source: actor.source },
        createdAt: now,
      },
    });
    return { cleared: true };
  });
}
