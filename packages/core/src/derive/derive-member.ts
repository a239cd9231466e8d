/**
 * The derivation engine: one member's history (versioned plans + the log) walked day by day into
 * per-day rows (score, consistency, load) and per-habit rows (completion, strength, streak, state).
 *
 * Every row is a snapshot as of the end of its day (as of now for today), computed from that day
 * and the machine state carried from the day before, never by looking ahead; so a closed day's
 * row is final, and continuing from `start` (the state at the end of the day before `from`) gives
 * exactly the rows of a full run. The state is plain JSON (bigints as strings).
 */
import {
  addDays,
  isoWeekStart,
  isoWeekday,
  localDayRange,
  timeSettingOn,
  type LocalDate,
} from "@atlas/time";
import { combineDay, habitCompletion, isMet, type CombinedDay } from "../completion.ts";
import { habitDayPlan, taskDueDays } from "../due.ts";
import { FRACTION_ONE, FRACTION_ZERO, fractionToNumber } from "../fraction.ts";
import { strengthMultiplier, updateStrength, weekCompletion } from "../habit-strength.ts";
import { capacityOn } from "../capacity.ts";
import type {
  CapacityVersion,
  Fraction,
  Habit,
  LogEvent,
  OccurrenceState,
  Task,
} from "../model.ts";
import {
  advanceStreak,
  dayOutcome,
  INITIAL_STREAK,
  weekOutcome,
  type StreakBreak,
  type StreakState,
  type StreakStep,
} from "../occurrences.ts";
import {
  HABIT_WEIGHT,
  scoreDay,
  TASK_WEIGHTS,
  weekDayEntry,
  type ScoredItem,
  type WeekDayEntry,
} from "../score-day.ts";
import { updateConsistency, type ConsistencyState } from "../consistency.ts";
import { versionOn } from "../versions.ts";
import { firstDoneDay, indexEvents, type ItemEvents } from "./event-index.ts";

export interface TimeSettingVersion {
  effectiveFrom: LocalDate;
  timeZone: string;
  dayStartMinutes: number;
}

export interface MemberHistory {
  memberId: string;
  habits: Habit[];
  tasks: Task[];
  events: LogEvent[];
  capacity: readonly CapacityVersion[];
  /** When given, a calendar date the member's zone skipped (zero length) has nothing due. */
  timeSettings?: readonly TimeSettingVersion[];
}

export interface HabitDayRow {
  habitId: string;
  localDate: LocalDate;
  /** c of that day under the version in force (null: nothing logged, or skipped). */
  completion: Fraction | null;
  strength: number;
  streak: number;
  /** The day's occurrence; for a times_per_week week `pending` until its last day, which carries
   * the week's state (`not_due` when a first/cut partial week is ignored). */
  state: OccurrenceState | "not_due";
  /** The habit has a miss waiting for repair (as of the end of that day). */
  isPendingRepair: boolean;
}

export interface MemberDayRow {
  localDate: LocalDate;
  scoreNumerator: bigint | null;
  scoreDenominator: bigint | null;
  score: number | null;
  dueCount: number;
  doneCount: number;
  consistency: number | null;
  isRecovering: boolean;
  loadMinutes: number;
  capacityMinutes: number;
}

/** Per habit: what carries over from one day to the next. */
export interface HabitTrackState {
  strength: number;
  streak: StreakState;
  /** The current times_per_week week's counts so far (closed days only). */
  week: { start: LocalDate; metDays: number; skips: number } | null;
}

export interface DeriveState {
  /** Format of this object. */
  version: 1;
  /** The last (closed) day folded in; continue with `from = through + 1`. */
  through: LocalDate;
  consistency: number | null;
  /** raw of the latest scored day, for the recovery modifier. */
  lastRaw: { num: string; den: string } | null;
  scoredDays: number;
  habits: Record<string, HabitTrackState>;
}

export interface DeriveResult {
  days: MemberDayRow[];
  habitDays: HabitDayRow[];
  /** As of the end of min(range.to, today − 1): a state never holds an unfinished day. */
  state: DeriveState;
  /** The state at the end of each finished day `keepState` asked for, ascending. */
  kept: { localDate: LocalDate; state: DeriveState }[];
}

