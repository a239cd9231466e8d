/**
 * The fitter (docs/domain.md "AI suggestions" → "The fitter"): plain code that owns placement.
 * A provider only orders items and names days it would like; this puts each item on a day, never
 * above the day's free minutes, never after its due date, and says why it landed there or why it
 * did not fit. Deterministic: the same days and items give the same answer.
 */
import { diffDays, isoWeekday, type LocalDate } from "@atlas/time";
import { shortDate, shortWeekday } from "../coach-portfolio.ts";
import type { DidNotFit, Placement, PlannedDay, PlannerDay } from "./types.ts";

export interface FitItem {
  kind: "task" | "habit";
  id: string;
  /** Minutes one session takes (a task has one session). */
  minutes: number;
  /** Sessions on distinct days (habits: times per week; tasks: 1). */
  sessions: number;
  /** Latest day it may land on (inclusive); null: any day of the window. */
  dueDate: LocalDate | null;
  /** Days the provider asked for, tried first in this order. */
  preferredDates: readonly LocalDate[];
}

export interface FitOptions {
  /** At most this many tasks on one day (habits do not count); null: no cap. */
  maxTasksPerDay: number | null;
  /** The ISO weekdays the member plans on (learned): when set, other weekdays take nothing. */
  preferredWeekdays: readonly number[] | null;
}

export interface FitResult {
  placements: Placement[];
  didNotFit: DidNotFit[];
  days: PlannedDay[];
}

interface DaySlot {
  day: PlannerDay;
  planned: number;
  tasks: number;
}

const free = (slot: DaySlot) =>
  Math.max(0, slot.day.capacityMinutes - slot.day.committedMinutes - slot.planned);

/**
 * Places `items` in order onto `days`. Each day's planned minutes stay within
 * `capacity − committed` (a day already committed past its capacity takes nothing). An item
 * listed twice is placed once; a habit's sessions land on distinct days, spread over the window.
 */
export function fitPlan(
  days: readonly PlannerDay[],
  items: readonly FitItem[],
  options: FitOptions,
): FitResult {
  const slots: DaySlot[] = [...days]
    .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0))
    .filter((d, i, all) => i === 0 || all[i - 1]!.localDate !== d.localDate)
    .map((day) => ({ day, planned: 0, tasks: 0 }));
  const label = dayLabeller(slots.map((s) => s.day.localDate));
  const planningDays =
    options.preferredWeekdays && options.preferredWeekdays.length > 0
      ? new Set(options.preferredWeekdays)
      : null;
  const placements: Placement[] = [];
  const didNotFit: DidNotFit[] = [];
  const seen = new Set<string>();

  for (const item of items) {
    const itemKey = `${item.kind}:${item.id}`;
    if (seen.has(itemKey)) continue;
    seen.add(itemKey);
    const minutes = Math.max(0, Math.round(item.minutes));
    const first = slots[0]?.day.localDate;
    if (item.dueDate !== null && first !== undefined && item.dueDate < first) {
      didNotFit.push({
        kind: item.kind,
        id: item.id,
        minutes,
        reason: `its due date ${shortDate(item.dueDate)} is before the first day of the plan`,
      });
      continue;
    }
    // A day off (capacity 0) takes nothing, not even a task of 0 minutes; nor does a weekday
    // the member does not plan on.
    const inWindow = slots.filter(
      (s) =>
        s.day.capacityMinutes > 0 &&
        (item.dueDate === null || s.day.localDate <= item.dueDate) &&
        (planningDays === null || planningDays.has(isoWeekday(s.day.localDate))),
    );
    const underCap = (s: DaySlot) =>
      item.kind !== "task" || options.maxTasksPerDay === null || s.tasks < options.maxTasksPerDay;
    const eligible = (s: DaySlot) => free(s) >= minutes && underCap(s);

    const chosen: { slot: DaySlot; why: string | null }[] = [];
    const used = new Set<DaySlot>();
    const take = (slot: DaySlot, why: string | null) => {
      chosen.push({ slot, why });
      used.add(slot);
    };
    const sessions = item.kind === "task" ? 1 : Math.max(1, Math.min(7, item.sessions));
    // 1. The days the provider asked for, in its order.
    for (const date of item.preferredDates) {
      if (chosen.length >= sessions) break;
      const slot = inWindow.find((s) => s.day.localDate === date);
      if (slot && !used.has(slot) && eligible(slot)) take(slot, "the day proposed for it");
    }
    // 2. The other days, spread over the window.
    const why = planningDays === null ? null : "one of your preferred days";
    const candidates = inWindow.filter((s) => !used.has(s) && eligible(s));
    if (sessions === 1 && chosen.length === 0 && candidates.length > 0) {
      // One task: the earliest day with room when it has a deadline, else the roomiest day.
      const best =
        item.dueDate !== null
          ? candidates[0]!
          : candidates.reduce((a, b) => (free(b) > free(a) ? b : a));
      take(best, why ?? (item.dueDate === null ? "the day with the most room" : null));
    } else {
      for (const slot of spread(candidates, sessions - chosen.length)) take(slot, why);
    }

    for (const { slot, why } of chosen.sort((a, b) =>
      a.slot.day.localDate < b.slot.day.localDate ? -1 : 1,
    )) {
      const before = free(slot);
      slot.planned += minutes;
      if (item.kind === "task") slot.tasks += 1;
      const parts = [
        `${label(slot.day.localDate)}: ${before} of ${slot.day.capacityMinutes} min free`,
      ];
      if (why) parts.push(why);
      if (item.dueDate !== null) {
        parts.push(
          item.dueDate === slot.day.localDate
            ? "on its due date"
            : `before its due date ${label(item.dueDate)}`,
        );
      }
      placements.push({
        kind: item.kind,
        id: item.id,
        localDate: slot.day.localDate,
        minutes,
        reason: parts.join(", "),
      });
    }
    if (chosen.length < sessions) {
      didNotFit.push({
        kind: item.kind,
        id: item.id,
        minutes,
        reason: notFitReason(
          item,
          minutes,
          sessions,
          chosen.length,
          inWindow,
          used,
          options,
          label,
        ),
      });
    }
  }

  return {
    placements,
    didNotFit,
    days: slots.map((s) => ({ ...s.day, plannedMinutes: s.planned, freeMinutes: free(s) })),
  };
}

