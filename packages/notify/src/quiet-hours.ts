/**
 * Quiet hours in the recipient's own zone (docs/domain.md "Notifications"): a local window
 * [start, end) in minutes after midnight; start > end spans midnight (22:00–07:00). Wall-clock
 * times are read in the zone on the day itself, so a DST change moves the instants, never the
 * local times.
 */
import { Temporal } from "temporal-polyfill";

export interface QuietHours {
  startMinutes: number;
  endMinutes: number;
}

/** Whether `minute` (0..1439, local) falls inside the window. */
function isQuiet(minute: number, { startMinutes, endMinutes }: QuietHours): boolean {
  return startMinutes < endMinutes
    ? minute >= startMinutes && minute < endMinutes
    : minute >= startMinutes || minute < endMinutes;
}

/**
 * The instant the quiet hours around `now` end, or null when `now` is not inside them. An end
 * that falls in a skipped hour is the first instant after the jump; a repeated one, the earlier.
 */
export function quietHoursEnd(now: Date, timeZone: string, window: QuietHours): Date | null {
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const minute = local.hour * 60 + local.minute;
  if (!isQuiet(minute, window)) return null;
  const endsTomorrow = window.startMinutes > window.endMinutes && minute >= window.startMinutes;
  const day = endsTomorrow ? local.toPlainDate().add({ days: 1 }) : local.toPlainDate();
  const end = day
    .toPlainDateTime({ hour: Math.floor(window.endMinutes / 60), minute: window.endMinutes % 60 })
    .toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(end.epochMilliseconds);
}
