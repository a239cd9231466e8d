/**
 * The engine's speed: one member, 365 days, 5 habits (every schedule, measurable targets) with a
 * check-in on most days. Run: npx vitest bench --run src/derive
 */
import { addDays } from "@atlas/time";
import { bench, describe } from "vitest";
import type { LogEvent } from "../model.ts";
import { capacityAlways, d, ev, habit } from "../test/fixtures.ts";
import { deriveMember, type MemberHistory } from "./derive-member.ts";

const START = d("2024-01-01");
const TODAY = addDays(START, 364);

function yearHistory(): MemberHistory {
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
  for (let i = 0; i < 365; i++) {
    const day = addDays(START, i);
    for (let h = 0; h < 5; h++) {
      const roll = (i * 7 + h * 13) % 10;
      if (roll < 6)
        events.push(ev(`h${h}`, day, "done", h === 0 ? 20_000 : h === 4 ? 1_000 : null));
      else if (roll < 8) events.push(ev(`h${h}`, day, "partial", h === 0 ? 10_000 : 3_000));
      else if (roll === 8) events.push(ev(`h${h}`, day, "skip"));
    }
  }
  return {
    memberId: "m",
    habits,
    tasks: [],
    events,
    capacity: capacityAlways([360, 360, 360, 360, 360, 0, 0]),
  };
}

const history = yearHistory();

describe("deriveMember", () => {
  bench("1 member × 365 days × 5 habits", () => {
    deriveMember(history, { from: START, to: TODAY }, { today: TODAY });
  });
});
