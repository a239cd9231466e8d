/** A member's capacity per ISO weekday in one workspace (minutes, 0..1440), on the membership. */
import type { TenantDb } from "@atlas/db";

export interface WeekCapacity {
  monMinutes: number;
  tueMinutes: number;
  wedMinutes: number;
  thuMinutes: number;
  friMinutes: number;
  satMinutes: number;
  sunMinutes: number;
}

const CAPACITY_SELECT = {
  capacityMonMinutes: true,
  capacityTueMinutes: true,
  capacityWedMinutes: true,
  capacityThuMinutes: true,
  capacityFriMinutes: true,
  capacitySatMinutes: true,
  capacitySunMinutes: true,
} as const;

type CapacityRow = {
  [K in keyof typeof CAPACITY_SELECT]: number;
};

function toWeek(row: CapacityRow): WeekCapacity {
  return {
    monMinutes: row.capacityMonMinutes,
    tueMinutes: row.capacityTueMinutes,
    wedMinutes: row.capacityWedMinutes,
    thuMinutes: row.capacityThuMinutes,
    friMinutes: row.capacityFriMinutes,
    satMinutes: row.capacitySatMinutes,
    sunMinutes: row.capacitySunMinutes,
  };
}

function toRow(week: WeekCapacity): CapacityRow {
  return {
    capacityMonMinutes: week.monMinutes,
    capacityTueMinutes: week.tueMinutes,
    capacityWedMinutes: week.wedMinutes,
    capacityThuMinutes: week.thuMinutes,
    capacityFriMinutes: week.friMinutes,
    capacitySatMinutes: week.satMinutes,
    capacitySunMinutes: week.sunMinutes,
  };
}

export interface MemberKey {
  workspaceId: string;
  userId: string;
}

export async function getCapacity(db: TenantDb, member: MemberKey): Promise<WeekCapacity> {
  const row = await db.membership.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId: member.workspaceId, userId: member.userId } },
    select: CAPACITY_SELECT,
  });
  return toWeek(row);
}

export async function updateCapacity(
  db: TenantDb,
  member: MemberKey,
  week: WeekCapacity,
): Promise<WeekCapacity> {
  const row = await db.membership.update({
    where: { workspaceId_userId: { workspaceId: member.workspaceId, userId: member.userId } },
    data: toRow(week),
    select: CAPACITY_SELECT,
  });
  return toWeek(row);
}
