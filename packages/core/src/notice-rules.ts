/**
 * When the jobs notify (docs/domain.md "Overload notices", "Streak monitoring", "Digest timing"):
 * pure rules over stored rows and the recipient's wall clock. The services in
 * services/notifications/job-notices.ts load the rows; packages/jobs sends what these select.
 */
import { dayKey, isoWeekday, type LocalDate } from "@atlas/time";
import { isOverloadedLevel, type LoadLevel } from "./overload.ts";

/** The evening reminder's local hour: 19:00 … 19:59 on the member's wall clock. */
export const EVENING_REMINDER_HOUR = 19;
/** Digests (daily; weekly on Monday) and the coach's weekly digest: 08:00 … 08:59 local. */
export const MORNING_DIGEST_HOUR = 8;
/** A streak lost from this length is worth a notice (the length "At risk" warns about). */
export const STREAK_NOTICE_MIN = 3;

const LEVEL_RANK: Readonly<Record<LoadLevel, number>> = { none: 0, near: 1, over: 2, critical: 3 };

/** A level that rises into overload (over or critical) notifies; falling or staying does not. */
export function isOverloadRise(before: LoadLevel, after: LoadLevel): boolean {
  return isOverloadedLevel(after) && LEVEL_RANK[after] > LEVEL_RANK[before];
}

/** A habit's stored row as the streak notices read it. */
export interface StoredStreakDay {
  streak: number;
  isPendingRepair: boolean;
}

export type StreakChange = "broken" | "repaired";

/**
 * What changed between a habit's stored rows of D − 1 and D: `broken` when a streak of 3 or more
 * fell (a failed repair, a miss too close to the last repair, a miss after a partial); `repaired`
 * when the miss waiting on D − 1 no longer waits on D and the streak held.
 */
export function streakChange(before: StoredStreakDay, after: StoredStreakDay): StreakChange | null {
  if (before.streak >= STREAK_NOTICE_MIN && after.streak < before.streak) return "broken";
  if (before.isPendingRepair && !after.isPendingRepair && after.streak >= before.streak)
    return "repaired";
  return null;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock hour (0 … 23) in `timeZone` at `instant`. */
export function localHour(instant: Date, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(instant));
}

/**
 * Whether `instant` falls in the local hour `hour` of `timeZone`. An hourly tick at a fixed
 * minute lands in each local hour exactly once (half- and quarter-hour zones included), and the
 * transitions of daylight saving never repeat or skip 08:00 or 19:00 in any zone Atlas accepts.
 */
export function isLocalHour(instant: Date, timeZone: string, hour: number): boolean {
  return localHour(instant, timeZone) === hour;
}

export type DigestPeriod = "daily" | "weekly";

/**
 * The digests due at this tick for a recipient in `timeZone`: daily in the 08:00 hour, and weekly
 * too on a Monday. Hourly digests are due at every tick and are not listed here.
 */
export function digestPeriodsDue(instant: Date, timeZone: string): DigestPeriod[] {
  if (!isLocalHour(instant, timeZone, MORNING_DIGEST_HOUR)) return [];
  const isMonday = isoWeekday(dayKey(instant, timeZone, 0)) === 1;
  return isMonday ? ["daily", "weekly"] : ["daily"];
}

/**
 * Whether the coach's weekly digest may go out: from Monday 08:00 on the coach's wall clock, in
 * the coach's current ISO week (its job sends a week's digest once, when its summary is stored).
 */
export function isCoachDigestTime(instant: Date, timeZone: string): boolean {
  const today: LocalDate = dayKey(instant, timeZone, 0);
  return isoWeekday(today) > 1 || localHour(instant, timeZone) >= MORNING_DIGEST_HOUR;
}
