import { describe, expect, it } from "vitest";
import {
  digestPeriodsDue,
  isCoachDigestTime,
  isLocalHour,
  isOverloadRise,
  streakChange,
} from "./notice-rules.ts";
import { isStoredStreakAtRisk, storedLoadLevel } from "./coach-portfolio.ts";
import type { LocalDate } from "@atlas/time";

describe("isOverloadRise", () => {
  it.each([
    ["none", "over", true],
    ["near", "over", true],
    ["over", "critical", true],
    ["none", "critical", true],
    ["none", "near", false],
    ["over", "over", false],
    ["critical", "over", false],
    ["critical", "critical", false],
  ] as const)("%s → %s: %s", (before, after, expected) => {
    expect(isOverloadRise(before, after)).toBe(expected);
  });
});

describe("storedLoadLevel over end − 6 … end", () => {
  const day = (localDate: string, loadMinutes: number, capacityMinutes = 360) => ({
    localDate: localDate as LocalDate,
    loadMinutes,
    capacityMinutes,
  });
  it("rises when the day that closed is over capacity", () => {
    const days = [day("2026-03-02", 300), day("2026-03-03", 300), day("2026-03-09", 400)];
    expect(storedLoadLevel(days, "2026-03-08" as LocalDate).level).toBe("none");
    expect(storedLoadLevel(days, "2026-03-09" as LocalDate).level).toBe("over");
  });
  it("a day off counts its whole load as task minutes", () => {
    expect(storedLoadLevel([day("2026-03-09", 61, 0)], "2026-03-09" as LocalDate).level).toBe(
      "over",
    );
  });
});

describe("streakChange between D − 1 and D", () => {
  it.each([
    // A failed repair: 4 with a waiting miss, then the streak ends at it.
    [{ streak: 4, isPendingRepair: true }, { streak: 1, isPendingRepair: true }, "broken"],
    [{ streak: 5, isPendingRepair: false }, { streak: 0, isPendingRepair: false }, "broken"],
    // Too short to notice.
    [{ streak: 2, isPendingRepair: false }, { streak: 0, isPendingRepair: false }, null],
    // The repair completed: the waiting miss is repaired and the streak held.
    [{ streak: 4, isPendingRepair: true }, { streak: 5, isPendingRepair: false }, "repaired"],
    [{ streak: 1, isPendingRepair: true }, { streak: 2, isPendingRepair: false }, "repaired"],
    // A failed repair of a short streak: nothing to say.
    [{ streak: 2, isPendingRepair: true }, { streak: 0, isPendingRepair: false }, null],
    [{ streak: 6, isPendingRepair: false }, { streak: 7, isPendingRepair: false }, null],
    [{ streak: 6, isPendingRepair: false }, { streak: 6, isPendingRepair: true }, null],
  ] as const)("%o → %o: %s", (before, after, expected) => {
    expect(streakChange(before, after)).toBe(expected);
  });
});

describe("isStoredStreakAtRisk (today's stored row)", () => {
  it.each([
    [{ state: "pending", streak: 3, completion: null }, true],
    [{ state: "pending", streak: 12, completion: 0.5 }, true],
    [{ state: "pending", streak: 12, completion: 1 }, false],
    [{ state: "pending", streak: 2, completion: null }, false],
    [{ state: "met", streak: 12, completion: 1 }, false],
    [{ state: "not_due", streak: 12, completion: null }, false],
    [{ state: "skipped", streak: 12, completion: null }, false],
  ] as const)("%o: %s", (row, expected) => {
    expect(isStoredStreakAtRisk(row)).toBe(expected);
  });
});

describe("the local hours", () => {
  it("19:00 … 19:59 on the wall clock, across daylight saving in New York and Berlin", () => {
    // New York: EST (UTC−5) before 8 March 2026, EDT (UTC−4) after.
    expect(isLocalHour(new Date("2026-03-07T00:05:00Z"), "America/New_York", 19)).toBe(true);
    expect(isLocalHour(new Date("2026-03-08T23:05:00Z"), "America/New_York", 19)).toBe(true);
    expect(isLocalHour(new Date("2026-03-09T00:05:00Z"), "America/New_York", 19)).toBe(false);
    // Berlin: CET (UTC+1) before 29 March 2026, CEST (UTC+2) after.
    expect(isLocalHour(new Date("2026-03-28T18:05:00Z"), "Europe/Berlin", 19)).toBe(true);
    expect(isLocalHour(new Date("2026-03-29T17:05:00Z"), "Europe/Berlin", 19)).toBe(true);
    expect(isLocalHour(new Date("2026-03-29T18:05:00Z"), "Europe/Berlin", 19)).toBe(false);
  });

  it("a half-hour zone meets an hourly tick once in its 19:00 hour", () => {
    const ticks = Array.from({ length: 24 }, (_, h) => new Date(Date.UTC(2026, 2, 10, h, 5)));
    expect(ticks.filter((t) => isLocalHour(t, "Asia/Kolkata", 19))).toEqual([
      new Date("2026-03-10T14:05:00Z"),
    ]);
  });
});

describe("digestPeriodsDue", () => {
  it("daily at 08:00 local, weekly too on Monday", () => {
    // 2026-03-09 is a Monday; Berlin is UTC+1.
    expect(digestPeriodsDue(new Date("2026-03-09T07:05:00Z"), "Europe/Berlin")).toEqual([
      "daily",
      "weekly",
    ]);
    expect(digestPeriodsDue(new Date("2026-03-10T07:05:00Z"), "Europe/Berlin")).toEqual(["daily"]);
    expect(digestPeriodsDue(new Date("2026-03-10T08:05:00Z"), "Europe/Berlin")).toEqual([]);
  });
});

describe("isCoachDigestTime", () => {
  it("from Monday 08:00 in the coach's zone through Sunday", () => {
    expect(isCoachDigestTime(new Date("2026-03-09T06:59:00Z"), "Europe/Berlin")).toBe(false);
    expect(isCoachDigestTime(new Date("2026-03-09T07:00:00Z"), "Europe/Berlin")).toBe(true);
    expect(isCoachDigestTime(new Date("2026-03-15T22:00:00Z"), "Europe/Berlin")).toBe(true);
    expect(isCoachDigestTime(new Date("2026-03-15T23:30:00Z"), "Europe/Berlin")).toBe(false);
  });
});
