/** The weekly summary's pure rules (docs/domain.md "Weekly summary"), table-driven. */
import { toLocalDate } from "@atlas/time";
import { describe, expect, it } from "vitest";
import { averageScore, isWeekSummaryDue, lastFinishedWeekStart } from "./weekly-summary.ts";

describe("averageScore", () => {
  it.each([
    [[], null],
    [[80, 60], 70],
    [[80, 60, 100, 90], 82.5],
    [[1, 2, 2], 1.7], // 1.666… → 1.7
    [[0, 1, 0, 0], 0.3], // 0.25 rounds half up
    [[100], 100],
  ])("%j → %s", (scores, expected) => {
    expect(averageScore(scores)).toBe(expected);
  });
});

describe("the week summarised, in the workspace's zone", () => {
  it.each([
    // Monday 2026-03-09 00:30 in Berlin is still Sunday in UTC.
    ["2026-03-08T23:30:00Z", "Europe/Berlin", "2026-03-02", false],
    ["2026-03-08T23:30:00Z", "UTC", "2026-02-23", true],
    // 05:59 and 06:00 on Berlin's Monday (UTC+1 in March).
    ["2026-03-09T04:59:00Z", "Europe/Berlin", "2026-03-02", false],
    ["2026-03-09T05:00:00Z", "Europe/Berlin", "2026-03-02", true],
    // Sydney's Monday morning is Sunday evening in UTC.
    ["2026-03-08T19:00:00Z", "Australia/Sydney", "2026-03-02", true],
    // Honolulu (UTC−10) has just begun its Monday: the week is known, its 06:00 not come.
    ["2026-03-09T10:00:00Z", "Pacific/Honolulu", "2026-03-02", false],
  ])("at %s in %s: week of %s, due %s", (at, zone, week, due) => {
    const now = new Date(at);
    expect(lastFinishedWeekStart(now, zone)).toBe(toLocalDate(week));
    expect(isWeekSummaryDue(now, zone)).toBe(due);
  });
});