export interface DeriveOptions {
  today: LocalDate;
  /** The state at the end of the day before the walk begins (a checkpoint). */
  start?: DeriveState;
  /** Which finished days' end states to return in `kept` (checkpoints to store). */
  keepState?: (date: LocalDate) => boolean;
}

/** What the engine knows about one habit on one day beyond the row (for at-risk). */
export interface HabitDayDetail {
  row: HabitDayRow;
  isDue: boolean;
  isMet: boolean;
  isSkipped: boolean;
  weekEntry: WeekDayEntry | null;
  /** The occurrence this day finished or holds (a week's Monday), null on a day with none. */
  occurrenceDate: LocalDate | null;
  /** This day finished that occurrence (its state is the row's). */
  isOccurrenceFinished: boolean;
  /** A pending miss this day's occurrence turned into `repaired`. */
  repaired: LocalDate | null;
  /** A streak break this day's occurrence revealed (dated at the miss). */
  broken: StreakBreak | null;
}

interface HabitRun {
  habit: Habit;
  byDay: ItemEvents | undefined;
}

interface TaskRun {
  task: Task;
  byDay: ItemEvents | undefined;
  /** Plan due days (load counts them done or not). */
  dueDays: Set<LocalDate>;
  /** Due days that are scored: up to the first one on or after the completion day. */
  scoredDueDays: Set<LocalDate>;
  doneOn: LocalDate | null;
}

const NO_EVENTS: CombinedDay = {
  sumMilli: 0,
  hasDone: false,
  hasSkip: false,
  hasPlainDone: false,
  activeEvents: [],
};

function taskRun(task: Task, byDay: ItemEvents | undefined): TaskRun {
  const due = taskDueDays(task);
  const doneOn = firstDoneDay(task.id, byDay);
  const scoredDueDays = new Set<LocalDate>();
  for (const day of due) {
    scoredDueDays.add(day);
    // Rule: once completed on or before one of its due days, a task is not due again later.
    if (doneOn !== null && doneOn <= day) break;
  }
  return { task, byDay, dueDays: new Set(due), scoredDueDays, doneOn };
}

function earliestStart(history: MemberHistory): LocalDate | null {
  let first: LocalDate | null = null;
  for (const h of history.habits) if (first === null || h.startDate < first) first = h.startDate;
  for (const t of history.tasks) if (first === null || t.createdOn < first) first = t.createdOn;
  return first;
}

function copyHabitState(s: HabitTrackState): HabitTrackState {
  return {
    strength: s.strength,
    streak: {
      ...s.streak,
      pendingRepair: s.streak.pendingRepair && { ...s.streak.pendingRepair },
      lastBreak: s.streak.lastBreak && { ...s.streak.lastBreak },
      lastLongBreak: s.streak.lastLongBreak && { ...s.streak.lastLongBreak },
    },
    week: s.week && { ...s.week },
  };
}

function zeroLengthCheck(history: MemberHistory): (date: LocalDate) => boolean {
  const settings = history.timeSettings;
  if (settings === undefined || settings.length === 0) return () => false;
  return (date) => {
    const s = timeSettingOn(settings, date)!;
    const { start, end } = localDayRange(date, s.timeZone, s.dayStartMinutes);
    return start.getTime() === end.getTime();
  };
}

