/**
 * One mechanism for every create (docs/domain.md "Idempotency"): a retry with the same key and body
 * returns the first result and stores nothing more; the same key with another body is a 409;
 * concurrent duplicates store one row, the losers answer with the winner's response; a refused
 * request leaves its key unused.
 */
import { addDays, type LocalDate } from "@atlas/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, requestHash } from "@atlas/core/services/shared/idempotency";
import { createHarness, rejectionOf, type Harness } from "./testing/harness.ts";
import {
  clockAt,
  expectRefused,
  monthStartAhead,
  newKey,
  tableState,
  wallTime,
  ZONES,
} from "./testing/plans.ts";

let h: Harness;
let M: LocalDate;
let T: LocalDate;

const nora = (date: LocalDate = T, time = "12:00") =>
  h.as("nora", "demo", { clock: clockAt(wallTime(ZONES.nora, date, time)) });

const habitInput = (idempotencyKey: string, title = "Stretch") => ({
  idempotencyKey,
  title,
  schedule: { type: "daily" as const },
});

const keyRows = (key: string) =>
  h.admin.idempotencyKey.findMany({ where: { workspaceId: h.workspaceIds.demo, key } });

beforeAll(async () => {
  h = await createHarness();
  M = monthStartAhead();
  T = addDays(M, 14);
});
afterAll(async () => {
  await h?.close();
});

describe("the request hash", () => {
  it("ignores key order and treats missing as null", () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 2 }] })).toBe(
      '{"a":[{"c":2,"d":null}],"b":1}',
    );
    const a = requestHash({ scope: "s", actorId: "u", body: { x: 1, y: null } });
    const b = requestHash({ scope: "s", actorId: "u", body: { y: undefined, x: 1 } });
    expect(a).toBe(b);
    expect(requestHash({ scope: "s", actorId: "v", body: { x: 1 } })).not.toBe(
      requestHash({ scope: "s", actorId: "u", body: { x: 1 } }),
    );
  });
});

describe.each([
  ["habit.create", (key: string, title: string) => nora(M).habit.create(habitInput(key, title))],
  [
    "task.create",
    (key: string, title: string) => nora(M).task.create({ idempotencyKey: key, title }),
  ],
  [
    "goal.create",
    (key: string, title: string) =>
      nora(M).goal.create({ idempotencyKey: key, title, milestones: [{ title: "First" }] }),
  ],
] as const)("%s", (_scope, create) => {
  it("a retry with the same key and body returns the first result and stores nothing more", async () => {
    const key = newKey();
    const first = await create(key, "Same");
    const before = await tableState(h);
    const retry = await create(key, "Same");
    expect(retry).toEqual(first);
    expect(await tableState(h)).toEqual(before);
    expect(await keyRows(key)).toHaveLength(1);
  });

  it("the same key with a different body is a 409 and changes nothing", async () => {
    const key = newKey();
    await create(key, "Original");
    await expectRefused(
      h,
      () => create(key, "Changed"),
      "CONFLICT",
      /already used for a different request/,
    );
  });

  it("concurrent duplicates store one row; every caller gets the same answer", async () => {
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 6 }, () => create(key, "Racing")));
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    for (const r of results) expect(r).toEqual(results[0]);
    const [id] = [...ids];
    const rows = await Promise.all([
      h.admin.habit.count({ where: { id } }),
      h.admin.task.count({ where: { id } }),
      h.admin.goal.count({ where: { id } }),
    ]);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await keyRows(key)).toHaveLength(1);
  });
});

describe("across scopes and people", () => {
  it("a key used for a habit cannot create a task", async () => {
    const key = newKey();
    await nora(M).habit.create(habitInput(key));
    await expectRefused(
      h,
      () => nora(M).task.create({ idempotencyKey: key, title: "Stretch" }),
      "CONFLICT",
    );
  });

  it("another person's identical request with the same key is a 409, not their result", async () => {
    const key = newKey();
    await nora(M).habit.create(habitInput(key));
    await expectRefused(
      h,
      () =>
        h
          .as("bernd", "demo", { clock: clockAt(wallTime(ZONES.bernd, M, "12:00")) })
          .habit.create(habitInput(key)),
      "CONFLICT",
    );
  });

  it("keys are per workspace: sam may use one key in both of his workspaces", async () => {
    const key = newKey();
    const clock = clockAt(wallTime(ZONES.sam, M, "12:00"));
    const inDemo = await h.as("sam", "demo", { clock }).habit.create(habitInput(key));
    const inSecond = await h.as("sam", "second", { clock }).habit.create(habitInput(key));
    expect(inSecond.id).not.toBe(inDemo.id);
  });

  it("a refused request leaves its key unused: fixing the request and retrying it succeeds", async () => {
    const habit = await nora(M).habit.create(habitInput(newKey()));
    const key = newKey();
    await expectRefused(
      h,
      () =>
        nora().log.checkIn({ idempotencyKey: key, habitId: habit.id, localDate: addDays(T, 1) }),
      "BAD_REQUEST",
    );
    expect(await keyRows(key)).toHaveLength(0);
    const ok = await nora().log.checkIn({ idempotencyKey: key, habitId: habit.id });
    expect(ok.event.localDate).toBe(T);
  });

  it("bad keys are refused by validation", async () => {
    for (const key of ["short", "x".repeat(201), "has a space in it", ""]) {
      const error = await expectRefused(
        h,
        () => nora(M).habit.create(habitInput(key)),
        "BAD_REQUEST",
      );
      expect(JSON.stringify((error.cause as { issues: unknown }).issues)).toMatch(/idempotencyKey/);
    }
  });
});

