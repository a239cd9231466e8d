/**
 * Habit strength, after Loop Habit Tracker (docs/domain.md "Habit strength"): an exponential moving
 * average of completions, updated once per finished due occurrence.
 */
import type { HabitVersion } from "./model.ts";

type Schedule = Pick<HabitVersion, "schedule" | "daysOfWeek" | "timesPerWeek" | "everyNDays">;

/** f: expected completions per day. */
export function expectedPerDay(s: Schedule): number {
  switch (s.schedule) {
    case "daily":
      return 1;
    case "days_of_week":
      return s.daysOfWeek.length / 7;
    case "every_n_days":
      return 1 / (s.everyNDays ?? 1);
    case "times_per_week":
      return (s.timesPerWeek ?? 1) / 7;
  }
}

/** r: occurrences per day (a times_per_week occurrence is a week). */
export function occurrencesPerDay(s: Schedule): number {
  return s.schedule === "times_per_week" ? 1 / 7 : expectedPerDay(s);
}

/** H = 13/sqrt(f) days, as in Loop. */
export function halfLifeDays(s: Schedule): number {
  return 13 / Math.sqrt(expectedPerDay(s));
}

const multipliers = new Map<string, number>();

/** m = 0.5^(1/(H·r)); 1 (no decay) for a schedule with no occurrences (an empty days_of_week). */
export function strengthMultiplier(s: Schedule): number {
  const key = `${s.schedule}|${s.daysOfWeek.length}|${s.timesPerWeek}|${s.everyNDays}`;
  let m = multipliers.get(key);
  if (m === undefined) {
    const f = expectedPerDay(s);
    m = f > 0 ? Math.pow(0.5, 1 / (halfLifeDays(s) * occurrencesPerDay(s))) : 1;
    multipliers.set(key, m);
  }
  return m;
}

/** The Loop update: strength·m + c·(1 − m). */
export function updateStrength(strength: number, c: number, m: number): number {
  return strength * m + c * (1 - m);
}

/** c of a finished times_per_week week: min(1, met/(N − s)); null (excused) when N − s ≤ 0. */
export function weekCompletion(
  metDays: number,
  timesPerWeek: number,
  skips: number,
): number | null {
  const need = timesPerWeek - skips;
  return need <= 0 ? null : Math.min(1, metDays / need);
}
