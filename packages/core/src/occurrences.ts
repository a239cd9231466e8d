/**
 * Occurrences, streaks and repair (docs/domain.md "Occurrences and streaks"). An occurrence is a due
 * day, or an ISO week for times_per_week (dated by its Monday). The streak machine below is fed
 * finished occurrences in order; it never looks ahead, so a day's values are final when it closes.
 */
import { diffDays, type LocalDate } from "@atlas/time";
import { isMet } from "./completion.ts";
import type { Fraction } from "./model.ts";

/** What a finished occurrence was, before any repair. */
export type OccurrenceOutcome = "met" | "partial" | "missed" | "skipped";

/** Repaired occurrences of one habit lie at least this many days apart (weeks: their Mondays). */
export const REPAIR_SPACING_DAYS = 14;

export interface StreakBreak {
  /** The miss at which the streak ended. */
  localDate: LocalDate;
  /** Met occurrences in the streak that ended. */
  length: number;
}

export interface StreakState {
  streak: number;
  /** Best streak that is certain (a streak leaning on a pending repair is not yet counted). */
  bestStreak: number;
  /** The previous non-skipped finished occurrence, for "single miss". */
  previous: "met" | "repaired" | "miss" | null;
  /** A single miss waiting for the next two non-skipped occurrences. */
  pendingRepair: { localDate: LocalDate; streakAtMiss: number; metAfter: number } | null;
  lastRepairedDate: LocalDate | null;
  /** The latest streak break of any length, and the latest of 7 or more (coach risk). */
  lastBreak: StreakBreak | null;
  lastLongBreak: StreakBreak | null;
}

export const INITIAL_STREAK: StreakState = {
  streak: 0,
  bestStreak: 0,
  previous: null,
  pendingRepair: null,
  lastRepairedDate: null,
  lastBreak: null,
  lastLongBreak: null,
};

export const LONG_STREAK = 7;

export interface StreakStep {
  state: StreakState;
  /** The pending miss that this occurrence turned into `repaired`. */
  repaired: LocalDate | null;
  /** The break this occurrence revealed (dated at the miss where the streak ended). */
  broken: StreakBreak | null;
}

/** The outcome of a finished occurrence from its completion (a day) or its week's counts. */
export function dayOutcome(c: Fraction | null, isSkipped: boolean): OccurrenceOutcome {
  if (isSkipped) return "skipped";
  if (c === null || c.num === 0n) return "missed";
  return isMet(c) ? "met" : "partial";
}

export function weekOutcome(
  metDays: number,
  timesPerWeek: number,
  skips: number,
): OccurrenceOutcome {
  const need = timesPerWeek - skips;
  if (need <= 0) return "skipped";
  if (metDays >= need) return "met";
  return metDays > 0 ? "partial" : "missed";
}

function withBreak(state: StreakState, broken: StreakBreak): StreakState {
  return {
    ...state,
    lastBreak: broken,
    lastLongBreak: broken.length >= LONG_STREAK ? broken : state.lastLongBreak,
  };
}

/** Feeds one finished occurrence (dated by its day, or its Monday for a week). */
export function advanceStreak(
  state: StreakState,
  localDate: LocalDate,
  outcome: OccurrenceOutcome,
): StreakStep {
  if (outcome === "skipped") return { state, repaired: null, broken: null };
  const pending = state.pendingRepair;
  if (pending !== null) {
    if (outcome === "met") {
      const streak = state.streak + 1;
      if (pending.metAfter + 1 < 2) {
        return {
          state: { ...state, streak, previous: "met", pendingRepair: { ...pending, metAfter: 1 } },
          repaired: null,
          broken: null,
        };
      }
      return {
        state: {
          ...state,
          streak,
          bestStreak: Math.max(state.bestStreak, streak),
          previous: "met",
          pendingRepair: null,
          lastRepairedDate: pending.localDate,
        },
        repaired: pending.localDate,
        broken: null,
      };
    }
    // The repair failed: the streak ended at the pending miss; the met occurrences after it (0 or
    // 1) start a new streak, and this miss is judged afresh against them.
    const broken: StreakBreak = { localDate: pending.localDate, length: pending.streakAtMiss };
    const after = pending.metAfter;
    const reset: StreakState = {
      ...withBreak(state, broken),
      streak: after,
      bestStreak: Math.max(state.bestStreak, pending.streakAtMiss, after),
      previous: after > 0 ? "met" : "miss",
      pendingRepair: null,
    };
    const step = advanceStreak(reset, localDate, outcome);
    return { ...step, broken: step.broken ?? broken };
  }
  if (outcome === "met") {
    const streak = state.streak + 1;
    return {
      state: { ...state, streak, bestStreak: Math.max(state.bestStreak, streak), previous: "met" },
      repaired: null,
      broken: null,
    };
  }
  // A miss or a partial.
  const isSingle = state.previous === "met" || state.previous === "repaired";
  const isSpaced =
    state.lastRepairedDate === null ||
    diffDays(localDate, state.lastRepairedDate) >= REPAIR_SPACING_DAYS;
  if (isSingle && isSpaced) {
    return {
      state: {
        ...state,
        previous: "miss",
        pendingRepair: { localDate, streakAtMiss: state.streak, metAfter: 0 },
      },
      repaired: null,
      broken: null,
    };
  }
  // Rule: a single miss too close to the last repair cannot be repaired, so the streak ends there.
  const broken = state.streak > 0 ? { localDate, length: state.streak } : null;
  const next: StreakState = {
    ...(broken ? withBreak(state, broken) : state),
    streak: 0,
    previous: "miss",
  };
  return { state: next, repaired: null, broken };
}

export function isPendingRepair(state: StreakState): boolean {
  return state.pendingRepair !== null;
}

/**
 * The streak as of now (docs/domain.md "Occurrences and streaks"): the finished occurrences' streak,
 * plus the current occurrence once it is met. Only reads add it: stored rows keep the streak of
 * finished occurrences, so a check-in that is undone later never leaves a row behind.
 */
export function streakNow(
  state: StreakState,
  current: { localDate: LocalDate; isMet: boolean } | null,
): number {
  if (current === null || !current.isMet) return state.streak;
  return advanceStreak(state, current.localDate, "met").state.streak;
}
