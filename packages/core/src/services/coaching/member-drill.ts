/**
 * The coach's drill-down into one member (docs/domain.md "Coach drill-down"): who they are, their
 * log newest first with late entries and overrides marked, and their stored overload history.
 *
 * Reads run on the console's client, which reaches every workspace the coach coaches (and binds
 * none), so every query names the workspace and the member explicitly. Nothing is re-derived:
 * the log is a keyset page and the overload history reads the stored MemberDayScore rows.
 */
import {
  AppError,
  clampHistory,
  dayLevel,
  type EntitlementSnapshot,
  type EventKind,
  type HistoryLimit,
  type LoadLevel,
  type Role,
} from "@atlas/core";
import type { EventSource, TenantDb, TenantTx as Tx } from "@atlas/db";
import { addDays, diffDays, localToday, timeSettingOn, type LocalDate } from "@atlas/time";
import { loadMember, type Actor } from "../access/access.ts";
import { getHabitHistory, type HabitHistoryOut } from "../views/habit-history.ts";
import { fromDbDate, toDbDate } from "../shared/db-date.ts";
import { decimalToMilli, milliToNumber } from "../shared/values.ts";

/** The member a drill-down is about: a current member of the workspace. */
export interface DrillScope {
  workspaceId: string;
  memberId: string;
}

export interface DrilledMemberOut {
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  name: string;
  email: string;
  role: Role;
  /** The member's local today and zone (every write of the coach is dated by it). */
  localDate: string;
  timeZone: string;
  lateEntryWindowDays: number;
}

/** Refuses a member who is not (or no longer) in the workspace, as if they did not exist. */
export async function assertCurrentMember(tx: Tx, scope: DrillScope): Promise<void> {
  const found = await tx.membership.findFirst({
    where: { workspaceId: scope.workspaceId, userId: scope.memberId, leftAt: null },
    select: { userId: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "There is no such member in this workspace.");
}

export async function getDrilledMember(
  db: TenantDb,
  scope: DrillScope,
  now: Date,
): Promise<DrilledMemberOut> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { workspaceId: scope.workspaceId, userId: scope.memberId, leftAt: null },
      select: {
        role: true,
        user: { select: { name: true, email: true } },
        workspace: { select: { name: true, lateEntryWindowDays: true } },
      },
    });
    if (!membership) throw new AppError("NOT_FOUND", "There is no such member in this workspace.");
    const member = await loadMember(tx, scope.workspaceId, scope.memberId);
    const today = localToday(member.timeSettings, now);
    return {
      workspaceId: scope.workspaceId,
      workspaceName: membership.workspace.name,
      memberId: scope.memberId,
      name: membership.user.name,
      email: membership.user.email,
      role: membership.role as Role,
      localDate: today,
      timeZone: timeSettingOn(member.timeSettings, today)?.timeZone ?? "UTC",
      lateEntryWindowDays: membership.workspace.lateEntryWindowDays,
    };
  });
}

// ── The log ──────────────────────────────────────────────────────────────────────────────────

export const LOG_PAGE_DEFAULT = 50;

export interface MemberLogEntryOut {
  id: string;
  localDate: string;
  kind: EventKind;
  value: number | null;
  item: { type: "habit" | "task"; id: string; title: string };
  recordedAt: string;
  recordedBy: { id: string; name: string };
  source: EventSource;
  note: string | null;
  /** The undo's target; null for any other kind. */
  revertsId: string | null;
  isReverted: boolean;
  /** Days between the day it is for and the member's day it was recorded on (0: on the day). */
  daysLate: number;
  /** Recorded past the late-entry window by a coach, admin or owner. */
  isOverride: boolean;
}

export interface MemberLogPageOut {
  items: MemberLogEntryOut[];
  nextCursor: string | null;
}

/** A page's position: the last entry's day and id ("2026-03-10~<id>"). */
function parseCursor(cursor: string): { localDate: LocalDate; id: string } {
  const match = /^(\d{4}-\d{2}-\d{2})~(.+)$/.exec(cursor);
  if (!match) {
    throw new AppError("BAD_REQUEST", "This cursor is not one a log page gave.", {
      field: "cursor",
    });
  }
  return { localDate: match[1] as LocalDate, id: match[2]! };
}

/**
 * The member's log, newest day first and within a day newest first (ids are UUIDv7), a keyset
 * page at a time: the index on (workspace, member, day) serves it however long the history.
 */
