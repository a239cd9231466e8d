/**
 * The first-run guide (docs/domain.md "First run"): a member with nothing planned walks its three
 * steps; the pick is idempotent on its one key; existing members with plans never see it; a
 * member moves only their own guide, in the workspace named.
 */
import { toLocalDate } from "@atlas/time";
import { HABIT_TEMPLATES } from "@atlas/core/first-run/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import { newMember } from "./testing/members.ts";
import { expectRefused, newKey } from "./testing/plans.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const JOINED = toLocalDate("2026-03-02");
const starter = (id: string) => {
  const { title, schedule, target, durationMinutes } = HABIT_TEMPLATES.find((t) => t.id === id)!;
  return { title, schedule, target, durationMinutes };
};
const stepOf = async (userId: string) =>
  (
    await h.admin.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: h.workspaceIds.demo, userId } },
      select: { firstRunStep: true },
    })
  ).firstRunStep;
const habitCount = (userId: string) =>
  h.admin.habit.count({ where: { workspaceId: h.workspaceIds.demo, memberId: userId } });

describe("a new member", () => {
  it("walks pick → capacity → check-in → the normal Today; a retried pick creates nothing twice", async () => {
    const member = await newMember(h, { joinedOn: JOINED });
    const api = member.at(JOINED);
    expect(await api.firstRun.get()).toEqual({ step: "pick_habits" });

    // A later step before the first is refused, and changes nothing.
    await expectRefused(
      h,
      () => api.firstRun.advance({ from: "set_capacity" }),
      "PRECONDITION_FAILED",
      /Pick your starter habits first/,
    );

    const input = {
      idempotencyKey: newKey("first-run"),
      habits: [starter("read"), { ...starter("walk"), title: "Evening walk", durationMinutes: 40 }],
    };
    const picked = await api.firstRun.pickHabits(input);
    expect(picked.step).toBe("set_capacity");
    expect(picked.habits.map((habit) => [habit.title, habit.current.durationMinutes])).toEqual([
      ["Read", 20],
      ["Evening walk", 40],
    ]);
    expect(picked.habits.every((habit) => habit.memberId === member.userId)).toBe(true);

    // The retry (same key, same body) answers the first answer and creates nothing.
    expect(await api.firstRun.pickHabits(input)).toEqual(picked);
    expect(await habitCount(member.userId)).toBe(2);
    // A second pick with a new key is refused: the guide is past step 1.
    await expectRefused(
      h,
      () => api.firstRun.pickHabits({ ...input, idempotencyKey: newKey("first-run") }),
      "PRECONDITION_FAILED",
      /already picked/,
    );
    // The same key with another body is a conflict.
    await expectRefused(
      h,
      () => api.firstRun.pickHabits({ ...input, habits: [starter("water")] }),
      "CONFLICT",
    );

    expect(await api.firstRun.get()).toEqual({ step: "set_capacity" });
    expect(await api.firstRun.advance({ from: "set_capacity" })).toEqual({ step: "check_in" });
    // Repeating a step already done changes nothing.
    expect(await api.firstRun.advance({ from: "set_capacity" })).toEqual({ step: "check_in" });
    expect(await api.firstRun.advance({ from: "check_in" })).toEqual({ step: null });
    expect(await api.firstRun.get()).toEqual({ step: null });
    expect(await stepOf(member.userId)).toBe("finished");
    // Finished is final: skipping now changes nothing.
    expect(await api.firstRun.skip()).toEqual({ step: null });
    expect(await stepOf(member.userId)).toBe("finished");
  });

  it("may skip the guide at any step, and never sees it again", async () => {
    const member = await newMember(h, { joinedOn: JOINED });
    const api = member.at(JOINED);
    expect(await api.firstRun.skip()).toEqual({ step: null });
    expect(await api.firstRun.get()).toEqual({ step: null });
    expect(await stepOf(member.userId)).toBe("skipped");
    await expectRefused(
      h,
      () => api.firstRun.pickHabits({ idempotencyKey: newKey(), habits: [starter("read")] }),
      "PRECONDITION_FAILED",
    );
  });

  it("who planned on their own never sees it", async () => {
    const member = await newMember(h, { joinedOn: JOINED });
    const api = member.at(JOINED);
    await api.task.create({ idempotencyKey: newKey(), title: "My own first task" });
    expect(await api.firstRun.get()).toEqual({ step: null });
    await expectRefused(
      h,
      () => api.firstRun.pickHabits({ idempotencyKey: newKey(), habits: [starter("read")] }),
      "PRECONDITION_FAILED",
      /already have plans/,
    );
  });
});

it("an existing member with plans never sees the guide", async () => {
  expect(await h.as("nora").firstRun.get()).toEqual({ step: null });
});

describe("tenant isolation", () => {
  it("another member's calls read and move only their own guide", async () => {
    const first = await newMember(h, { joinedOn: JOINED });
    const other = await newMember(h, { joinedOn: JOINED });
    await first.at(JOINED).firstRun.pickHabits({
      idempotencyKey: newKey(),
      habits: [starter("journal")],
    });

    // The other member reads their own step, and skipping moves only theirs.
    expect(await other.at(JOINED).firstRun.get()).toEqual({ step: "pick_habits" });
    await other.at(JOINED).firstRun.skip();
    expect(await stepOf(other.userId)).toBe("skipped");
    expect(await stepOf(first.userId)).toBe("set_capacity");
    expect(await first.at(JOINED).firstRun.get()).toEqual({ step: "set_capacity" });
  });

  it("a member of another workspace cannot name this one", async () => {
    const member = await newMember(h, { joinedOn: JOINED });
    const outsider = await newMember(h, { joinedOn: JOINED, workspace: "second" });
    const workspaceId = h.workspaceIds.demo;
    for (const call of [
      () => outsider.at(JOINED).firstRun.get({ workspaceId }),
      () => outsider.at(JOINED).firstRun.skip({ workspaceId }),
      () => outsider.at(JOINED).firstRun.advance({ workspaceId, from: "set_capacity" }),
      () =>
        outsider.at(JOINED).firstRun.pickHabits({
          workspaceId,
          idempotencyKey: newKey(),
          habits: [starter("read")],
        }),
    ]) {
      expect((await rejectionOf(call())).code).toBe("FORBIDDEN");
    }
    expect(await stepOf(member.userId)).toBe("pick_habits");
  });
});
