/** The log indexed once by item and local day, so the engine never re-filters the full list. */
import type { LocalDate } from "@atlas/time";
import { combineDay } from "../completion.ts";
import type { LogEvent } from "../model.ts";

export type ItemEvents = Map<LocalDate, LogEvent[]>;

export function indexEvents(events: readonly LogEvent[]): Map<string, ItemEvents> {
  const byItem = new Map<string, ItemEvents>();
  for (const e of events) {
    const item = e.habitId ?? e.taskId;
    if (item === null) continue;
    let byDay = byItem.get(item);
    if (byDay === undefined) byItem.set(item, (byDay = new Map()));
    const list = byDay.get(e.localDate);
    if (list === undefined) byDay.set(e.localDate, [e]);
    else list.push(e);
  }
  return byItem;
}

/** The first day with a non-reverted done/partial: when a task was completed. */
export function firstDoneDay(itemId: string, byDay: ItemEvents | undefined): LocalDate | null {
  let first: LocalDate | null = null;
  if (byDay === undefined) return first;
  for (const [date, events] of byDay) {
    if ((first === null || date < first) && combineDay(events, itemId).hasDone) first = date;
  }
  return first;
}
