/**
 * Overload (docs/domain.md "Overload"): load against capacity over the next 7 local days, its trend,
 * and relief by deferring deadline-free tasks. Minutes are carried in sevenths of a minute so that
 * duration·N/7 stays an integer and every threshold is an exact comparison.
 */
import { addDays, diffDays, isoWeekStart, type LocalDate } from "@atlas/time";
import { habitDayPlan, taskDueDays } from "./due.ts";
import { firstDoneDay, indexEvents } from "./derive/event-index.ts";
import { capacityOn } from "./capacity.ts";
import type { CapacityVersion, Habit, LogEvent, Task, TaskPriority } from "./model.ts";
import { versionOn } from "./versions.ts";

export type LoadLevel = "none" | "near" | "over" | "critical";

export const FORECAST_DAYS = 7;
/** On a day with capacity 0, task minutes up to this are `near`, more `over`. */
export const NO_CAPACITY_NEAR_MINUTES = 60;
/** Relief looks this far past today + 7 for a day with room (after the later days of the 7). */
const RELIEF_SEARCH_DAYS = 366;

export interface PlanInput {
  habits: readonly Habit[];
  tasks: readonly Task[];
  events: readonly LogEvent[];
  capacity: readonly CapacityVersion[];
}

export interface DayLoad {
  localDate: LocalDate;
  loadMinutes: number;
  taskMinutes: number;
  habitMinutes: number;
  capacityMinutes: number;
  /** load / capacity; null on a day with capacity 0. */
  ratio: number | null;
  level: LoadLevel;
}

export interface LoadForecast {
  days: DayLoad[];
  level: LoadLevel;
  isOverloaded: boolean;
  /** Days with capacity whose ratio is above 1.0. */
  overDayCount: number;
}

const LEVELS: readonly LoadLevel[] = ["none", "near", "over", "critical"];

/** Overloaded means `over` or `critical`. */
export function isOverloadedLevel(level: LoadLevel): boolean {
  return level === "over" || level === "critical";
}

function maxLevel(a: LoadLevel, b: LoadLevel): LoadLevel {
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}

/** A day's level from its load (in sevenths of a minute) and capacity (minutes). */
export function dayLevel(
  taskSevenths: number,
  loadSevenths: number,
  capacityMinutes: number,
): LoadLevel {
  if (capacityMinutes <= 0) {
    if (taskSevenths <= 0) return "none";
    return taskSevenths <= 7 * NO_CAPACITY_NEAR_MINUTES ? "near" : "over";
  }
  const cap7 = 7 * capacityMinutes;
  if (100 * loadSevenths > 130 * cap7) return "critical";
  if (loadSevenths > cap7) return "over";
  if (100 * loadSevenths > 85 * cap7) return "near";
  return "none";
}

interface OpenTask {
  task: Task;
  dueDays: Set<LocalDate>;
}

/** The future load model: habits due + open tasks due, per day. */
class LoadModel {
  private readonly open: OpenTask[];
  constructor(
    private readonly plan: PlanInput,
    today: LocalDate,
  ) {
    const index = indexEvents(plan.events);
    this.open = [];
    for (const task of plan.tasks) {
      const doneOn = firstDoneDay(task.id, index.get(task.id));
      if (doneOn === null || doneOn > today)
        this.open.push({ task, dueDays: new Set(taskDueDays(task)) });
    }
  }

  capacity(date: LocalDate): number {
    return capacityOn(this.plan.capacity, date);
  }

  /** Habits due on `date`; times_per_week ones as duration·N/7 unless `withoutWeekHabits`. */
  habitSevenths(date: LocalDate, withoutWeekHabits = false): number {
    let sevenths = 0;
    for (const habit of this.plan.habits) {
      const p = habitDayPlan(habit, date);
      if (p.kind === "day" && p.isDue) sevenths += 7 * p.version.durationMinutes;
      else if (p.kind === "week" && !withoutWeekHabits) {
        sevenths += p.version.durationMinutes * p.timesPerWeek;
      }
    }
    return sevenths;
  }

  tasksDue(
    date: LocalDate,
  ): { task: Task; estimateMinutes: number; priority: TaskPriority; hasDeadline: boolean }[] {
    const out = [];
    for (const { task, dueDays } of this.open) {
      if (!dueDays.has(date)) continue;
      const v = versionOn(task.versions, date)!;
      out.push({
        task,
        estimateMinutes: v.estimateMinutes,
        priority: v.priority,
        hasDeadline: v.dueDate !== null,
      });
    }
    return out;
  }

  taskSevenths(date: LocalDate): number {
    let sevenths = 0;
    for (const t of this.tasksDue(date)) sevenths += 7 * t.estimateMinutes;
    return sevenths;
  }
}

/**
 * The level of a run of days: the highest day level, `critical` once three or more days with
 * capacity are over it (capacity-0 days never count toward that rule).
 */
