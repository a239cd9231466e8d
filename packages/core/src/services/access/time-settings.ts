/**
 * A user's own time zone and day start, versioned (docs/domain.md "Time and local days"). Needs no workspace: the
 * client is bound to the user only, and RLS lets a user read and write their own versions.
 */
import {
  DEFAULT_TIME_SETTING,
  localToday,
  timeSettingChangeEffectiveFrom,
  timeSettingOn,
  toLocalDate,
  type LocalDate,
  type TimeSetting,
  type TimeSettingVersion,
} from "@atlas/time";
import type { TenantDb } from "@atlas/db";

export interface MyTimeSetting extends TimeSetting {
  /** The first local day of the version in force today; null while the user has none (defaults). */
  effectiveFrom: LocalDate | null;
  /** The user's local today. */
  today: LocalDate;
}

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** A @db.Date column holds the calendar date at UTC midnight. */
const fromDbDate = (d: Date) => toLocalDate(d.toISOString().slice(0, 10));
const toDbDate = (d: LocalDate) => new Date(`${d}T00:00:00.000Z`);

async function versionsOf(tx: Tx | TenantDb, userId: string): Promise<TimeSettingVersion[]> {
  const rows = await tx.userTimeSetting.findMany({
    where: { userId },
    select: { effectiveFrom: true, timeZone: true, dayStartMinutes: true },
    orderBy: { effectiveFrom: "asc" },
  });
  return rows.map((r) => ({ ...r, effectiveFrom: fromDbDate(r.effectiveFrom) }));
}

function inForce(versions: TimeSettingVersion[], now: Date): MyTimeSetting {
  const today = localToday(versions, now);
  const version = timeSettingOn(versions, today);
  return version
    ? {
        timeZone: version.timeZone,
        dayStartMinutes: version.dayStartMinutes,
        effectiveFrom: version.effectiveFrom,
        today,
      }
    : { ...DEFAULT_TIME_SETTING, effectiveFrom: null, today };
}

export async function getMyTimeSetting(
  db: TenantDb,
  userId: string,
  now: Date,
): Promise<MyTimeSetting> {
  return inForce(await versionsOf(db, userId), now);
}

/**
 * Changes the user's time zone and/or day start. A change equal to the setting in force is a
 * no-op; otherwise the version dated by core's rule (the later of today in the old and in the new
 * setting) is written, replacing one already dated that day.
 */
export async function updateMyTimeSetting(
  db: TenantDb,
  userId: string,
  now: Date,
  change: Partial<TimeSetting>,
): Promise<MyTimeSetting> {
  return db.$transaction(async (tx) => {
    const versions = await versionsOf(tx, userId);
    const current = inForce(versions, now);
    const next: TimeSetting = {
      timeZone: change.timeZone ?? current.timeZone,
      dayStartMinutes: change.dayStartMinutes ?? current.dayStartMinutes,
    };
    if (
      current.effectiveFrom !== null &&
      next.timeZone === current.timeZone &&
      next.dayStartMinutes === current.dayStartMinutes
    ) {
      return current;
    }
    const effectiveFrom = toDbDate(timeSettingChangeEffectiveFrom(versions, now, next));
    await tx.userTimeSetting.upsert({
      where: { userId_effectiveFrom: { userId, effectiveFrom } },
      create: { userId, effectiveFrom, ...next },
      update: next,
    });
    return inForce(await versionsOf(tx, userId), now);
  });
}