export async function listMemberLog(
  db: TenantDb,
  scope: DrillScope,
  input: { cursor?: string; limit?: number },
): Promise<MemberLogPageOut> {
  const limit = input.limit ?? LOG_PAGE_DEFAULT;
  const after = input.cursor === undefined ? undefined : parseCursor(input.cursor);
  return db.$transaction(async (tx) => {
    await assertCurrentMember(tx, scope);
    const member = await loadMember(tx, scope.workspaceId, scope.memberId);
    const rows = await tx.executionEvent.findMany({
      where: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        ...(after && {
          OR: [
            { localDate: { lt: toDbDate(after.localDate) } },
            { localDate: toDbDate(after.localDate), id: { lt: after.id } },
          ],
        }),
      },
      select: {
        id: true,
        habitId: true,
        taskId: true,
        kind: true,
        value: true,
        localDate: true,
        recordedAt: true,
        recordedById: true,
        source: true,
        note: true,
        revertsId: true,
        isOverride: true,
        habit: { select: { title: true } },
        task: { select: { title: true } },
      },
      orderBy: [{ localDate: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const ids = page.map((r) => r.id);
    const undos = await tx.executionEvent.findMany({
      where: { workspaceId: scope.workspaceId, revertsId: { in: ids } },
      select: { revertsId: true },
    });
    const reverted = new Set(undos.map((u) => u.revertsId));
    const recorders = await tx.membership.findMany({
      where: {
        workspaceId: scope.workspaceId,
        userId: { in: [...new Set(page.map((r) => r.recordedById))] },
      },
      select: { userId: true, user: { select: { name: true } } },
    });
    const names = new Map(recorders.map((m) => [m.userId, m.user.name]));
    const last = page.at(-1);
    return {
      items: page.map((r) => {
        const localDate = fromDbDate(r.localDate);
        return {
          id: r.id,
          localDate,
          kind: r.kind,
          value: r.value === null ? null : milliToNumber(decimalToMilli(r.value)),
          item:
            r.habitId !== null
              ? { type: "habit" as const, id: r.habitId, title: r.habit?.title ?? "" }
              : { type: "task" as const, id: r.taskId!, title: r.task?.title ?? "" },
          recordedAt: r.recordedAt.toISOString(),
          // Someone no longer in the workspace is named as such.
          recordedBy: { id: r.recordedById, name: names.get(r.recordedById) ?? "Former member" },
          source: r.source,
          note: r.note,
          revertsId: r.revertsId,
          isReverted: reverted.has(r.id),
          daysLate: Math.max(0, diffDays(localToday(member.timeSettings, r.recordedAt), localDate)),
          isOverride: r.isOverride,
        };
      }),
      nextCursor: rows.length > limit && last ? `${fromDbDate(last.localDate)}~${last.id}` : null,
    };
  });
}

// ── Overload history ─────────────────────────────────────────────────────────────────────────

export const OVERLOAD_HISTORY_DAYS = 28;

export interface OverloadHistoryDayOut {
  date: string;
  /** As stored for the day (whole minutes): habits due, times_per_week shares, tasks due. */
  loadMinutes: number;
  capacityMinutes: number;
  /** load / capacity, 4 decimals; null on a day off (capacity 0). */
  ratio: number | null;
  /** The day's level against its capacity; null on a day off, which reads as minutes only. */
  level: LoadLevel | null;
}

export interface OverloadHistoryOut {
  from: string;
  to: string;
  /** Oldest first; a day before the member's first day has no row and is left out. */
  days: OverloadHistoryDayOut[];
  /** Set when the plan's chart history cut the range (docs/domain.md "Plans and entitlements"). */
  historyLimit: HistoryLimit | null;
}

/**
 * The stored load of the member's last `days` days, today included (MemberDayScore: load and
 * capacity in whole minutes as each day was computed), at most as far back as the workspace's
 * plan shows charts (`entitlements`). A stored row does not keep the task minutes apart, so a day
 * off (capacity 0) shows its minutes without a level.
 */
export async function getOverloadHistory(
  db: TenantDb,
  scope: DrillScope,
  entitlements: EntitlementSnapshot,
  now: Date,
  days: number = OVERLOAD_HISTORY_DAYS,
): Promise<OverloadHistoryOut> {
  return db.$transaction(async (tx) => {
    await assertCurrentMember(tx, scope);
    const member = await loadMember(tx, scope.workspaceId, scope.memberId);
    const to = localToday(member.timeSettings, now);
    const shown = clampHistory(entitlements, to, addDays(to, 1 - days));
    const { from } = shown;
    const rows = await tx.memberDayScore.findMany({
      where: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        localDate: { gte: toDbDate(from), lte: toDbDate(to) },
      },
      select: { localDate: true, loadMinutes: true, capacityMinutes: true },
      orderBy: { localDate: "asc" },
    });
    return {
      from,
      to,
      historyLimit: shown.limit,
      days: rows.map((r) => {
        const hasCapacity = r.capacityMinutes > 0;
        return {
          date: fromDbDate(r.localDate),
          loadMinutes: r.loadMinutes,
          capacityMinutes: r.capacityMinutes,
          ratio: hasCapacity
            ? Math.round((r.loadMinutes / r.capacityMinutes) * 10_000) / 10_000
            : null,
          level: hasCapacity
            ? dayLevel(7 * r.loadMinutes, 7 * r.loadMinutes, r.capacityMinutes)
            : null,
        };
      }),
    };
  });
}

// ── A habit's page ───────────────────────────────────────────────────────────────────────────

/**
 * One of the member's habits as their habit page shows it, read by the coach (`actor`, who needs
 * `seeOthers` there); a habit of anyone else is not found.
 */
export async function getMemberHabitHistory(
  db: TenantDb,
  actor: Actor,
  scope: DrillScope,
  now: Date,
  input: { habitId: string; to?: LocalDate },
): Promise<HabitHistoryOut> {
  const history = await getHabitHistory(db, actor, now, input);
  if (history.habit.memberId !== scope.memberId) {
    throw new AppError("NOT_FOUND", "There is no such habit among this member's plans.");
  }
  return history;
}