/** `count` of `candidates` (ascending by date), nearest to evenly spaced positions. */
function spread(candidates: readonly DaySlot[], count: number): DaySlot[] {
  if (count <= 0) return [];
  if (count >= candidates.length) return [...candidates];
  const out: DaySlot[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < count; i++) {
    const ideal = Math.round(((i + 0.5) * candidates.length) / count - 0.5);
    let best = -1;
    for (let d = 0; best < 0; d++) {
      if (ideal - d >= 0 && !taken.has(ideal - d)) best = ideal - d;
      else if (ideal + d < candidates.length && !taken.has(ideal + d)) best = ideal + d;
    }
    taken.add(best);
    out.push(candidates[best]!);
  }
  return out.sort((a, b) => (a.day.localDate < b.day.localDate ? -1 : 1));
}

function notFitReason(
  item: FitItem,
  minutes: number,
  sessions: number,
  placed: number,
  inWindow: readonly DaySlot[],
  used: ReadonlySet<DaySlot>,
  options: FitOptions,
  label: (date: LocalDate) => string,
): string {
  const head =
    item.kind === "habit" && sessions > 1
      ? `${placed} of ${sessions} sessions fit; each needs ${minutes} min`
      : `needs ${minutes} min`;
  const other = `${placed > 0 ? "other " : ""}${options.preferredWeekdays?.length ? "preferred " : ""}`;
  const until = item.dueDate === null ? "" : ` up to its due date ${label(item.dueDate)}`;
  const rest = inWindow.filter((s) => !used.has(s));
  if (rest.length === 0) return `${head}; no ${other}day is left${until}`;
  if (options.maxTasksPerDay !== null && rest.some((s) => free(s) >= minutes)) {
    return `${head}; every ${other}day with that much free${until} already has ${options.maxTasksPerDay} tasks, your daily limit`;
  }
  return `${head}; the most free on any ${other}day${until} is ${Math.max(...rest.map(free))}`;
}

/** "Tue" within a week's window, "Tue 10 Mar" in a longer one. */
function dayLabeller(dates: readonly LocalDate[]): (date: LocalDate) => string {
  const span = dates.length === 0 ? 0 : diffDays(dates[dates.length - 1]!, dates[0]!);
  return (date) => {
    const inside = dates.length > 0 && date >= dates[0]! && diffDays(date, dates[0]!) <= 6;
    return span <= 6 && inside ? shortWeekday(date) : `${shortWeekday(date)} ${shortDate(date)}`;
  };
}
