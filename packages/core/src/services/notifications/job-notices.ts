/**
 * What the jobs notify, selected from stored rows with bounded reads (docs/domain.md "Overload
 * notices", "Streak monitoring"; docs/architecture.md "Jobs"). Each function reads one workspace
 * as the application role and returns notices with their dedupe keys; packages/jobs hands each to
 * notify(), whose dedupe makes a rerun send nothing twice. Nothing here reads a whole history.
 */
import type { TenantDb } from "@atlas/db";
import {
  addDays,
  DEFAULT_TIME_SETTING,
  localDayRange,
  timeSettingOn,
  type LocalDate,
} from "@atlas/time";
import { isEntitled, type EntitlementSnapshot } from "../../billing/plan-catalog.ts";
import { isStatusActive, PORTFOLIO_LOAD_DAYS, storedLoadLevel } from "../../coach-portfolio.ts";
import {
  EVENING_REMINDER_HOUR,
  isOverloadRise,
  isLocalHour,
  STREAK_NOTICE_MIN,
  streakChange,
} from "../../notice-rules.ts";
import { loadClocks, type MemberClock } from "../derived/member-history.ts";
import type { DbTx } from "../shared/db.ts";
import { fromDbDate, toDbDate } from "../shared/db-date.ts";
import { getToday } from "../views/today.ts";

/** The categories these jobs send (NOTIFY-CORE's catalog names them all). */
export type JobNoticeCategory =
  "overload" | "coach_flag" | "streak_at_risk" | "streak_broken" | "streak_repaired";

export interface JobNotice {
  userId: string;
  category: JobNoticeCategory;
  payload: Record<string, unknown>;
  /** Unique per recipient: a rerun of the same tick notifies nobody twice. */
  dedupeKey: string;
}

const HOUR_MS = 3_600_000;
const CONSOLE_ROLES = new Set(["owner", "admin", "coach"]);

interface Roster {
  entitlements: EntitlementSnapshot;
  members: { userId: string; role: string; name: string }[];
  /** Members whose status pauses them today (docs/domain.md "The portfolio"): no notices. */
  paused: Set<string>;
  clocks: Map<string, MemberClock>;
}

/** The workspace's active members with their clocks and statuses: four queries. */
async function loadRoster(tx: DbTx, workspaceId: string, now: Date): Promise<Roster> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { entitlements: true },
  });
  const memberships = await tx.membership.findMany({
    where: { workspaceId, leftAt: null },
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
    orderBy: { userId: "asc" },
  });
  const memberIds = memberships.map((m) => m.userId);
  const clocks = await loadClocks(tx, { workspaceId, memberIds }, now);
  const statuses = await tx.memberStatus.findMany({
    where: { workspaceId },
    select: { memberId: true, kind: true, note: true, untilDate: true },
  });
  const paused = new Set(
    statuses
      .filter((s) => {
        const today = clocks.get(s.memberId)?.today;
        const status = {
          kind: s.kind,
          note: s.note,
          untilDate: s.untilDate && fromDbDate(s.untilDate),
        };
        return today !== undefined && isStatusActive(status, today);
      })
      .map((s) => s.memberId),
  );
  return {
    entitlements: workspace.entitlements as unknown as EntitlementSnapshot,
    members: memberships.map((m) => ({
      userId: m.userId,
      role: m.role,
      name: m.user.name || m.user.email,
    })),
    paused,
    clocks,
  };
}

/** The member's setting in force on `date` (their zone and day start). */
function settingOf(clock: MemberClock, date: LocalDate) {
  return timeSettingOn(clock.timeSettings, date) ?? DEFAULT_TIME_SETTING;
}

/**
 * The notices of the day that just closed, for each member whose today began in the hour before
 * the tick's hour (docs/domain.md "Overload notices", "Streak monitoring"): an overload level that
 * rose (the member, and each coach, admin and owner as a `coach_flag` when the plan includes the
 * coach console), and each streak broken or repaired on that day. Run after the day close.
 */
