/**
 * One member's line in the coach's portfolio (docs/domain.md "Coach risk", "The portfolio"):
 * the flags of coach-risk.ts with a one-line reason each, from a member's stored rows of a
 * bounded window (never a re-derived history).
 */
import { addDays, diffDays, isoWeekday, type LocalDate } from "@atlas/time";
import {
  coachFlags,
  compareRisk,
  leastSquaresSlope,
  riskScore,
  SLIPPING_WINDOW_DAYS,
  STREAK_BROKEN_WINDOW_DAYS,
  type CoachFlag,
} from "./coach-risk.ts";
import { LONG_STREAK, type StreakBreak } from "./occurrences.ts";
import { dayLevel, isOverloadedLevel, weekLevel, type LoadLevel } from "./overload.ts";

/** Stored days read: enough for the 14-day rules and the last due days of "inactive". */
export const PORTFOLIO_WINDOW_DAYS = 28;
/** Overload in the portfolio: today − 6 … today, from the stored rows. */
export const PORTFOLIO_LOAD_DAYS = 7;
/** A habit's streak counts as at risk from this length (docs/domain.md "At risk"). */
export const PORTFOLIO_STREAK_AT_RISK = 3;

export type MemberStatusKind = "on_leave" | "vacation" | "paused";

/** One stored MemberDayScore row. */
export interface StoredDay {
  localDate: LocalDate;
  score: number | null;
  scoreNumerator: bigint | null;
  scoreDenominator: bigint | null;
  dueCount: number;
  consistency: number | null;
  loadMinutes: number;
  capacityMinutes: number;
}

/** Today's stored HabitDayValue row of one habit. */
export interface StoredHabitToday {
  state: "met" | "partial" | "missed" | "skipped" | "pending" | "not_due";
  streak: number;
  /** Today's completion so far (null: nothing logged). */
  completion: number | null;
}

export interface MemberStatusIn {
  kind: MemberStatusKind;
  note: string | null;
  /** The member's local date through which flags pause (inclusive); null: until cleared. */
  untilDate: LocalDate | null;
}

export interface PortfolioInput {
  workspaceId: string;
  memberId: string;
  name: string;
  /** The member's local today. */
  today: LocalDate;
  /** Stored days of today − PORTFOLIO_WINDOW_DAYS … today, any order. */
  days: readonly StoredDay[];
  /** Days of the window with an event other than undo. */
  activeDays: ReadonlySet<LocalDate>;
  /** The latest event other than undo, any day. */
  lastCheckIn: { localDate: LocalDate; occurredAt: Date } | null;
  /** From the latest checkpoint: scored days through its day, and each habit's latest long break. */
  checkpoint: { localDate: LocalDate; scoredDays: number; streakBreaks: StreakBreak[] } | null;
  habitsToday: readonly StoredHabitToday[];
  status: MemberStatusIn | null;
}

export interface FlagReason {
  flag: CoachFlag;
  reason: string;
}