/** The engine proper; `onHabitDay` sees every habit day produced (for today's at-risk). */
export function runDerivation(
  history: MemberHistory,
  range: { from: LocalDate; to: LocalDate },
  options: DeriveOptions,
  onHabitDay?: (detail: HabitDayDetail) => void,
): DeriveResult {
  const { today, start, keepState } = options;
  const last = range.to < today ? range.to : today;
  let first: LocalDate;
  let consistency: ConsistencyState;
  let scoredDays: number;
  const habitStates = new Map<string, HabitTrackState>();
  if (start !== undefined) {
    if (start.version !== 1) throw new RangeError(`unknown DeriveState version ${start.version}`);
    first = addDays(start.through, 1);
    if (first > range.from) {
      throw new RangeError(`start state runs through ${start.through}, after from − 1`);
    }
    consistency = {
      consistency: start.consistency,
      lastRaw: start.lastRaw && { num: BigInt(start.lastRaw.num), den: BigInt(start.lastRaw.den) },
    };
    scoredDays = start.scoredDays;
    for (const [id, s] of Object.entries(start.habits)) habitStates.set(id, copyHabitState(s));
  } else {
    const earliest = earliestStart(history);
    first = earliest !== null && earliest < range.from ? earliest : range.from;
    consistency = { consistency: null, lastRaw: null };
    scoredDays = 0;
  }

  const index = indexEvents(history.events);
  const habits: HabitRun[] = history.habits.map((habit) => ({ habit, byDay: index.get(habit.id) }));
  const tasks: TaskRun[] = history.tasks.map((task) => taskRun(task, index.get(task.id)));
  const isZeroLength = zeroLengthCheck(history);
  const days: MemberDayRow[] = [];
  const habitDays: HabitDayRow[] = [];
  const items: ScoredItem[] = [];
  let through = addDays(first, -1);
  const kept: DeriveResult["kept"] = [];
  const snapshot = (): DeriveState => {
    const habitsOut: Record<string, HabitTrackState> = {};
    for (const [id, s] of habitStates) habitsOut[id] = copyHabitState(s);
    return {
      version: 1,
      through,
      consistency: consistency.consistency,
      lastRaw: consistency.lastRaw && {
        num: consistency.lastRaw.num.toString(),
        den: consistency.lastRaw.den.toString(),
      },
      scoredDays,
      habits: habitsOut,
    };
  };

  for (let date = first; date <= last; date = addDays(date, 1)) {
    const isToday = date === today;
    const isEmitted = date >= range.from;
    const zeroLength = isZeroLength(date);
    const weekday = isoWeekday(date);
    items.length = 0;
    let loadSevenths = 0;

    for (const { habit, byDay } of habits) {
      const plan = habitDayPlan(habit, date);
      if (plan.kind === "inactive") continue;
      let st = habitStates.get(habit.id);
      if (st === undefined) {
        st = { strength: 0, streak: INITIAL_STREAK, week: null };
        if (!isToday) habitStates.set(habit.id, st);
      }
      const events = zeroLength ? undefined : byDay?.get(date);
      const day = events === undefined ? NO_EVENTS : combineDay(events, habit.id);
      const c = habitCompletion(plan.version, day);
      const met = isMet(c);
      let state: OccurrenceState | "not_due" = "not_due";
      let isDue = false;
      let weekEntry: WeekDayEntry | null = null;
      let occurrenceDate: LocalDate | null = null;
      let step: StreakStep | null = null;

      if (plan.kind === "day" && plan.isDue && !zeroLength) {
        isDue = true;
        occurrenceDate = date;
        loadSevenths += 7 * plan.version.durationMinutes;
        if (!day.hasSkip) items.push({ weight: HABIT_WEIGHT, completion: c ?? FRACTION_ZERO });
        if (isToday) {
          state = day.hasSkip ? "skipped" : "pending";
        } else {
          const outcome = dayOutcome(c, day.hasSkip);
          if (outcome !== "skipped") {
            const m = strengthMultiplier(plan.version);
            st.strength = updateStrength(st.strength, c === null ? 0 : fractionToNumber(c), m);
          }
          step = advanceStreak(st.streak, date, outcome);
          st.streak = step.state;
          state = outcome;
        }
      } else if (plan.kind === "week") {
        const n = plan.timesPerWeek;
        const weekStart = isoWeekStart(date);
        occurrenceDate = weekStart;
        loadSevenths += plan.version.durationMinutes * n;
        const week =
          st.week !== null && st.week.start === weekStart
            ? st.week
            : { start: weekStart, metDays: 0, skips: 0 };
        const isMetToday = met && !zeroLength;
        weekEntry = zeroLength
          ? "not_due"
          : weekDayEntry({
              timesPerWeek: n,
              skipsSoFar: week.skips + (day.hasSkip ? 1 : 0),
              metBefore: week.metDays,
              daysLeft: 8 - weekday,
              isSkippedToday: day.hasSkip,
              isMetToday,
            });
        if (weekEntry === "met") items.push({ weight: HABIT_WEIGHT, completion: FRACTION_ONE });
        else if (weekEntry === "necessary")
          items.push({ weight: HABIT_WEIGHT, completion: FRACTION_ZERO });
        isDue = weekEntry === "met" || weekEntry === "necessary";
        state = "pending";
        if (!isToday) {
          const counted = {
            start: weekStart,
            metDays: week.metDays + (isMetToday ? 1 : 0),
            skips: week.skips + (day.hasSkip ? 1 : 0),
          };
          st.week = counted;
          const isCut = habit.archivedFrom !== null && addDays(date, 1) === habit.archivedFrom;
          if (weekday === 7 || isCut) {
            st.week = null;
            const outcome = weekOutcome(counted.metDays, n, counted.skips);
            const isPartialWeek = weekStart < habit.startDate || weekday !== 7;
            // The habit's first partial week (and a week cut short by archiving) is ignored
            // unless met.
            if (isPartialWeek && outcome !== "met" && outcome !== "skipped") {
              state = "not_due";
              occurrenceDate = null;
            } else {
              const wc = weekCompletion(counted.metDays, n, counted.skips);
              if (wc !== null) {
                st.strength = updateStrength(st.strength, wc, strengthMultiplier(plan.weekVersion));
              }
              step = advanceStreak(st.streak, weekStart, outcome);
              st.streak = step.state;
              state = outcome;
            }
          }
        }
      }

      if (isEmitted || onHabitDay !== undefined) {
        const row: HabitDayRow = {
          habitId: habit.id,
          localDate: date,
          completion: c,
          strength: st.strength,
          streak: st.streak.streak,
          state,
          isPendingRepair: st.streak.pendingRepair !== null,
        };
        if (isEmitted) habitDays.push(row);
        onHabitDay?.({
          row,
          isDue,
          isMet: met,
          isSkipped: day.hasSkip,
          weekEntry,
          occurrenceDate,
          isOccurrenceFinished: step !== null,
          repaired: step?.repaired ?? null,
          broken: step?.broken ?? null,
        });
      }
    }

    if (!zeroLength) {
      for (const run of tasks) {
        const isPlanned = run.dueDays.has(date);
        if (!isPlanned) continue;
        const version = versionOn(run.task.versions, date)!;
        loadSevenths += 7 * version.estimateMinutes;
        if (!run.scoredDueDays.has(date)) continue;
        const events = run.byDay?.get(date);
        if (events !== undefined && combineDay(events, run.task.id).hasSkip) continue;
        const isDone = run.doneOn !== null && run.doneOn <= date;
        items.push({
          weight: TASK_WEIGHTS[version.priority],
          completion: isDone ? FRACTION_ONE : FRACTION_ZERO,
        });
      }
    }

    const score = scoreDay(items);
    let isRecovering = false;
    let dayConsistency = consistency.consistency;
    if (score.raw !== null) {
      const next = updateConsistency(consistency, score.raw);
      isRecovering = next.isRecovering;
      dayConsistency = next.state.consistency;
      if (!isToday) {
        consistency = next.state;
        scoredDays++;
      }
    }
    if (!isToday) {
      through = date;
      if (keepState?.(date)) kept.push({ localDate: date, state: snapshot() });
    }

    if (isEmitted) {
      days.push({
        localDate: date,
        scoreNumerator: score.raw?.num ?? null,
        scoreDenominator: score.raw?.den ?? null,
        score: score.score,
        dueCount: score.dueCount,
        doneCount: score.doneCount,
        consistency: dayConsistency,
        isRecovering,
        loadMinutes: loadSevenths / 7,
        capacityMinutes: capacityOn(history.capacity, date),
      });
    }
  }

  return { days, habitDays, state: snapshot(), kept };
}

/**
 * Derives one member's rows for `range` (days after `today` are not produced; today is "as of
 * now"). Without `start` it begins at the earliest plan start; with it, right after
 * `start.through`, which must be before `range.from`.
 */
export function deriveMember(
  history: MemberHistory,
  range: { from: LocalDate; to: LocalDate },
  options: DeriveOptions,
): DeriveResult {
  return runDerivation(history, range, options);
}
