import { describe, expect, it } from "vitest";
import { combineDay, deriveKind, habitCompletion, isMet } from "./completion.ts";
import type { HabitVersion, LogEvent } from "./model.ts";
import { ev, habitVersion } from "./test/fixtures.ts";

const DAY = "2024-03-04";
const plain = habitVersion({ effectiveFrom: DAY });
const atLeast5 = habitVersion({
  effectiveFrom: DAY,
  target: { valueMilli: 5000, direction: "at_least" },
});
const atMost2 = habitVersion({
  effectiveFrom: DAY,
  target: { valueMilli: 2000, direction: "at_most" },
});

function day(events: LogEvent[]) {
  return combineDay(events, "h1");
}

describe("combineDay", () => {
  it("sums the non-reverted values and ignores other items", () => {
    const a = ev("h1", DAY, "partial", 1500, { id: "a" });
    const b = ev("h1", DAY, "partial", 2000, { id: "b" });
    const c = ev("h1", DAY, "done", 4000, { id: "c" });
    const undoB = ev("h1", DAY, "undo", null, { id: "u", revertsId: "b" });
    const other = ev("h2", DAY, "done", 9000);
    const r = day([a, b, c, undoB, other]);
    expect(r.sumMilli).toBe(5500);
    expect(r.hasDone).toBe(true);
    expect(r.hasSkip).toBe(false);
    expect(r.activeEvents.map((e) => e.id)).toEqual(["a", "c"]);
  });

  it("an undone skip frees the day; an undo of an undo reverts nothing", () => {
    const s = ev("h1", DAY, "skip", null, { id: "s" });
    const u = ev("h1", DAY, "undo", null, { id: "u", revertsId: "s" });
    const uu = ev("h1", DAY, "undo", null, { id: "uu", revertsId: "u" });
    expect(day([s, u, uu])).toMatchObject({ hasSkip: false, hasDone: false, sumMilli: 0 });
  });

  it("works for tasks", () => {
    expect(combineDay([ev("t1", DAY, "done")], "t1").hasDone).toBe(true);
  });
});

describe("habitCompletion", () => {
  it.each<[string, HabitVersion, LogEvent[], [bigint, bigint] | null]>([
    ["nothing logged", plain, [], null],
    ["plain done", plain, [ev("h1", DAY, "done")], [1n, 1n]],
    ["skipped", plain, [ev("h1", DAY, "skip")], null],
    ["at_least 5: 2.5", atLeast5, [ev("h1", DAY, "partial", 2500)], [1n, 2n]],
    [
      "at_least 5: 1.5 + 2",
      atLeast5,
      [ev("h1", DAY, "partial", 1500), ev("h1", DAY, "partial", 2000)],
      [7n, 10n],
    ],
    ["at_least 5: 7 caps at 1", atLeast5, [ev("h1", DAY, "done", 7000)], [1n, 1n]],
    ["at_least 5: 0.001", atLeast5, [ev("h1", DAY, "partial", 1)], [1n, 5000n]],
    ["at_least 5: plain done is full", atLeast5, [ev("h1", DAY, "done")], [1n, 1n]],
    ["at_most 2: 0", atMost2, [ev("h1", DAY, "done", 0)], [1n, 1n]],
    ["at_most 2: exactly 2", atMost2, [ev("h1", DAY, "done", 2000)], [1n, 1n]],
    ["at_most 2: 2.5 → 0.75", atMost2, [ev("h1", DAY, "partial", 2500)], [3n, 4n]],
    ["at_most 2: 3.999 → 0.0005", atMost2, [ev("h1", DAY, "partial", 3999)], [1n, 2000n]],
    ["at_most 2: 4 → 0", atMost2, [ev("h1", DAY, "partial", 4000)], [0n, 1n]],
    ["at_most 2: 9 → 0", atMost2, [ev("h1", DAY, "partial", 9000)], [0n, 1n]],
  ])("%s", (_name, version, events, expected) => {
    const c = habitCompletion(version, day(events));
    expect(c === null ? null : [c.num, c.den]).toEqual(expected);
    expect(isMet(c)).toBe(expected !== null && expected[0] === expected[1]);
  });
});

describe("deriveKind", () => {
  it.each<[HabitVersion, number, "done" | "partial"]>([
    [plain, 0, "done"],
    [atLeast5, 4999, "partial"],
    [atLeast5, 5000, "done"],
    [atMost2, 2000, "done"],
    [atMost2, 2001, "partial"],
  ])("%#: sum %s → %s", (version, sum, kind) => {
    expect(deriveKind(version, sum)).toBe(kind);
  });
});