export interface PortfolioLine {
  workspaceId: string;
  memberId: string;
  name: string;
  riskScore: number;
  flags: FlagReason[];
  /** The 14 closed days today − 14 … today − 1, oldest first. */
  sparkline: { date: LocalDate; score: number | null }[];
  /** As of the latest closed day; null before the first scored day. */
  consistency: number | null;
  streaksAtRisk: number;
  overload: { level: LoadLevel; overloadedDays: number };
  lastCheckInAt: Date | null;
  /** Only while it pauses the flags (an expired status is no status). */
  status: MemberStatusIn | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "12 Jan": a local date in words. */
export function shortDate(date: LocalDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** "Tue": a local date's weekday. */
export function shortWeekday(date: LocalDate): string {
  return WEEKDAYS[isoWeekday(date) - 1]!;
}

/** A recent past day: "yesterday", its weekday within the last 6 days, else its date. */
export function pastDayWords(date: LocalDate, today: LocalDate): string {
  const age = diffDays(today, date);
  if (age === 1) return "yesterday";
  if (age >= 2 && age <= 6) return `on ${shortWeekday(date)}`;
  return `on ${shortDate(date)}`;
}

/** Whether a status pauses the flags on the member's `today` (its until date included). */
export function isStatusActive(status: MemberStatusIn | null, today: LocalDate): boolean {
  return status !== null && (status.untilDate === null || today <= status.untilDate);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const clampScore = (y: number) => Math.min(100, Math.max(0, Math.round(y)));

function slippingReason(closed: readonly StoredDay[], today: LocalDate): string {
  const start = addDays(today, -SLIPPING_WINDOW_DAYS);
  const points = closed
    .filter((d) => d.localDate >= start && d.score !== null)
    .map((d) => ({ x: diffDays(d.localDate, start), y: d.score! }));
  const slope = leastSquaresSlope(points) ?? 0;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const first = points[0]!.x;
  const last = points[n - 1]!.x;
  // The fitted line at the first and last scored day: it always falls when the flag is set.
  const from = clampScore(meanY + slope * (first - meanX));
  const to = clampScore(meanY + slope * (last - meanX));
  return `Score fell from ${from} to ${to} over ${plural(last - first + 1, "day")}`;
}

function inactiveReason(input: PortfolioInput): string {
  const lastActive = [...input.activeDays]
    .filter((d) => d < input.today)
    .sort()
    .at(-1);
  const lastDay = lastActive ?? input.lastCheckIn?.localDate;
  if (lastDay === undefined) return "No check-in yet";
  const quietDays = diffDays(input.today, lastDay) - 1;
  return `No check-in for ${plural(quietDays, "day")}`;
}

function streakBrokenReason(breaks: readonly StreakBreak[], today: LocalDate): string {
  const longest = [...breaks].sort(
    (a, b) => b.length - a.length || (a.localDate < b.localDate ? 1 : -1),
  )[0]!;
  return `Broke a streak of ${longest.length} ${pastDayWords(longest.localDate, today)}`;
}

function recoveringReason(closed: readonly StoredDay[]): string {
  const scored = closed.filter((d) => d.scoreNumerator !== null && d.scoreDenominator !== null);
  const [before, latest] = scored.slice(-2);
  return `Score back up to ${latest!.score} from ${before!.score}`;
}

/**
 * The stored past's overload (docs/domain.md "The portfolio"): the week-level rule over the stored
 * rows of end − 6 … end, with the count of days whose level is over or critical.
 */
export function storedLoadLevel(
  days: readonly Pick<StoredDay, "localDate" | "loadMinutes" | "capacityMinutes">[],
  end: LocalDate,
): { level: LoadLevel; overloadedDays: number } {
  const loadFrom = addDays(end, -(PORTFOLIO_LOAD_DAYS - 1));
  // Rule: a past day off has no split of task and habit minutes: its whole load counts as tasks.
  const loadDays = days
    .filter((d) => d.localDate >= loadFrom && d.localDate <= end)
    .map((d) => ({
      level: dayLevel(7 * d.loadMinutes, 7 * d.loadMinutes, d.capacityMinutes),
      isOverCapacity: d.capacityMinutes > 0 && d.loadMinutes > d.capacityMinutes,
    }));
  const { level } = weekLevel(loadDays);
  return { level, overloadedDays: loadDays.filter((d) => isOverloadedLevel(d.level)).length };
}

/**
 * A streak at risk from today's stored row (docs/domain.md "The portfolio", "Streak monitoring"):
 * pending, not yet complete, with a stored streak of 3 or more.
 */
export function isStoredStreakAtRisk(h: StoredHabitToday): boolean {
  return (
    h.state === "pending" &&
    h.streak >= PORTFOLIO_STREAK_AT_RISK &&
    (h.completion === null || h.completion < 1)
  );
}

/** One member's portfolio line; a member whose status is active has no flags and risk 0. */
export function portfolioLine(input: PortfolioInput): PortfolioLine {
  const { today } = input;
  const days = [...input.days].sort((a, b) =>
    a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0,
  );
  const closed = days.filter((d) => d.localDate < today);

  const { level, overloadedDays } = storedLoadLevel(days, today);

  const latestConsistency = closed.filter((d) => d.consistency !== null).at(-1);
  const consistency = latestConsistency?.consistency ?? null;
  const checkpointDay = input.checkpoint?.localDate ?? null;
  const scoredDays =
    (input.checkpoint?.scoredDays ?? 0) +
    closed.filter(
      (d) => d.score !== null && (checkpointDay === null || d.localDate > checkpointDay),
    ).length;

  const sparkStart = addDays(today, -SLIPPING_WINDOW_DAYS);
  const byDate = new Map(days.map((d) => [d.localDate, d]));
  const sparkline = Array.from({ length: SLIPPING_WINDOW_DAYS }, (_, i) => {
    const date = addDays(sparkStart, i);
    return { date, score: byDate.get(date)?.score ?? null };
  });

  const streaksAtRisk = input.habitsToday.filter(isStoredStreakAtRisk).length;

  const status = isStatusActive(input.status, today) ? input.status : null;
  const base = {
    workspaceId: input.workspaceId,
    memberId: input.memberId,
    name: input.name,
    sparkline,
    consistency,
    streaksAtRisk,
    overload: { level, overloadedDays },
    lastCheckInAt: input.lastCheckIn?.occurredAt ?? null,
    status,
  };
  if (status !== null) return { ...base, riskScore: 0, flags: [] };

  const streakBreaks = input.checkpoint?.streakBreaks ?? [];
  const flags = coachFlags({
    memberId: input.memberId,
    name: input.name,
    today,
    days: closed.map((d) => ({
      localDate: d.localDate,
      score: d.score,
      scoreNumerator: d.scoreNumerator,
      scoreDenominator: d.scoreDenominator,
      hasItemsDue: d.dueCount > 0,
      hasActivity: input.activeDays.has(d.localDate),
    })),
    isOverloaded: isOverloadedLevel(level),
    consistency,
    scoredDays,
    streakBreaks,
  });
  const reasonOf: Record<CoachFlag, () => string> = {
    slipping: () => slippingReason(closed, today),
    overloaded: () =>
      `${level === "critical" ? "Critically overloaded" : "Overloaded"} ${overloadedDays} of the last ${PORTFOLIO_LOAD_DAYS} days`,
    inactive: () => inactiveReason(input),
    streak_broken: () =>
      streakBrokenReason(
        streakBreaks.filter(
          (b) =>
            b.length >= LONG_STREAK &&
            b.localDate < today &&
            diffDays(today, b.localDate) <= STREAK_BROKEN_WINDOW_DAYS,
        ),
        today,
      ),
    recovering: () => recoveringReason(closed),
  };
  return {
    ...base,
    riskScore: riskScore(flags, consistency, scoredDays),
    flags: flags.map((flag) => ({ flag, reason: reasonOf[flag]() })),
  };
}

/** The portfolio's order: paused members last; then compareRisk; then the workspace id. */
export function comparePortfolio(
  a: Pick<PortfolioLine, "riskScore" | "name" | "memberId" | "workspaceId" | "status">,
  b: Pick<PortfolioLine, "riskScore" | "name" | "memberId" | "workspaceId" | "status">,
): number {
  return (
    Number(a.status !== null) - Number(b.status !== null) ||
    compareRisk(a, b) ||
    (a.workspaceId < b.workspaceId ? -1 : a.workspaceId > b.workspaceId ? 1 : 0)
  );
}