export function weekLevel(days: readonly { level: LoadLevel; isOverCapacity: boolean }[]): {
  level: LoadLevel;
  overDayCount: number;
} {
  let level: LoadLevel = "none";
  let overDayCount = 0;
  for (const day of days) {
    level = maxLevel(level, day.level);
    if (day.isOverCapacity) overDayCount++;
  }
  return { level: overDayCount >= 3 ? "critical" : level, overDayCount };
}

/** Load and level for today … today + 6. */
export function forecastLoad(plan: PlanInput, today: LocalDate): LoadForecast {
  const model = new LoadModel(plan, today);
  const days: DayLoad[] = [];
  const levels: { level: LoadLevel; isOverCapacity: boolean }[] = [];
  for (let i = 0; i < FORECAST_DAYS; i++) {
    const date = addDays(today, i);
    const taskSevenths = model.taskSevenths(date);
    const habitSevenths = model.habitSevenths(date);
    const load = taskSevenths + habitSevenths;
    const capacityMinutes = model.capacity(date);
    const dl = dayLevel(taskSevenths, load, capacityMinutes);
    levels.push({ level: dl, isOverCapacity: capacityMinutes > 0 && load > 7 * capacityMinutes });
    days.push({
      localDate: date,
      loadMinutes: load / 7,
      taskMinutes: taskSevenths / 7,
      habitMinutes: habitSevenths / 7,
      capacityMinutes,
      ratio: capacityMinutes > 0 ? load / (7 * capacityMinutes) : null,
      level: dl,
    });
  }
  const { level, overDayCount } = weekLevel(levels);
  return { days, level, isOverloaded: isOverloadedLevel(level), overDayCount };
}

/**
 * What the plan holds for today … today + 6 (docs/domain.md "Weekly summary"): the open tasks due
 * on one of those days (each counted once, as the load counts them) and the habit occurrences (a
 * due day each; a times_per_week ISO week counts its N once).
 */
export function plannedItems(
  plan: PlanInput,
  today: LocalDate,
): { tasksDue: number; habitOccurrences: number } {
  const model = new LoadModel(plan, today);
  const tasks = new Set<string>();
  const weeks = new Set<string>();
  let habitOccurrences = 0;
  for (let i = 0; i < FORECAST_DAYS; i++) {
    const date = addDays(today, i);
    for (const { task } of model.tasksDue(date)) tasks.add(task.id);
    for (const habit of plan.habits) {
      const p = habitDayPlan(habit, date);
      if (p.kind === "day" && p.isDue) habitOccurrences++;
      else if (p.kind === "week" && !weeks.has(`${habit.id}:${isoWeekStart(date)}`)) {
        weeks.add(`${habit.id}:${isoWeekStart(date)}`);
        habitOccurrences += p.timesPerWeek;
      }
    }
  }
  return { tasksDue: tasks.size, habitOccurrences };
}

/**
 * Minutes already committed on each of `dates` (docs/domain.md "AI suggestions" → "Inputs"): the
 * habits due (a times_per_week habit as duration·N/7, unless `flexibleHabitsApart`: the weekly
 * plan places those itself) and the open tasks due, except `exceptTasks` (the ones being planned);
 * rounded up to whole minutes, as the load counts them.
 */
export function committedMinutes(
  plan: PlanInput,
  today: LocalDate,
  dates: readonly LocalDate[],
  options: { exceptTasks: ReadonlySet<string>; flexibleHabitsApart: boolean },
): Map<LocalDate, number> {
  const model = new LoadModel(plan, today);
  const out = new Map<LocalDate, number>();
  for (const date of dates) {
    let sevenths = model.habitSevenths(date, options.flexibleHabitsApart);
    for (const t of model.tasksDue(date)) {
      if (!options.exceptTasks.has(t.task.id)) sevenths += 7 * t.estimateMinutes;
    }
    out.set(date, Math.ceil(sevenths / 7));
  }
  return out;
}

export interface TrendDay {
  localDate: LocalDate;
  score: number | null;
  dueCount: number;
  doneCount: number;
  /** Past load: every non-cancelled task that was due (done or not) + habits due. Counted in
   * whole minutes, rounded half up, as a closed day's row stores it. */
  loadMinutes: number;
}

export interface LoadTrend {
  /** Completion of today−7 … today−1; null with fewer than 3 scored days. */
  recentCompletion: number | null;
  /** Completion of today−14 … today−8; null with fewer than 3 scored days. */
  earlierCompletion: number | null;
  lastWeekLoadMinutes: number;
  nextWeekLoadMinutes: number;
  isWorsening: boolean;
}

export const TREND_MIN_SCORED_DAYS = 3;

