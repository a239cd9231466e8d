/**
 * One habit's days over a range, as its page shows them (docs/domain.md "Occurrences and streaks", "Read models"):
 * the engine's per-day rows, with each day's state as known at the end of the range (a miss that
 * the next two occurrences repaired shows as repaired; one still waiting, as pending repair).
 */
import { addDays, type LocalDate } from "@atlas/time";
import { combineDay } from "../completion.ts";
import {
  runDerivation,
  type DeriveState,
  type HabitDayDetail,
  type MemberHistory,
} from "../derive/derive-member.ts";
import { indexEvents } from "../derive/event-index.ts";
import { currentOccurrence } from "../derive/habit-occurrences.ts";
import type { Fraction, Milli, OccurrenceState } from "../model.ts";
import { INITIAL_STREAK, streakNow } from "../occurrences.ts";
import { loggedValue } from "./member-now.ts";

export type HabitDayState = OccurrenceState | "pending_repair";

export interface HabitHistoryDay {
  localDate: LocalDate;
  /** Day schedules: due that day. times_per_week: a day of a week the habit runs in. */
  isDue: boolean;
  /**
   * Day schedules: the occurrence's state. times_per_week (whose occurrence is the week): the
   * day's own entry (met, partial, skipped), missed once the day had become necessary and passed
   * unmet, pending today; null otherwise. Today (still open): what was logged so far, else
   * pending. null on days the habit does not run.
   */
  state: HabitDayState | null;
  /** The values logged that day, summed; null when no entry carries a value. */
  valueMilli: Milli | null;
  /** c of what was logged (null: nothing logged, or skipped). */
  completion: Fraction | null;
  /** At the end of the day (as of now for today); carried over days the habit does not run. */
  strength: number;
  /** Finished occurrences; today's counts a met occurrence at once (docs/domain.md "Read models"). */
  streak: number;
}

export interface HabitHistoryView {
  days: HabitHistoryDay[];
  /** As of `to`. */
  currentStreak: number;
  /** The longest certain streak through `to`, or the current one when longer. */
  bestStreak: number;
  strength: number;
}

/** What was logged on the day: skipped, met, partial; null when nothing counts yet. */
function loggedState(detail: HabitDayDetail): HabitDayState | null {
  const c = detail.row.completion;
  if (detail.isSkipped) return "skipped";
  if (detail.isMet) return "met";
  if (c !== null && c.num > 0n) return "partial";
  return null;
}

function weekDayState(detail: HabitDayDetail, isToday: boolean): HabitDayState | null {
  const logged = loggedState(detail);
  if (logged !== null) return logged;
  if (isToday) return "pending";
  return detail.weekEntry === "necessary" ? "missed" : null;
}

/**
 * Days `from` … `to` (to ≤ today) of habit `habitId` of `history`. With `start` (the member's
 * state at the end of a day before `from`), the walk begins the day after it, so `history` needs
 * only the events after it.
 */
export function habitHistory(
  history: MemberHistory,
  habitId: string,
  range: { from: LocalDate; to: LocalDate; today: LocalDate },
  start?: DeriveState,
): HabitHistoryView {
  const habit = history.habits.find((h) => h.id === habitId);
  if (habit === undefined) throw new RangeError(`habit ${habitId} is not in the history`);
  // A habit's rows depend on its own plan and log only: derive it alone.
  const events = history.events.filter((e) => e.habitId === habitId);
  const alone: MemberHistory = { ...history, habits: [habit], tasks: [], events };
  const byDay = indexEvents(events).get(habitId);

  const details = new Map<LocalDate, HabitDayDetail>();
  const repaired = new Set<LocalDate>();
  const { from, to, today } = range;
  // The habit's own carried state is all a one-habit walk reads of the member's.
  const own = start?.habits[habitId];
  const options =
    start === undefined
      ? { today }
      : { today, start: { ...start, habits: own === undefined ? {} : { [habitId]: own } } };
  const result = runDerivation(alone, { from, to }, options, (detail) => {
    if (detail.repaired !== null) repaired.add(detail.repaired);
    if (detail.row.localDate >= from) details.set(detail.row.localDate, detail);
  });
  const track = result.state.habits[habitId];
  const streakState = track?.streak;
  const pendingRepair = streakState?.pendingRepair?.localDate ?? null;

  const days: HabitHistoryDay[] = [];
  let strength = 0;
  let streak = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const detail = details.get(date);
    if (detail === undefined) {
      days.push({
        localDate: date,
        isDue: false,
        state: null,
        valueMilli: null,
        completion: null,
        strength,
        streak,
      });
      continue;
    }
    const { row } = detail;
    strength = row.strength;
    streak =
      date === today
        ? streakNow(
            track?.streak ?? INITIAL_STREAK,
            currentOccurrence(
              habit,
              combineDay(byDay?.get(date) ?? [], habitId),
              date,
              track?.week ?? null,
            ),
          )
        : row.streak;
    const isWeek = detail.weekEntry !== null;
    let state: HabitDayState | null;
    if (isWeek) state = weekDayState(detail, date === today);
    else if (!detail.isDue) state = null;
    // Today is still open: show what was logged so far.
    else if (date === today) state = loggedState(detail) ?? "pending";
    else if (repaired.has(date)) state = "repaired";
    else if (date === pendingRepair) state = "pending_repair";
    else state = row.state === "not_due" ? null : row.state;
    const events = byDay?.get(date);
    days.push({
      localDate: date,
      isDue: isWeek || detail.isDue,
      state,
      valueMilli: events === undefined ? null : loggedValue(combineDay(events, habitId)),
      completion: row.completion,
      strength,
      streak,
    });
  }
  const bestStreak = Math.max(streakState?.bestStreak ?? 0, streak);
  return { days, currentStreak: streak, bestStreak, strength };
}
