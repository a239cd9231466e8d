/**
 * Helpers for the plan and log suites: fixed clocks at chosen local wall times, a fingerprint of
 * every table a plan or log write may touch (a refused call must leave it unchanged), and fresh
 * idempotency keys.
 */
import { randomUUID } from "node:crypto";
import {
  addDays,
  dayKey,
  localDayStart,
  toLocalDate,
  type Clock,
  type LocalDate,
} from "@atlas/time";
import { expect } from "vitest";
import { rejectionOf, type Harness } from "./harness.ts";

/** The seeded people's zones (packages/seed/src/people.ts). */
export const ZONES = {
  owner: "Europe/Berlin",
  coach: "America/Chicago",
  nora: "America/New_York",
  bernd: "Europe/Berlin",
  kenji: "Asia/Tokyo",
  sam: "Australia/Sydney",
  priya: "Asia/Kolkata",
  staff: "Europe/Dublin",
} as const;

export const clockAt = (instant: Date): Clock => ({ now: () => new Date(instant.getTime()) });

/** The instant the wall clock in `timeZone` reads `time` ("HH:MM") on `date` (no DST day). */
export function wallTime(timeZone: string, date: LocalDate, time: string): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(localDayStart(date, timeZone, 0).getTime() + (hours * 60 + minutes) * 60_000);
}

/**
 * The first day of a month at least `daysAhead` days after the real today (UTC). Tests stand
 * after the seed's "now" so every seeded time-zone version is in force, and on a month start so
 * a month's skips fit before the test's today.
 */
export function monthStartAhead(daysAhead = 40): LocalDate {
  const ahead = addDays(dayKey(new Date(), "UTC", 0), daysAhead);
  return ahead.endsWith("-01")
    ? ahead
    : toLocalDate(`${addDays(toLocalDate(`${ahead.slice(0, 7)}-28`), 7).slice(0, 7)}-01`);
}

/** A capacity of an hour every weekday (a valid `membership.capacity.update` input). */
export const HOUR_A_DAY = {
  monMinutes: 60,
  tueMinutes: 60,
  wedMinutes: 60,
  thuMinutes: 60,
  friMinutes: 60,
  satMinutes: 60,
  sunMinutes: 60,
};

export const newKey = (label = "k") => `${label}-${randomUUID()}`;

/** Tables a plan or log write may touch. */
export const WATCHED_TABLES = [
  "ExecutionEvent",
  "IdempotencyKey",
  "Habit",
  "HabitVersion",
  "Task",
  "TaskVersion",
  "Goal",
  "Milestone",
  "AuditLog",
  "Membership",
  "Invitation",
] as const;

/**
 * Row count and an md5 of every row of each watched table (through the admin connection). The
 * audit of a bypass use (`bypass.use`) is left out: withBypass records every attempt before its
 * work, refused ones included (docs/architecture.md "Tenancy"); it changes no domain state.
 */
export async function tableState(h: Harness): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of WATCHED_TABLES) {
    const where = table === "AuditLog" ? `WHERE t.action <> 'bypass.use'` : "";
    const [row] = await h.admin.$queryRawUnsafe<{ n: number; digest: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t ${where}`,
    );
    state[table] = `${row!.n}:${row!.digest}`;
  }
  return state;
}

/**
 * `call` is refused with `code` (and a message matching `message`), and no watched table changed.
 * Returns the error for further checks.
 */
export async function expectRefused(
  h: Harness,
  call: () => Promise<unknown>,
  code: string,
  message?: RegExp,
) {
  const before = await tableState(h);
  const error = await rejectionOf(call());
  expect(error.code, error.message).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(await tableState(h)).toEqual(before);
  return error;
}