/**
 * Completion falling below 0.7× the week before while the coming week's load exceeds the last
 * week's. Rule: completion per window is Σ doneCount / Σ dueCount over its scored days (an item
 * counts 1 when met, 0 otherwise, matching the day rows).
 */
export function loadTrend(
  days: readonly TrendDay[],
  forecast: LoadForecast,
  today: LocalDate,
): LoadTrend {
  const windows = [
    { done: 0, due: 0, scored: 0, load: 0 },
    { done: 0, due: 0, scored: 0, load: 0 },
  ];
  for (const day of days) {
    const age = diffDays(today, day.localDate);
    if (age < 1 || age > 14) continue;
    const w = windows[age <= 7 ? 0 : 1]!;
    // A closed day's load is stored in whole minutes: the fresh rows count the same way.
    w.load += Math.round(day.loadMinutes);
    if (day.score === null) continue;
    w.scored++;
    w.done += day.doneCount;
    w.due += day.dueCount;
  }
  const [recent, earlier] = windows as [(typeof windows)[0], (typeof windows)[0]];
  const completion = (w: typeof recent) =>
    w.scored >= TREND_MIN_SCORED_DAYS && w.due > 0 ? w.done / w.due : null;
  const nextWeekLoadMinutes = forecast.days.reduce((sum, d) => sum + d.loadMinutes, 0);
  const recentCompletion = completion(recent);
  const earlierCompletion = completion(earlier);
  const isFalling =
    recentCompletion !== null &&
    earlierCompletion !== null &&
    10 * recent.done * earlier.due < 7 * earlier.done * recent.due;
  // The coming load is a sum of sevenths: compare it as whole sevenths.
  const isLoadRising = Math.round(nextWeekLoadMinutes * 7) > 7 * recent.load;
  return {
    recentCompletion,
    earlierCompletion,
    lastWeekLoadMinutes: recent.load,
    nextWeekLoadMinutes,
    isWorsening: isFalling && isLoadRising,
  };
}

export interface ReliefMove {
  taskId: string;
  fromDate: LocalDate;
  toDate: LocalDate;
  estimateMinutes: number;
}

export interface Relief {
  moves: ReliefMove[];
  /** Days whose habits alone exceed capacity: deferring tasks cannot help. */
  noReliefDates: LocalDate[];
  /** Days still above ratio 1.0 after the moves. */
  stillOverDates: LocalDate[];
}

const PRIORITY_RANK: Readonly<Record<TaskPriority, number>> = { low: 0, medium: 1, high: 2 };

/**
 * For each of the next 7 days above ratio 1.0, defers open deadline-free tasks (priority
 * ascending, estimate descending, creation time) until the ratio is ≤ 1.0; each goes to the first
 * later day of the 7 that stays ≤ 1.0 with it, else the first such day from today + 7.
 */
export function planRelief(plan: PlanInput, today: LocalDate): Relief {
  const model = new LoadModel(plan, today);
  const added = new Map<LocalDate, number>();
  const loadOf = (date: LocalDate) =>
    model.habitSevenths(date) + model.taskSevenths(date) + (added.get(date) ?? 0);
  const moves: ReliefMove[] = [];
  const noReliefDates: LocalDate[] = [];
  const stillOverDates: LocalDate[] = [];

  for (let i = 0; i < FORECAST_DAYS; i++) {
    const date = addDays(today, i);
    const cap7 = 7 * model.capacity(date);
    // Rule: days with capacity 0 have no ratio and are not relieved.
    if (cap7 === 0) continue;
    let load = loadOf(date);
    if (load <= cap7) continue;
    if (model.habitSevenths(date) > cap7) {
      noReliefDates.push(date);
      continue;
    }
    const candidates = model
      .tasksDue(date)
      .filter((t) => !t.hasDeadline && t.estimateMinutes > 0)
      .sort(
        (a, b) =>
          PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
          b.estimateMinutes - a.estimateMinutes ||
          a.task.createdAt.getTime() - b.task.createdAt.getTime() ||
          (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
      );
    for (const candidate of candidates) {
      if (load <= cap7) break;
      const est7 = 7 * candidate.estimateMinutes;
      // Rule: the later days of the 7 come first; only then the days from today + 7.
      for (let k = i + 1; k < FORECAST_DAYS + RELIEF_SEARCH_DAYS; k++) {
        const target = addDays(today, k);
        const targetCap7 = 7 * model.capacity(target);
        if (targetCap7 === 0 || loadOf(target) + est7 > targetCap7) continue;
        added.set(target, (added.get(target) ?? 0) + est7);
        load -= est7;
        moves.push({
          taskId: candidate.task.id,
          fromDate: date,
          toDate: target,
          estimateMinutes: candidate.estimateMinutes,
        });
        break;
      }
      // Rule: a task that fits on no day within a year stays where it is.
    }
    if (load > cap7) stillOverDates.push(date);
  }
  return { moves, noReliefDates, stillOverDates };
}
