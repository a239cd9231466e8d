/**
 * A member's capacity (minutes per ISO weekday) is versioned like a plan: an edit takes effect
 * from the member's local today, so a past day's load/capacity never changes and a recompute
 * equals what was stored incrementally.
 */
import { isoWeekday, type LocalDate } from "@atlas/time";
import type { CapacityVersion } from "./model.ts";
import { versionOn } from "./versions.ts";

/**
 * The capacity in minutes on `date`: the weekday's value of the version in force. Before the
 * first version (days before the membership existed) the first version applies; none is 0.
 */
export function capacityOn(versions: readonly CapacityVersion[], date: LocalDate): number {
  const version = versionOn(versions, date) ?? versions[0];
  return version === undefined ? 0 : version.week[isoWeekday(date) - 1]!;
}
