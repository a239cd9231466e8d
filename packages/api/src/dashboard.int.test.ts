/**
 * dashboard.get and overload.applyRelief (docs/domain.md "Read models", "Overload"): the score
 * trend, habits by strength and the habits at risk, the next 7 days' load with its relief, and
 * applying that relief (checked against a fresh one, idempotent, all or nothing).
 */
import { addDays, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/harness.ts";
import { newMember, type FreshMember } from "./testing/members.ts";
import { expectRefused, monthStartAhead, newKey, tableState } from "./testing/plans.ts";

let h: Harness;
/** The day the tests stand on. */
let D: LocalDate;

beforeAll(async () => {
  h = await createHarness();
  D = addDays(monthStartAhead(), 14);
});
afterAll(async () => {
  await h?.close();
});

const everyDay = (minutes: number) => ({
  monMinutes: minutes,
  tueMinutes: minutes,
  wedMinutes: minutes,
  thuMinutes: minutes,
  friMinutes: minutes,
  satMinutes: minutes,
  sunMinutes: minutes,
});

describe("dashboard.get", () => {
  it("30 days of scores ending today, habits by strength (ties by name), streaks at risk", async () => {
    const member = await newMember(h, { joinedOn: addDays(D, -10) });
    const start = addDays(D, -9);
    const habit = (title: string) =>
      member.at(start, "08:00").habit.create({
        idempotencyKey: newKey(),
        title,
        schedule: { type: "daily" },
        durationMinutes: 15,
      });
    const alpha = await habit("Alpha");
    const beta = await habit("Beta");
    // Zeta before Eta: equal strength, so the name decides, not the creation order.
    const zeta = await habit("Zeta");
    const eta = await habit("Eta");
    for (let day = start; day < D; day = addDays(day, 1)) {
      await member.at(day, "20:00").log.checkIn({ idempotencyKey: newKey(), habitId: alpha.id });
    }
    await member
      .at(addDays(D, -1), "20:00")
      .log.checkIn({ idempotencyKey: newKey(), habitId: beta.id });

    const dashboard = await member.at(D).dashboard.get();
    expect(dashboard.localDate).toBe(D);
    expect(dashboard.score).toEqual({ percent: 0 });
    expect(dashboard.trend).toHaveLength(30);
    expect(dashboard.trend[0]!.date).toBe(addDays(D, -29));
    expect(dashboard.trend.map((d) => d.percent)).toEqual([
      ...Array<null>(20).fill(null),
      // Alpha of four (2 of 8), then Alpha and Beta (4 of 8), then today so far.
      ...Array<number>(8).fill(25),
      50,
      0,
    ]);
    expect(dashboard.habits.map((x) => [x.name, x.currentStreak])).toEqual([
      ["Alpha", 9],
      ["Beta", 1],
      ["Eta", 0],
      ["Zeta", 0],
    ]);
    const [a, b, e, z] = dashboard.habits;
    expect(a!.strength > b!.strength && b!.strength > 0).toBe(true);
    expect([e!.strength, z!.strength]).toEqual([0, 0]);
    expect(dashboard.habits.map((x) => x.id)).toEqual([alpha.id, beta.id, eta.id, zeta.id]);
    expect(dashboard.atRisk).toEqual([
      {
        habitId: alpha.id,
        name: "Alpha",
        schedule: "daily",
        reasons: ["streak_due"],
        streak: 9,
        repair: null,
        week: null,
      },
    ]);
    expect(new Set(dashboard.habits.map((x) => x.schedule))).toEqual(new Set(["daily"]));
    expect(dashboard.consistency).not.toBeNull();
    expect(dashboard.consistency! > 0 && dashboard.consistency! < 1).toBe(true);
    expect(dashboard.recovering).toBe(false);
    // 4 habits × 15 minutes a day against the default capacity: no overload.
    expect(dashboard.overload.days).toHaveLength(7);
    expect(dashboard.overload.days[0]).toMatchObject({ date: D, loadMinutes: 60 });
    expect(dashboard.overload).toMatchObject({
      level: "none",
      trend: false,
      relief: { kind: "none" },
    });
  });

  it("habits alone over capacity: overloaded, and no relief", async () => {
    const member = await newMember(h, { joinedOn: addDays(D, -1) });
    await member.at(D, "08:00").membership.capacity.update(everyDay(10));
    await member.at(D, "08:00").habit.create({
      idempotencyKey: newKey(),
      title: "Long walk",
      schedule: { type: "daily" },
      durationMinutes: 30,
    });
    const { overload } = await member.at(D).dashboard.get();
    expect(overload.level).toBe("critical");
    expect(overload.days[0]).toEqual({
      date: D,
      loadMinutes: 30,
      capacityMinutes: 10,
      ratio: 3,
      level: "critical",
    });
    expect(overload.relief).toEqual({ kind: "no_relief" });
  });
});

describe("overload relief", () => {
  let member: FreshMember;
  let big: { id: string };
  let small: { id: string };

  beforeAll(async () => {
    member = await newMember(h, { joinedOn: addDays(D, -2) });
    // Planned the day before, so applying the relief today writes a second version.
    const plan = member.at(addDays(D, -1), "08:00");
    await plan.membership.capacity.update(everyDay(60));
    const task = (title: string, fields: Record<string, unknown>) =>
      plan.task.create({ idempotencyKey: newKey(), title, plannedDate: D, ...fields });
    big = await task("Big", { priority: "low", estimateMinutes: 40 });
    small = await task("Small", { priority: "low", estimateMinutes: 20 });
    await task("Key", { priority: "high", estimateMinutes: 30 });
    await task("Deadline", { priority: "low", estimateMinutes: 10, dueDate: D });
  });

  it("dashboard.get proposes deferring the lowest-priority, largest deadline-free task inside the 7 days", async () => {
    const { overload } = await member.at(D).dashboard.get();
    expect(overload.level).toBe("critical");
    expect(overload.days[0]).toEqual({
      date: D,
      loadMinutes: 100,
      capacityMinutes: 60,
      ratio: 1.6667,
      level: "critical",
    });
    expect(overload.relief).toEqual({
      kind: "relief",
      // Tomorrow has room (capacity 60, nothing planned): the task stays inside the 7 days.
      moves: [{ taskId: big.id, title: "Big", from: D, to: addDays(D, 1) }],
    });
  });

  it("bad input is a BAD_REQUEST and changes nothing", async () => {
    const me = member.at(D);
    const move = { taskId: big.id, from: D, to: addDays(D, 7) };
    for (const moves of [
      [],
      [{ ...move, to: "2026-02-30" }],
      [move, move],
      [{ ...move, taskId: "" }],
    ]) {
      await expectRefused(
        h,
        () => me.overload.applyRelief({ idempotencyKey: newKey(), moves }),
        "BAD_REQUEST",
      );
    }
    await expectRefused(
      h,
      () => me.overload.applyRelief({ idempotencyKey: "short", moves: [move] }),
      "BAD_REQUEST",
    );
  });

  it("moves that are not the relief of now are a CONFLICT and change nothing", async () => {
    await expectRefused(
      h,
      () =>
        member.at(D).overload.applyRelief({
          idempotencyKey: newKey(),
          moves: [{ taskId: small.id, from: D, to: addDays(D, 7) }],
        }),
      "CONFLICT",
      /The plan changed; review the new proposal/,
    );
  });

  it("applies the relief: a new version from today moves the task; a retry returns the first answer", async () => {
    const me = member.at(D);
    const { overload } = await me.dashboard.get();
    if (overload.relief.kind !== "relief") throw new Error("expected a relief");
    const moves = overload.relief.moves.map(({ taskId, from, to }) => ({ taskId, from, to }));
    const key = newKey("relief");

    expect(await me.overload.applyRelief({ idempotencyKey: key, moves })).toEqual({ moved: 1 });
    const moved = await me.task.get({ taskId: big.id });
    expect(moved).toMatchObject({ plannedDate: addDays(D, 1) });
    expect(moved.versions.map((v) => [v.effectiveFrom, v.plannedDate])).toEqual([
      [addDays(D, -1), D],
      [D, addDays(D, 1)],
    ]);
    // Derived data refreshed: today's stored load no longer counts the moved task.
    const stored = await h.admin.memberDayScore.findFirstOrThrow({
      where: { memberId: member.userId, localDate: new Date(`${D}T00:00:00.000Z`) },
    });
    expect(stored.loadMinutes).toBe(60);
    const after = await me.dashboard.get();
    expect(after.overload.days[0]).toMatchObject({ loadMinutes: 60, ratio: 1, level: "near" });
    expect(after.overload.relief).toEqual({ kind: "none" });

    // A retry with the same key and moves: the first answer, nothing written again.
    const before = await tableState(h);
    expect(await me.overload.applyRelief({ idempotencyKey: key, moves })).toEqual({ moved: 1 });
    expect(await tableState(h)).toEqual(before);
    // The same moves under a new key: no longer the relief of now.
    await expectRefused(
      h,
      () => me.overload.applyRelief({ idempotencyKey: newKey(), moves }),
      "CONFLICT",
      /The plan changed/,
    );
    // The same key for other moves: a conflict of the key.
    await expectRefused(
      h,
      () =>
        me.overload.applyRelief({
          idempotencyKey: key,
          moves: [{ taskId: small.id, from: D, to: addDays(D, 7) }],
        }),
      "CONFLICT",
      /already used for a different request/,
    );
  });

  it("another member's task is refused (a coach's own relief does not include it)", async () => {
    const move = { taskId: small.id, from: D, to: addDays(D, 7) };
    await expectRefused(
      h,
      () => h.as("nora").overload.applyRelief({ idempotencyKey: newKey(), moves: [move] }),
      "FORBIDDEN",
    );
    await expectRefused(
      h,
      () => h.as("coach").overload.applyRelief({ idempotencyKey: newKey(), moves: [move] }),
      "CONFLICT",
    );
  });
});
