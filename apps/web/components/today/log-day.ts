import type { RouterOutputs } from "@atlas/api";

/** What every log write answers about its item's day (packages/api log.schema.ts ZItemDay). */
export type LogDay = RouterOutputs["log"]["checkIn"]["day"];

const STATE = { done: "met", partial: "partial", skipped: "skipped", open: "pending" } as const;

/** The row's view of a day the server has just combined: the latest active entry is undoable. */
export function viewOfDay(day: LogDay) {
  return {
    state: STATE[day.state],
    value: day.value === null ? null : String(day.value),
    undoableEventId: day.activeEventIds.at(-1) ?? null,
  };
}
