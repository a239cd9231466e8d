/** Coach risk (docs/domain.md "Coach risk"): flags per member, a 0–100 risk score, a ranking. */
import { addDays, diffDays, type LocalDate } from "@atlas/time";
import { isRecovery } from "./consistency.ts";
import type { LogEvent } from "./model.ts";
import type { StreakBreak } from "./occurrences.ts";
import { LONG_STREAK } from "./occurrences.ts";

export type CoachFlag = "slipping" | "overloaded" | "inactive" | "streak_broken" | "recovering";

/** One closed day (before today) of a member. */
export interface CoachDay {
  localDate: LocalDate;
  score: number | null;
  scoreNumerator: bigint | null;
  scoreDenominator: bigint | null;
  /** Rule: a day "had items due" when something counted in its score (dueCount > 0). */
  hasItemsDue: boolean;
  /** Any event other than undo that day (reverted or not). */
  hasActivity: boolean;
}

export interface CoachRiskInput {
  memberId: string;
  name: string;
  today: LocalDate;
  /** Closed days, any order; days after today − 1 are ignored. */
  days: readonly CoachDay[];
  isOverloaded: boolean;
  /** Consistency as of the latest closed day. */
  consistency: number | null;
  scoredDays: number;
  /** Streak breaks (e.g. each habit's latest break of 7 or more). */
  streakBreaks: readonly StreakBreak[];
}

export interface CoachRisk {
  memberId: string;
  name: string;
  flags: CoachFlag[];
  riskScore: number;
}

export const SLIPPING_WINDOW_DAYS = 14;
export const SLIPPING_MIN_SCORED_DAYS = 7;
export const SLIPPING_SLOPE = -2;
export const INACTIVE_DAYS = 3;
export const STREAK_BROKEN_WINDOW_DAYS = 7;
export const CONSISTENCY_MIN_SCORED_DAYS = 7;

const WEIGHTS: Readonly<Record<CoachFlag, number>> = {
  slipping: 30,
  overloaded: 25,
  inactive: 25,
  streak_broken: 15,
  recovering: -10,
};

/** Least-squares slope of y over x; null when the x are all equal or there are < 2 points. */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number | null {
  const n = points.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const { x, y } of points) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const den = n * sxx - sx * sx;
  return n < 2 || den === 0 ? null : (n * sxy - sx * sy) / den;
}

/** The days of the log that have an event other than undo. */
export function activeDays(events: readonly LogEvent[]): Set<LocalDate> {
  const days = new Set<LocalDate>();
  for (const e of events) if (e.kind !== "undo") days.add(e.localDate);
  return days;
}

export function coachFlags(input: CoachRiskInput): CoachFlag[] {
  const { today } = input;
  const closed = input.days
    .filter((d) => d.localDate < today)
    .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0));
  const flags: CoachFlag[] = [];

  // Rule: "the last 14 calendar days" are today − 14 … today − 1 (closed days); x in days.
  const windowStart = addDays(today, -SLIPPING_WINDOW_DAYS);
  const points = closed
    .filter((d) => d.localDate >= windowStart && d.score !== null)
    .map((d) => ({ x: diffDays(d.localDate, windowStart), y: d.score! }));
  if (points.length >= SLIPPING_MIN_SCORED_DAYS) {
    const slope = leastSquaresSlope(points);
    if (slope !== null && slope < SLIPPING_SLOPE) flags.push("slipping");
  }

  if (input.isOverloaded) flags.push("overloaded");

  const lastDue = closed.filter((d) => d.hasItemsDue).slice(-INACTIVE_DAYS);
  if (lastDue.length === INACTIVE_DAYS && lastDue.every((d) => !d.hasActivity)) {
    flags.push("inactive");
  }

  // Rule: "in the last 7 days" means the break (its miss day) lies in today − 7 … today − 1.
  const breakFrom = addDays(today, -STREAK_BROKEN_WINDOW_DAYS);
  if (
    input.streakBreaks.some(
      (b) => b.length >= LONG_STREAK && b.localDate >= breakFrom && b.localDate < today,
    )
  ) {
    flags.push("streak_broken");
  }

  const scored = closed.filter((d) => d.scoreNumerator !== null && d.scoreDenominator !== null);
  const latest = scored.at(-1);
  const before = scored.at(-2);
  if (
    latest !== undefined &&
    before !== undefined &&
    isRecovery(
      { num: before.scoreNumerator!, den: before.scoreDenominator! },
      { num: latest.scoreNumerator!, den: latest.scoreDenominator! },
    )
  ) {
    flags.push("recovering");
  }
  return flags;
}

/**
 * clamp(0, 100, round_half_up(Σ flag weights + C)), C = max(0, 60 − 100·consistency)/2 with
 * consistency rounded to 4 decimals, once 7 days are scored. Worked in 1/200ths to stay exact.
 */
export function riskScore(
  flags: readonly CoachFlag[],
  consistency: number | null,
  scoredDays: number,
): number {
  let x200 = 0;
  for (const flag of flags) x200 += 200 * WEIGHTS[flag];
  if (consistency !== null && scoredDays >= CONSISTENCY_MIN_SCORED_DAYS) {
    const tenThousandths = Math.floor(consistency * 10_000 + 0.5);
    x200 += Math.max(0, 6000 - tenThousandths);
  }
  const rounded = Math.floor((x200 + 100) / 200);
  return Math.min(100, Math.max(0, rounded));
}

export function coachRisk(input: CoachRiskInput): CoachRisk {
  const flags = coachFlags(input);
  return {
    memberId: input.memberId,
    name: input.name,
    flags,
    riskScore: riskScore(flags, input.consistency, input.scoredDays),
  };
}

const byName = new Intl.Collator("en", { sensitivity: "base" });

/** The ranking's order: highest risk first; ties by name (case-insensitive), then id. */
export function compareRisk(
  a: Pick<CoachRisk, "riskScore" | "name" | "memberId">,
  b: Pick<CoachRisk, "riskScore" | "name" | "memberId">,
): number {
  return (
    b.riskScore - a.riskScore ||
    byName.compare(a.name, b.name) ||
    (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
  );
}

/** Highest risk first; ties by name (then id, so the order is total). */
export function rankByRisk(inputs: readonly CoachRiskInput[]): CoachRisk[] {
  return inputs.map(coachRisk).sort(compareRisk);
}
