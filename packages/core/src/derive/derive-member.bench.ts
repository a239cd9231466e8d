/**
 * The engine's speed: one member, 5 habits (every schedule, measurable targets) with a check-in on
 * most days and 2 tasks a day; a full run of a year, and Today's read at 60 days, 1 and 3 years
 * of history, derived in full and resumed from yesterday's checkpoint with what the loader would
 * bring after it. Run: npx vitest bench --run src/derive
 */
import { addDays } from "@atlas/time";
import { bench, describe } from "vitest";
import type { LogEvent, Task } from "../model.ts";
import { capacityAlways, d, ev, habit, task } from "../test/fixtures.ts";
import { memberNow } from "../views/member-now.ts";
import { deriveMember, type MemberHistory } from "./derive-member.ts";

const START = d("2024-01-01");

function history(days: number): MemberHistory {
  const habits = [
    habit("h0", START, [
      {
        schedule: "daily",
        target: { valueMilli: 20_000, direction: "at_least" },
        durationMinutes: 30,
      },
    ]),
    habit("h1", START, [{ schedule: "days_of_week", daysOfWeek: [1, 3, 5], durationMinutes: 45 }]),
    habit("h2", START, [{ schedule: "times_per_week", timesPerWeek: 3, durationMinutes: 60 }]),
    habit("h3", START, [{ schedule: "every_n_days", everyNDays: 2, durationMinutes: 20 }]),
    habit("h4", START, [
      { schedule: "daily", target: { valueMilli: 2_000, direction: "at_most" } },
    ]),
  ];
  const events: LogEvent[] = [];
  const tasks: Task[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(START, i);
    for (let h = 0; h < 5; h++) {
      const roll = (i * 7 + h * 13) % 10;
      if (roll < 6)
        events.push(ev(`h${h}`, day, "done", h === 0 ? 20_000 : h === 4 ? 1_000 : null));
      else if (roll < 8) events.push(ev(`h${h}`, day, "partial", h === 0 ? 10_000 : 3_000));
      else if (roll === 8) events.push(ev(`h${h}`, day, "skip"));
    }
    for (let k = 0; k < 2; k++) {
      const id = `t${i}-${k}`;
      tasks.push(task(id, day, [{ plannedDate: day, estimateMinutes: 30 }]));
      if ((i + k) % 5 !== 0) events.push(ev(id, day, "done"));
    }
  }
  return {
    memberId: "m",
    habits,
    tasks,
    events,
    capacity: capacityAlways([360, 360, 360, 360, 360, 0, 0]),
  };
}

describe("deriveMember", () => {
  const year = history(365);
  const today = addDays(START, 364);
  bench("1 member × 365 days × 5 habits × 2 tasks a day", () => {
    deriveMember(year, { from: START, to: today }, { today });
  });
});

for (const [label, days] of [
  ["60 days", 60],
  ["1 year", 365],
  ["3 years", 3 * 365],
] as const) {
  describe(`Today's read at ${label} of history`, () => {
    const full = history(days);
    const today = addDays(START, days - 1);
    const yesterday = addDays(today, -1);
    const start = deriveMember(full, { from: START, to: yesterday }, { today }).state;
    // What the loader brings after the checkpoint: the open tasks, the later ones and later entries.
    const done = new Set(
      full.events.filter((e) => e.taskId && e.localDate <= yesterday).map((e) => e.taskId),
    );
    const after: MemberHistory = {
      ...full,
      tasks: full.tasks.filter((t) => !done.has(t.id) || t.createdOn > yesterday),
      events: full.events.filter((e) => e.localDate > yesterday),
    };
    bench("full run", () => {
      memberNow(full, today, { from: today });
    });
    bench("resumed from yesterday's checkpoint", () => {
      memberNow(after, today, { from: today, resume: { start, closedDays: [] } });
    });
  });
}
