/**
 * A member's capacity per ISO weekday in one workspace (minutes, 0..1440), versioned from the
 * member's local today (@atlas/core/services/capacity).
 */
import { CAPACITY_COLUMNS, weekFromColumns, writeCapacity } from "./capacity-versions.ts";
import { refreshDerived } from "../derived/derived.ts";
import type { WeeklyCapacity } from "@atlas/core";
import type { TenantDb } from "@atlas/db";
import { loadMember, todayOf } from "../access/access.ts";

export interface WeekCapacity {
  monMinutes: number;
  tueMinutes: number;
  wedMinutes: number;
  thuMinutes: number;
  friMinutes: number;
  satMinutes: number;
  sunMinutes: number;
}

const toWeekCapacity = ([mon, tue, wed, thu, fri, sat, sun]: WeeklyCapacity): WeekCapacity => ({
  monMinutes: mon,
  tueMinutes: tue,
  wedMinutes: wed,
  thuMinutes: thu,
  friMinutes: fri,
  satMinutes: sat,
  sunMinutes: sun,
});

const toWeekly = (w: WeekCapacity): WeeklyCapacity => [
  w.monMinutes,
  w.tueMinutes,
  w.wedMinutes,
  w.thuMinutes,
  w.friMinutes,
  w.satMinutes,
  w.sunMinutes,
];

export interface MemberKey {
  workspaceId: string;
  userId: string;
}

export async function getCapacity(db: TenantDb, member: MemberKey): Promise<WeekCapacity> {
  const row = await db.membership.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId: member.workspaceId, userId: member.userId } },
    select: CAPACITY_COLUMNS,
  });
  return toWeekCapacity(weekFromColumns(row));
}

/** Sets the caller's week from their local today, then refreshes derived rows from today. */
export async function updateCapacity(
  db: TenantDb,
  key: MemberKey,
  week: WeekCapacity,
  now: Date,
): Promise<WeekCapacity> {
  const { workspaceId, userId } = key;
  return db.$transaction(async (tx) => {
    const member = await loadMember(tx, workspaceId, userId);
    const { createdAt } = await tx.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId, userId } },
      select: { createdAt: true },
    });
    const today = todayOf(member, now);
    const stored = await writeCapacity(tx, {
      workspaceId,
      memberId: userId,
      week: toWeekly(week),
      today,
      joinedOn: todayOf(member, createdAt), // the local day the member joined
    });
    await refreshDerived(tx, { workspaceId, memberId: userId, fromDate: today, now });
    return toWeekCapacity(stored);
  });
}
