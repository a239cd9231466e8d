import { addDays, diffDays } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { prng } from "../prng.ts";
import { randomHistory } from "../test/random-history.ts";
import { habitHistory } from "../views/habit-history.ts";
import { memberNow } from "../views/member-now.ts";
import { deriveMember, type DeriveState } from "./derive-member.ts";

const HISTORIES = 1000;

describe("deriveMember: incremental = full", () => {
  it(`holds on ${HISTORIES} random histories`, () => {
    let comparedRows = 0;
    // What the histories exercised, so a generator change cannot quietly hollow the test out.
    const seen = new Map<string, number>();
    const see = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    for (let seed = 1; seed <= HISTORIES; seed++) {
      const { history, first, last } = randomHistory(seed);
      const r = prng(seed * 7919);
      const span = diffDays(last, first);
      const today = addDays(first, Math.floor(r() * (span + 1)));
      const split = addDays(first, Math.floor(r() * (diffDays(today, first) + 1)));
      const to = addDays(split, Math.floor(r() * (span + 10)));

      const full = deriveMember(history, { from: first, to }, { today });
      const before = deriveMember(history, { from: first, to: addDays(split, -1) }, { today });
      const start = JSON.parse(JSON.stringify(before.state)) as DeriveState;
      const inc = deriveMember(history, { from: split, to }, { today, start });

      const context = `seed ${seed}, split ${split}, today ${today}`;
      expect(inc.days, context).toEqual(full.days.filter((row) => row.localDate >= split));
      expect(inc.habitDays, context).toEqual(
        full.habitDays.filter((row) => row.localDate >= split),
      );
      expect(inc.state, context).toEqual(full.state);
      comparedRows += inc.days.length + inc.habitDays.length;
      for (const row of full.habitDays) {
        see(row.state);
        if (row.isPendingRepair) see("pending repair");
      }
      for (const row of full.days) {
        if (row.isRecovering) see("recovering");
        if (row.score !== null && row.score > 0 && row.score < 100) see("between 0 and 100");
      }
      if (Object.values(full.state.habits).some((h) => h.streak.lastBreak)) {
        see("streak broken");
      }
      if (Object.values(full.state.habits).some((h) => h.streak.lastRepairedDate)) see("repaired");
      if (Object.values(full.state.habits).some((h) => h.week !== null)) see("week carried");
    }
    expect(comparedRows).toBeGreaterThan(HISTORIES * 10);
    for (const key of [
      "met",
      "partial",
      "missed",
      "skipped",
      "pending",
      "not_due",
      "pending repair",
      "recovering",
      "between 0 and 100",
      "streak broken",
      "repaired",
      "week carried",
    ]) {
      expect(seen.get(key) ?? 0, key).toBeGreaterThan(10);
    }
  });
});

describe("reads resumed from a checkpoint = reads of a full run", () => {
  it(`holds on ${HISTORIES} random histories`, () => {
    let comparedHabits = 0;
    let resumedLate = 0;
    for (let seed = 1; seed <= HISTORIES; seed++) {
      const { history, first, last } = randomHistory(seed);
      const r = prng(seed * 104_729);
      const pickDay = (lo: typeof first, hi: typeof first) =>
        addDays(lo, Math.floor(r() * (diffDays(hi, lo) + 1)));
      const today = pickDay(addDays(first, 1), addDays(last, 5));
      // The checkpoint: the state at the end of any finished day, as stored by a closing run.
      const through = pickDay(addDays(first, -1), addDays(today, -1));
      const closed = deriveMember(history, { from: first, to: through }, { today });
      const start = JSON.parse(JSON.stringify(closed.state)) as DeriveState;
      const context = `seed ${seed}, checkpoint ${through}, today ${today}`;

      // Today and the dashboard: the window's closed days come from the stored rows.
      const from = pickDay(first, today);
      const full = memberNow(history, today, { from });
      const resumed = memberNow(history, today, {
        from,
        resume: { start, closedDays: closed.days },
      });
      expect(resumed, context).toEqual(full);
      if (from <= through) resumedLate++;

      // A habit's page: from a checkpoint before its window.
      for (const habit of history.habits) {
        const to = pickDay(addDays(through, 1), today);
        const range = { from: pickDay(addDays(through, 1), to), to, today };
        const own = habitHistory(history, habit.id, range, start);
        expect(own, `${context}, habit ${habit.id}`).toEqual(
          habitHistory(history, habit.id, range),
        );
        comparedHabits++;
      }
    }
    // Both paths were exercised: windows reaching into the stored rows, and habit pages.
    expect(resumedLate).toBeGreaterThan(HISTORIES / 4);
    expect(comparedHabits).toBeGreaterThan(HISTORIES);
  });
});
