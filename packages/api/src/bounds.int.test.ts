/**
 * Bounds (docs/domain.md "Bounds") through the API: each bad input is a 400 whose message names the
 * field as the form labels it and says what is allowed, exactly as the client receives it, and
 * nothing stored changes. Also what logging 0 means.
 */
import { addDays, type LocalDate } from "@atlas/time";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorFormatter } from "./errors.ts";
import { createHarness, type Harness, type Person } from "./testing/harness.ts";
import {
  clockAt,
  expectRefused,
  HOUR_A_DAY,
  monthStartAhead,
  newKey,
  wallTime,
  ZONES,
} from "./testing/plans.ts";

let h: Harness;
let M: LocalDate;

type Zoned = Exclude<Person, "priya">;
const at = (person: Zoned, date: LocalDate, time = "12:00") =>
  h.as(person, "demo", { clock: clockAt(wallTime(ZONES[person], date, time)) });

beforeAll(async () => {
  h = await createHarness();
  M = monthStartAhead();
});
afterAll(async () => {
  await h?.close();
});

/** What the client is sent: status, message and the messages by field. */
function sent(error: TRPCError) {
  const shape = errorFormatter({ shape: { code: 0, message: "", data: {} }, error });
  return {
    status: getHTTPStatusCodeFromError(error),
    message: shape.message,
    fields: shape.data.zodError?.fieldErrors ?? {
      [String(shape.data.details?.field)]: [shape.message],
    },
  };
}

const habit = (fields: Record<string, unknown>) => () =>
  at("nora", M).habit.create({
    idempotencyKey: newKey(),
    title: "Read",
    schedule: { type: "daily" },
    ...fields,
  } as never);

const DURATION = "Duration must be a whole number of minutes from 0 to 1,440";
const START_RANGE = "Start date must be a real date from 1 January 2000 to 31 December 2100";
const AHEAD = "Start date must be today or later, at most a year ahead.";
const PAST_TARGET =
  "Target date must be today or later for an active goal: pick a later day, or save it as a draft.";

// [what, the call, the field, its exact message]
const cases: [string, () => () => Promise<unknown>, string, string][] = [
  [
    "times per week 8",
    () => habit({ schedule: { type: "times_per_week", timesPerWeek: 8 } }),
    "schedule",
    "Times per week must be a whole number from 1 to 7",
  ],
  [
    "every 1 day",
    () => habit({ schedule: { type: "every_n_days", everyNDays: 1 } }),
    "schedule",
    "Every how many days must be a whole number from 2 to 365",
  ],
  ["a duration of 1441", () => habit({ durationMinutes: 1441 }), "durationMinutes", DURATION],
  ["a duration of 2.5", () => habit({ durationMinutes: 2.5 }), "durationMinutes", DURATION],
  [
    "a duration that is NaN",
    () => habit({ durationMinutes: Number.NaN }),
    "durationMinutes",
    DURATION,
  ],
  ["a duration as text", () => habit({ durationMinutes: "ten" }), "durationMinutes", DURATION],
  [
    "a target of 0",
    () => habit({ target: { value: 0, unit: "km", direction: "at_least" } }),
    "target",
    "Target amount must be a number greater than 0 and at most 1,000,000, with at most 3 decimal places",
  ],
  [
    "a blank unit",
    () => habit({ target: { value: 5, unit: " ", direction: "at_least" } }),
    "target",
    "Unit must not be empty",
  ],
  ["an empty name", () => habit({ title: "  " }), "title", "Name must not be empty"],
  ["a start on 31 Dec 9999", () => habit({ startDate: "9999-12-31" }), "startDate", START_RANGE],
  ["a start on 30 Feb", () => habit({ startDate: "2027-02-30" }), "startDate", START_RANGE],
  [
    "a start a year and a day ahead",
    () => habit({ startDate: addDays(M, 366) }),
    "startDate",
    AHEAD,
  ],
  ["a start yesterday", () => habit({ startDate: addDays(M, -1) }), "startDate", AHEAD],
  [
    "an active goal due in 2001",
    () => () =>
      at("nora", M).goal.create({
        idempotencyKey: newKey(),
        title: "Run",
        targetDate: "2001-06-01",
      }),
    "targetDate",
    PAST_TARGET,
  ],
  [
    "a goal due in 2101",
    () => () =>
      at("nora", M).goal.create({
        idempotencyKey: newKey(),
        title: "Run",
        targetDate: "2101-01-01",
      }),
    "targetDate",
    "Target date must be a real date from 1 January 2000 to 31 December 2100",
  ],
  [
    "a task estimate of a week and a minute",
    () => () =>
      at("nora", M).task.create({
        idempotencyKey: newKey(),
        title: "Tax",
        estimateMinutes: 10_081,
      }),
    "estimateMinutes",
    "Estimate must be a whole number of minutes from 0 to 10,080",
  ],
  [
    "a task due in 2101",
    () => () =>
      at("nora", M).task.create({ idempotencyKey: newKey(), title: "Tax", dueDate: "2101-01-01" }),
    "dueDate",
    "Due date must be a real date from 1 January 2000 to 31 December 2100",
  ],
  [
    "a negative amount",
    () => () => at("nora", M).log.checkIn({ idempotencyKey: newKey(), habitId: "x", value: -1 }),
    "value",
    "Amount must be a number from 0 to 1,000,000, with at most 3 decimal places",
  ],
  [
    "a capacity of 1441 on Friday",
    () => () => at("nora", M).membership.capacity.update({ ...HOUR_A_DAY, friMinutes: 1441 }),
    "friMinutes",
    "Friday must be a whole number of minutes from 0 to 1,440",
  ],
  [
    "an invitation to no address",
    () => () => at("owner", M).workspace.invite({ email: "nora at home", role: "member" }),
    "email",
    "E-mail address must be an e-mail address, like name@example.com",
  ],
  [
    "a page of 0 (a leftover zod issue, in words)",
    () => () => at("nora", M).task.list({ limit: 0 }),
    "limit",
    "This must be at least 1",
  ],
];