export async function dayCloseNotices(
  db: TenantDb,
  input: { workspaceId: string; now: Date },
): Promise<JobNotice[]> {
  const { workspaceId, now } = input;
  const tickHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return db.$transaction(async (tx) => {
    const roster = await loadRoster(tx, workspaceId, now);
    const closing = new Map<string, LocalDate>();
    for (const { userId } of roster.members) {
      const clock = roster.clocks.get(userId);
      if (clock === undefined || roster.paused.has(userId)) continue;
      const setting = settingOf(clock, clock.today);
      const began = localDayRange(clock.today, setting.timeZone, setting.dayStartMinutes).start;
      const day = addDays(clock.today, -1);
      if (
        began.getTime() > tickHour - HOUR_MS &&
        began.getTime() <= tickHour &&
        day >= clock.firstDay
      )
        closing.set(userId, day);
    }
    if (closing.size === 0) return [];

    const ids = [...closing.keys()];
    const dates = [...closing.values()].sort();
    const from = addDays(dates[0]!, -PORTFOLIO_LOAD_DAYS);
    const to = dates.at(-1)!;
    const dayRows = await tx.memberDayScore.findMany({
      where: {
        workspaceId,
        memberId: { in: ids },
        localDate: { gte: toDbDate(from), lte: toDbDate(to) },
      },
      select: {
        memberId: true,
        localDate: true,
        loadMinutes: true,
        capacityMinutes: true,
        closedAt: true,
      },
    });
    const habitRows = await tx.habitDayValue.findMany({
      where: {
        workspaceId,
        memberId: { in: ids },
        localDate: { gte: toDbDate(addDays(dates[0]!, -1)), lte: toDbDate(to) },
      },
      select: {
        memberId: true,
        habitId: true,
        localDate: true,
        streak: true,
        isPendingRepair: true,
        habit: { select: { title: true } },
      },
    });

    const notices: JobNotice[] = [];
    const coaches = isEntitled(roster.entitlements, "coach_console")
      ? roster.members.filter((m) => CONSOLE_ROLES.has(m.role))
      : [];
    const nameOf = new Map(roster.members.map((m) => [m.userId, m.name]));
    for (const [memberId, day] of closing) {
      const days = dayRows
        .filter((r) => r.memberId === memberId)
        .map((r) => ({ ...r, localDate: fromDbDate(r.localDate) }));
      // Rule: only a closed row speaks for its day.
      if (!days.some((d) => d.localDate === day && d.closedAt !== null)) continue;
      const before = storedLoadLevel(days, addDays(day, -1));
      const after = storedLoadLevel(days, day);
      if (isOverloadRise(before.level, after.level)) {
        const payload = {
          localDate: day,
          level: after.level,
          overloadedDays: after.overloadedDays,
        };
        notices.push({
          userId: memberId,
          category: "overload",
          payload,
          dedupeKey: `overload:${day}`,
        });
        for (const coach of coaches) {
          if (coach.userId === memberId) continue;
          notices.push({
            userId: coach.userId,
            category: "coach_flag",
            payload: { ...payload, flag: "overloaded", memberId, memberName: nameOf.get(memberId) },
            dedupeKey: `coach_flag:overloaded:${memberId}:${day}`,
          });
        }
      }
      const rows = habitRows.filter((r) => r.memberId === memberId);
      for (const row of rows) {
        if (fromDbDate(row.localDate) !== day) continue;
        const prev = rows.find(
          (r) => r.habitId === row.habitId && fromDbDate(r.localDate) === addDays(day, -1),
        );
        if (prev === undefined) continue;
        const change = streakChange(prev, row);
        if (change === null) continue;
        const payload = {
          localDate: day,
          habitId: row.habitId,
          title: row.habit.title,
          streak: change === "broken" ? prev.streak : row.streak,
        };
        notices.push({
          userId: memberId,
          category: change === "broken" ? "streak_broken" : "streak_repaired",
          payload,
          dedupeKey: `streak_${change}:${row.habitId}:${day}`,
        });
      }
    }
    return notices;
  });
}

/**
 * The evening reminders (docs/domain.md "Streak monitoring"): for each member whose wall clock
 * reads 19:00 … 19:59, one notice listing the habits at risk today. Yesterday's closed rows pick
 * the candidates (a streak of 3 or more, or a miss waiting for repair); only those members' Today
 * is read, from their checkpoint, to confirm what is still at risk now.
 */
export async function eveningStreakNotices(
  db: TenantDb,
  input: { workspaceId: string; now: Date },
): Promise<JobNotice[]> {
  const { workspaceId, now } = input;
  const { roster, candidates } = await db.$transaction(async (tx) => {
    const roster = await loadRoster(tx, workspaceId, now);
    const evening = roster.members.filter(({ userId }) => {
      const clock = roster.clocks.get(userId);
      if (clock === undefined || roster.paused.has(userId)) return false;
      return isLocalHour(now, settingOf(clock, clock.today).timeZone, EVENING_REMINDER_HOUR);
    });
    if (evening.length === 0) return { roster, candidates: new Set<string>() };
    const yesterdays = [
      ...new Set(evening.map((m) => addDays(roster.clocks.get(m.userId)!.today, -1))),
    ];
    const rows = await tx.habitDayValue.findMany({
      where: {
        workspaceId,
        memberId: { in: evening.map((m) => m.userId) },
        localDate: { in: yesterdays.map(toDbDate) },
        OR: [{ streak: { gte: STREAK_NOTICE_MIN } }, { isPendingRepair: true }],
      },
      select: { memberId: true, localDate: true },
    });
    const candidates = new Set(
      rows
        .filter(
          (r) => fromDbDate(r.localDate) === addDays(roster.clocks.get(r.memberId)!.today, -1),
        )
        .map((r) => r.memberId),
    );
    return { roster, candidates };
  });

  const notices: JobNotice[] = [];
  for (const userId of candidates) {
    const today = await getToday(
      db,
      { workspaceId, userId, entitlements: roster.entitlements },
      now,
    );
    const habits = today.atRisk.map((h) => ({
      habitId: h.habitId,
      title: h.name,
      streak: h.streak,
      reasons: h.reasons,
    }));
    if (habits.length === 0) continue;
    notices.push({
      userId,
      category: "streak_at_risk",
      payload: { localDate: today.localDate, habits },
      dedupeKey: `streak_at_risk:${today.localDate}`,
    });
  }
  return notices;
}
