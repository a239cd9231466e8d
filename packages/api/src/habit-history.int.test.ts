/**
 * habit.history (docs/domain.md "Occurrences and streaks", "Read models"): a year of one habit's days with states,
 * values and streaks as known at the end of the range, its versions, and who may read it.
 */
import { addDays, isoWeekday, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";
import { newMember, type FreshMember } from "./testing/members.ts";
import {
  clockAt,
  expectRefused,
  monthStartAhead,
  newKey,
  wallTime,
  ZONES,
} from "./testing/plans.ts";

let h: Harness;
/** The habit's start; the constructed log runs S … S + 8 and the member stands on S + 9. */
let S: LocalDate;
let member: FreshMember;
let habitId: string;

/**
 * Day by day: met, met, partial (a single miss: pending repair), skipped (transparent), met, met
 * (the partial is repaired), missed (within 14 days of that repair: the streak breaks), met, met.
 */
const LOG: (number | "skip" | null)[] = [10, 12, 5, "skip", 10, 10, null, 10, 10];

beforeAll(async () => {
  h = await createHarness();
  S = addDays(monthStartAhead(), 3);
  member = await newMember(h, { joinedOn: S, name: "Hanna History" });
  const habit = await member.at(S, "08:00").habit.create({
    idempotencyKey: newKey(),
    title: "Read",
    schedule: { type: "daily" },
    target: { value: 10, unit: "pages", direction: "at_least" },
    durationMinutes: 20,
  });
  habitId = habit.id;
  for (const [i, entry] of LOG.entries()) {
    const day = member.at(addDays(S, i), "20:00");
    if (entry === "skip") await day.log.skip({ idempotencyKey: newKey(), habitId });
    else if (entry !== null)
      await day.log.checkIn({ idempotencyKey: newKey(), habitId, value: entry });
  }
  // A new version from S + 5 on: a longer session.
  await member.at(addDays(S, 5), "21:00").habit.update({ habitId, durationMinutes: 25 });
});
afterAll(async () => {
  await h?.close();
});

describe("habit.history", () => {
  it("a year of days: states, values, completion and streaks, as known now", async () => {
    const today = addDays(S, 9);
    const history = await member.at(today).habit.history({ habitId });
    const monday = addDays(today, 1 - isoWeekday(today));
    expect(history.from).toBe(addDays(monday, -52 * 7));
    expect(history.to).toBe(today);
    expect(history.days).toHaveLength(52 * 7 + isoWeekday(today));
    expect(history.days[0]).toEqual({
      date: history.from,
      due: false,
      state: null,
      value: null,
      completion: null,
      strength: 0,
      streak: 0,
    });

    const logged = history.days.slice(-10);
    expect(logged.map((d) => [d.date, d.due, d.state, d.value, d.completion, d.streak])).toEqual([
      [S, true, "met", "10", 1, 1],
      [addDays(S, 1), true, "met", "12", 1, 2],
      [addDays(S, 2), true, "repaired", "5", 0.5, 2],
      [addDays(S, 3), true, "skipped", null, null, 2],
      [addDays(S, 4), true, "met", "10", 1, 3],
      [addDays(S, 5), true, "met", "10", 1, 4],
      [addDays(S, 6), true, "missed", null, null, 0],
      [addDays(S, 7), true, "met", "10", 1, 1],
      [addDays(S, 8), true, "met", "10", 1, 2],
      [today, true, "pending", null, null, 2],
    ]);
    expect(history).toMatchObject({ currentStreak: 2, bestStreak: 4 });
    // Strength rises on met days, holds on the skipped day and today, falls on the miss.
    const strengths = logged.map((d) => d.strength);
    expect(strengths[1]! > strengths[0]!).toBe(true);
    expect(strengths[3]).toBe(strengths[2]);
    expect(strengths[6]! < strengths[5]!).toBe(true);
    expect(strengths[9]).toBe(strengths[8]);
    expect(history.strength).toBe(strengths[9]);
    expect(history.strength > 0 && history.strength < 1).toBe(true);

    expect(history.habit).toEqual({
      id: habitId,
      name: "Read",
      memberId: member.userId,
      memberName: "Hanna History",
      schedule: "daily",
      daysOfWeek: [],
      timesPerWeek: null,
      everyNDays: null,
      target: { value: "10", unit: "pages", direction: "at_least" },
      durationMinutes: 25,
      archivedAt: null,
      startDate: S,
    });
    expect(history.versions).toEqual([
      expect.objectContaining({ effectiveFrom: S, durationMinutes: 20 }),
      expect.objectContaining({ effectiveFrom: addDays(S, 5), durationMinutes: 25 }),
    ]);
  });

  it("ending at an earlier `to`: the partial day is still pending repair", async () => {
    const history = await member.at(addDays(S, 9)).habit.history({ habitId, to: addDays(S, 3) });
    expect(history.to).toBe(addDays(S, 3));
    expect(history.days.at(-2)).toMatchObject({ state: "pending_repair", value: "5" });
    expect(history.days.at(-1)).toMatchObject({ state: "skipped" });
    expect(history).toMatchObject({ currentStreak: 2, bestStreak: 2 });
  });

  it("a `to` after the member's today shows through today", async () => {
    const today = addDays(S, 9);
    const history = await member.at(today).habit.history({ habitId, to: addDays(today, 30) });
    expect(history.to).toBe(today);
  });

  it("bad input is a BAD_REQUEST", async () => {
    const me = member.at(addDays(S, 9));
    await expectRefused(h, () => me.habit.history({ habitId, to: "2026-02-30" }), "BAD_REQUEST");
    await expectRefused(h, () => me.habit.history({ habitId: "" }), "BAD_REQUEST");
  });
});

describe("who may read a habit's history", () => {
  const setSharing = (sharesProgress: boolean) =>
    h.admin.workspace.update({ where: { id: h.workspaceIds.demo }, data: { sharesProgress } });
  const as = (person: "nora" | "coach" | "owner") =>
    h.as(person, "demo", { clock: clockAt(wallTime(ZONES[person], addDays(S, 9), "12:00")) });

  it("the member's own: yes", async () => {
    expect((await member.at(addDays(S, 9)).habit.history({ habitId })).habit.id).toBe(habitId);
  });

  it("a teammate: refused unless the workspace shares progress (habit.get alike)", async () => {
    await setSharing(false);
    await expectRefused(
      h,
      () => as("nora").habit.history({ habitId }),
      "FORBIDDEN",
      /see other members' progress/,
    );
    await expectRefused(h, () => as("nora").habit.get({ habitId }), "FORBIDDEN");
    await expectRefused(h, () => as("nora").habit.list({ memberId: member.userId }), "FORBIDDEN");
    await setSharing(true);
    try {
      const shared = await as("nora").habit.history({ habitId });
      // The days are the owning member's: their today, not the reader's.
      expect(shared.to).toBe(addDays(S, 9));
      expect(shared.currentStreak).toBe(2);
    } finally {
      await setSharing(false);
    }
  });

  it("a coach or the owner of the workspace: yes", async () => {
    await setSharing(false);
    for (const person of ["coach", "owner"] as const) {
      expect((await as(person).habit.history({ habitId })).habit.memberName).toBe("Hanna History");
    }
  });

  it("another workspace's habit is not found", async () => {
    const theirs = await h.admin.habit.findFirstOrThrow({
      where: { workspaceId: h.workspaceIds.second },
      select: { id: true },
    });
    await expectRefused(h, () => as("owner").habit.history({ habitId: theirs.id }), "NOT_FOUND");
  });
});