describe("bad input: 400, the field's own words, nothing stored changes", () => {
  it.each(cases)("%s", async (_what, call, field, message) => {
    const error = await expectRefused(h, call(), "BAD_REQUEST");
    const shown = sent(error as TRPCError);
    expect(shown.status).toBe(400);
    expect(shown.fields[field]).toEqual([message]);
    expect(shown.message).toBe(message);
  });

  it("several bad fields are all reported at once", async () => {
    const error = await expectRefused(
      h,
      habit({
        title: "",
        schedule: { type: "times_per_week", timesPerWeek: 0 },
        durationMinutes: 5000,
        startDate: "9999-12-31",
      }),
      "BAD_REQUEST",
    );
    expect(sent(error as TRPCError).fields).toEqual({
      title: ["Name must not be empty"],
      schedule: ["Times per week must be a whole number from 1 to 7"],
      durationMinutes: [DURATION],
      startDate: [START_RANGE],
    });
  });
});

describe("bounds relative to the member's today", () => {
  it("a habit may start a year ahead, not a day more", async () => {
    const created = await habit({ startDate: addDays(M, 365) })();
    expect(created).toMatchObject({ startDate: addDays(M, 365) });
  });

  it("a draft goal may keep a past target date; activating it then is refused", async () => {
    const draft = await at("nora", M).goal.create({
      idempotencyKey: newKey(),
      title: "Old plan",
      status: "draft",
      targetDate: addDays(M, -30),
    });
    const error = await expectRefused(
      h,
      () => at("nora", M).goal.update({ goalId: draft.id, status: "active" }),
      "BAD_REQUEST",
    );
    expect(sent(error as TRPCError).fields).toEqual({ targetDate: [PAST_TARGET] });
  });

  it("an active goal whose date has passed stays valid; setting a past date again is refused", async () => {
    const goal = await at("nora", M).goal.create({
      idempotencyKey: newKey(),
      title: "Marathon",
      targetDate: addDays(M, 1),
    });
    const later = addDays(M, 10);
    const renamed = await at("nora", later).goal.update({
      goalId: goal.id,
      title: "Half marathon",
    });
    expect(renamed).toMatchObject({ status: "active", targetDate: addDays(M, 1) });
    await expectRefused(
      h,
      () => at("nora", later).goal.update({ goalId: goal.id, targetDate: addDays(M, 5) }),
      "BAD_REQUEST",
    );
    const moved = await at("nora", later).goal.update({ goalId: goal.id, targetDate: later });
    expect(moved.targetDate).toBe(later);
  });
});

describe("logging 0", () => {
  const measured = (direction: "at_least" | "at_most") =>
    at("nora", M).habit.create({
      idempotencyKey: newKey(),
      title: `Zero ${direction}`,
      schedule: { type: "daily" },
      target: { value: 3, unit: "cups", direction },
    });

  it("is a recorded value: a miss for at least (completion 0)", async () => {
    const { id } = await measured("at_least");
    const { event, day } = await at("nora", M).log.checkIn({
      idempotencyKey: newKey(),
      habitId: id,
      value: 0,
    });
    expect(event).toMatchObject({ kind: "partial", value: 0 });
    expect(day).toMatchObject({ state: "partial", value: 0, completion: 0 });
  });

  it("is a recorded value: met for at most (stayed within the limit)", async () => {
    const { id } = await measured("at_most");
    const { event, day } = await at("nora", M).log.checkIn({
      idempotencyKey: newKey(),
      habitId: id,
      value: 0,
    });
    expect(event).toMatchObject({ kind: "done", value: 0 });
    expect(day).toMatchObject({ state: "done", value: 0, completion: 1 });
  });
});
