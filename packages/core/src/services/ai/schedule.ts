/**
 * Who the jobs suggest to, and when (docs/domain.md "AI suggestions" → "Scheduled suggestions"):
 * members who decided one of their own suggestions within the last ACTIVE_DAYS (the others are
 * never sent suggestions they did not ask for, nor spend the workspace's quota); a weekly plan
 * on their Monday from 06:00 (their zone), a recovery and a deferral check in the hour their day
 * began (after the hourly close has closed the day before). Each carries a dedupe key per member
 * and day (week), so a re-run tick or a redelivered event stores nothing twice.
 */
import { isoWeekday, localDayStart, localToday, timeSettingOn, type LocalDate } from "@atlas/time";
import type { TenantDb } from "@atlas/db";
import { loadClocks, type MemberClock } from "../derived/member-history.ts";
import type { SuggestionRequest } from "./snapshot.ts";

/** Members who decided a suggestion within this many days get scheduled ones. */
export const ACTIVE_DAYS = 28;
/** The Monday plan comes from this wall-clock minute of the member's Monday (06:00). */
export const WEEKLY_PLAN_FROM_MINUTES = 6 * 60;
const HOUR_MS = 60 * 60 * 1000;

/** One scheduled suggestion to make (the event the jobs send). */
export interface ScheduledSuggestion {
  workspaceId: string;
  memberId: string;
  request: SuggestionRequest;
  dedupeKey: string;
}

async function activeClocks(
  db: TenantDb,
  workspaceId: string,
  now: Date,
): Promise<[string, MemberClock][]> {
  return db.$transaction(async (tx) => {
    const since = new Date(now.getTime() - ACTIVE_DAYS * 24 * HOUR_MS);
    const users = await tx.$queryRaw<{ m: string }[]>`
      SELECT m FROM "atlas_ai_members_since"(${since}) AS m`;
    if (users.length === 0) return [];
    const current = await tx.membership.findMany({
      where: { workspaceId, leftAt: null, userId: { in: users.map((u) => u.m) } },
      select: { userId: true },
    });
    if (current.length === 0) return [];
    const clocks = await loadClocks(
      tx,
      { workspaceId, memberIds: current.map((c) => c.userId) },
      now,
    );
    return [...clocks];
  });
}

/** The weekly plans due at `now`: members whose today is a Monday from 06:00 on. */
export async function dueWeeklyPlans(
  db: TenantDb,
  workspaceId: string,
  now: Date,
): Promise<ScheduledSuggestion[]> {
  return (await activeClocks(db, workspaceId, now)).flatMap(([memberId, clock]) => {
    const today = clock.today;
    if (isoWeekday(today) !== 1) return [];
    const setting = timeSettingOn(clock.timeSettings, today);
    const zone = setting?.timeZone ?? "UTC";
    const from = Math.max(
      localDayStart(today, zone, WEEKLY_PLAN_FROM_MINUTES).getTime(),
      localDayStart(today, zone, setting?.dayStartMinutes ?? 0).getTime(),
    );
    if (now.getTime() < from) return [];
    return [
      {
        workspaceId,
        memberId,
        request: { type: "weekly_plan", weekStart: today },
        dedupeKey: `weekly:${memberId}:${today}`,
      },
    ];
  });
}

/** The recovery and deferral checks due at `now`: members whose day began within the last hour. */
export async function dueDailyChecks(
  db: TenantDb,
  workspaceId: string,
  now: Date,
): Promise<ScheduledSuggestion[]> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  return (await activeClocks(db, workspaceId, now)).flatMap(([memberId, clock]) => {
    const today: LocalDate = clock.today;
    if (localToday(clock.timeSettings, hourAgo) === today) return [];
    return (["recovery", "deferral"] as const).map((type) => ({
      workspaceId,
      memberId,
      request: { type },
      dedupeKey: `${type}:${memberId}:${today}`,
    }));
  });
}
