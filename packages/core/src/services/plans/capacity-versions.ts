/**
 * Storing a member's capacity, versioned like a plan (docs/domain.md "Capacity", "Plans of work" applied to
 * capacity): an edit takes effect from the member's local today, so the load/capacity stored for
 * past days never changes and a recompute equals the incremental result. The Membership columns
 * hold the current week; CapacityVersion what was in force on each day once it was edited.
 */
import type { LocalDate } from "@atlas/time";
import type { WeeklyCapacity } from "../../model.ts";
import type { DbTx } from "../shared/db.ts";
import { toDbDate } from "../shared/db-date.ts";

export const CAPACITY_COLUMNS = {
  capacityMonMinutes: true,
  capacityTueMinutes: true,
  capacityWedMinutes: true,
  capacityThuMinutes: true,
  capacityFriMinutes: true,
  capacitySatMinutes: true,
  capacitySunMinutes: true,
} as const;

export type CapacityColumns = { [K in keyof typeof CAPACITY_COLUMNS]: number };

export function weekFromColumns(row: CapacityColumns): WeeklyCapacity {
  return [
    row.capacityMonMinutes,
    row.capacityTueMinutes,
    row.capacityWedMinutes,
    row.capacityThuMinutes,
    row.capacityFriMinutes,
    row.capacitySatMinutes,
    row.capacitySunMinutes,
  ];
}

export function columnsFromWeek(week: WeeklyCapacity): CapacityColumns {
  const [mon, tue, wed, thu, fri, sat, sun] = week;
  return {
    capacityMonMinutes: mon,
    capacityTueMinutes: tue,
    capacityWedMinutes: wed,
    capacityThuMinutes: thu,
    capacityFriMinutes: fri,
    capacitySatMinutes: sat,
    capacitySunMinutes: sun,
  };
}

/**
 * Sets the member's week from `today`. The first edit also records the week held since joining;
 * a second edit on one day replaces the first. The caller refreshes derived rows from `today`.
 */
export async function writeCapacity(
  tx: DbTx,
  input: {
    workspaceId: string;
    memberId: string;
    week: WeeklyCapacity;
    today: LocalDate;
    joinedOn: LocalDate;
  },
): Promise<WeeklyCapacity> {
  const { workspaceId, memberId, today, joinedOn } = input;
  const where = { workspaceId_userId: { workspaceId, userId: memberId } };
  const edited = await tx.capacityVersion.findFirst({
    where: { workspaceId, memberId },
    select: { effectiveFrom: true },
  });
  if (edited === null && joinedOn < today) {
    const held = await tx.membership.findUniqueOrThrow({ where, select: CAPACITY_COLUMNS });
    await tx.capacityVersion.create({
      data: { workspaceId, memberId, effectiveFrom: toDbDate(joinedOn), ...held },
    });
  }
  const columns = columnsFromWeek(input.week);
  const key = { workspaceId, memberId, effectiveFrom: toDbDate(today) };
  await tx.capacityVersion.upsert({
    where: { workspaceId_memberId_effectiveFrom: key },
    create: { ...key, ...columns },
    update: columns,
  });
  const row = await tx.membership.update({ where, data: columns, select: CAPACITY_COLUMNS });
  return weekFromColumns(row);
}