describe("log entries", () => {
  it("store the key; a retry returns the first answer even after the day has changed since", async () => {
    const habit = await nora(M).habit.create(habitInput(newKey()));
    const key = newKey();
    const first = await nora().log.checkIn({ idempotencyKey: key, habitId: habit.id });
    const stored = await h.admin.executionEvent.findUniqueOrThrow({
      where: { id: first.event.id },
    });
    expect(stored.idempotencyKey).toBe(key);
    await nora().log.undo({ idempotencyKey: newKey(), eventId: first.event.id });
    // A day later, from a client whose clock says the same: still the first answer, nothing new.
    const before = await tableState(h);
    const retry = await nora(addDays(T, 1)).log.checkIn({ idempotencyKey: key, habitId: habit.id });
    expect(retry).toEqual(first);
    expect(await tableState(h)).toEqual(before);
  });

  it("the body compared is item, kind, value, localDate and revertsId", async () => {
    const target = { value: 10, unit: "km", direction: "at_least" as const };
    const habit = await nora(M).habit.create({ ...habitInput(newKey()), target });
    const other = await nora(M).habit.create({ ...habitInput(newKey()), target });
    const key = newKey();
    await nora().log.checkIn({ idempotencyKey: key, habitId: habit.id, value: 3 });
    const variants = [
      () => nora().log.checkIn({ idempotencyKey: key, habitId: other.id, value: 3 }),
      () => nora().log.checkIn({ idempotencyKey: key, habitId: habit.id, value: 4 }),
      () =>
        nora().log.checkIn({
          idempotencyKey: key,
          habitId: habit.id,
          value: 3,
          localDate: addDays(T, -1),
        }),
      () => nora().log.skip({ idempotencyKey: key, habitId: habit.id }),
    ];
    for (const call of variants) await expectRefused(h, call, "CONFLICT", /different request/);
    // A note or occurredAt is not part of it: same answer.
    const same = await nora().log.checkIn({
      idempotencyKey: key,
      habitId: habit.id,
      value: 3,
      note: "again",
    });
    expect(same.event.value).toBe(3);
  });

  it("concurrent duplicates of a check-in store one event", async () => {
    const habit = await nora(M).habit.create(habitInput(newKey()));
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        nora().log.checkIn({ idempotencyKey: key, habitId: habit.id }),
      ),
    );
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(await h.admin.executionEvent.count({ where: { habitId: habit.id } })).toBe(1);
  });

  it("concurrent different check-ins of a done-once habit: exactly one wins, the rest are 409", async () => {
    const habit = await nora(M).habit.create(habitInput(newKey()));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        nora().log.checkIn({ idempotencyKey: newKey(), habitId: habit.id }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((x) => x.status === "rejected")) {
      expect((o as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    }
    expect(await h.admin.executionEvent.count({ where: { habitId: habit.id } })).toBe(1);
  });

  it("concurrent skips cannot overrun the monthly allowance", async () => {
    const habit = await nora(M).habit.create(habitInput(newKey()));
    const days = [7, 8, 9, 10, 11, 12].map((d) => addDays(M, d));
    const outcomes = await Promise.allSettled(
      days.map((localDate) =>
        nora().log.skip({ idempotencyKey: newKey(), habitId: habit.id, localDate }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(4);
    expect(await h.admin.executionEvent.count({ where: { habitId: habit.id, kind: "skip" } })).toBe(
      4,
    );
  });

  it("a task checked in twice at once is done once", async () => {
    const task = await nora(M).task.create({ idempotencyKey: newKey(), title: "File taxes" });
    const outcomes = await Promise.allSettled([
      nora().log.checkIn({ idempotencyKey: newKey(), taskId: task.id }),
      nora().log.checkIn({ idempotencyKey: newKey(), taskId: task.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((await rejectionOf(Promise.reject(refused.reason))).code).toBe("CONFLICT");
  });
});
