/**
 * Where the clock-offset web server stands: a minute after midnight in Pacific/Kiritimati (UTC+14
 * all year, the first zone to start a day, so the server's UTC date is still the day before),
 * on a day that is at least a week ahead and leaves room in its month. A week ahead, the days
 * before that server's today are free of seeded log entries; the room in the month lets a journey
 * use up a habit's monthly skips with late entries on the days just before today.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const KIRITIMATI_UTC_OFFSET_MS = 14 * 60 * MINUTE_MS;

/** The ATLAS_CLOCK_OFFSET (milliseconds) that puts a server started at `now` there. */
export function kiritimatiMidnightOffset(now: Date): number {
  // Days since the epoch, counted in Kiritimati's local calendar.
  let day = Math.floor((now.getTime() + KIRITIMATI_UTC_OFFSET_MS) / DAY_MS) + 7;
  // Two days before it (today in zones up to 24 h behind) is the 5th of its month or later.
  while (new Date((day - 2) * DAY_MS).getUTCDate() < 5) day++;
  return day * DAY_MS - KIRITIMATI_UTC_OFFSET_MS + MINUTE_MS - now.getTime();
}

/** The clock-offset server's now (global setup passes its offset to the test workers). */
export function clockServerNow(): Date {
  const offset = Number(process.env.E2E_CLOCK_OFFSET_MS);
  if (!Number.isSafeInteger(offset))
    throw new Error("E2E_CLOCK_OFFSET_MS is not set: run through global setup");
  return new Date(Date.now() + offset);
}
