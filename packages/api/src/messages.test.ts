/**
 * Every input schema refuses in people's words (docs/domain.md "Bounds"): no default zod message
 * ("Invalid input: expected int, received number", "Too big: expected number to be <=1440") for any
 * bad value of any field, and the form fields' messages name the field as the form labels it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZCreateHabitInput } from "./routers/app/habit/create-habit.schema.ts";
import { ZUpdateCapacityInput } from "./routers/app/membership/update-capacity.schema.ts";
import { ZCreateTaskInput } from "./routers/app/task/create-task.schema.ts";
import { ZCreateGoalInput } from "./routers/app/goal/create-goal.schema.ts";
import { ZUpdateWorkspaceSettingsInput } from "./routers/app/workspace/update-workspace-settings.schema.ts";
import { ZUpdateMySettingsInput } from "./routers/app/me/update-my-settings.schema.ts";
import { leftoverMessage } from "./messages.ts";

/** Zod's own words (its English locale), which must never reach a person. */
const DEFAULT_WORDS = /expected|Invalid input|Too big|Too small|Invalid option|Unrecognized/i;

const ROUTERS = fileURLToPath(new URL("./routers/", import.meta.url));
const files = readdirSync(ROUTERS, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".schema.ts"))
  .sort();

/** Every exported input schema of every procedure. */
const inputs = (
  await Promise.all(
    files.map(async (file) => {
      const exports = (await import(join(ROUTERS, file))) as Record<string, unknown>;
      return Object.entries(exports)
        .filter(([name, value]) => /^Z\w*Input$/.test(name) && value instanceof z.ZodType)
        .map(([name, schema]) => [`${file} ${name}`, schema as z.ZodType] as const);
    }),
  )
).flat();

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  2.5,
  1e15,
  "",
  " ",
  "x".repeat(10_001),
  "\u0000",
  "9999-12-31",
  "not a date",
  true,
  [],
  [1, 1, 9],
  {},
  { type: "hourly" },
];

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** A field's object shape (the schemas are objects, some refined). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

describe("no default zod message reaches anyone", () => {
  it("finds the input schemas", () => {
    expect(inputs.length).toBeGreaterThan(40);
  });

  it.each(inputs)("%s", (_name, schema) => {
    const seen: string[] = [];
    for (const whole of BAD_VALUES) seen.push(...messagesOf(schema, whole));
    const shape = shapeOf(schema);
    for (const field of Object.keys(shape ?? {})) {
      for (const value of BAD_VALUES) seen.push(...messagesOf(schema, { [field]: value }));
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((message) => DEFAULT_WORDS.test(message))).toEqual([]);
  });
});

describe("a form field's message names it as the form labels it and says what is allowed", () => {
  const habit = { idempotencyKey: "key-12345", title: "Read", schedule: { type: "daily" } };
  const task = { idempotencyKey: "key-12345", title: "Tax" };
  const week = Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [`${d}Minutes`, 60]),
  );
  it.each<[string, z.ZodType, unknown, string]>([
    [
      "times per week",
      ZCreateHabitInput,
      { ...habit, schedule: { type: "times_per_week", timesPerWeek: 9 } },
      "Times per week must be a whole number from 1 to 7",
    ],
    [
      "a fractional times per week",
      ZCreateHabitInput,
      { ...habit, schedule: { type: "times_per_week", timesPerWeek: 2.5 } },
      "Times per week must be a whole number from 1 to 7",
    ],
    [
      "duration",
      ZCreateHabitInput,
      { ...habit, durationMinutes: 1441 },
      "Duration must be a whole number of minutes from 0 to 1,440",
    ],
    [
      "a target amount of 2,000,000",
      ZCreateHabitInput,
      { ...habit, target: { value: 2e6, unit: "steps", direction: "at_least" } },
      "Target amount must be a number greater than 0 and at most 1,000,000, with at most 3 decimal places",
    ],
    ["the habit's name", ZCreateHabitInput, { ...habit, title: "" }, "Name must not be empty"],
    [
      "a start in 9999",
      ZCreateHabitInput,
      { ...habit, startDate: "9999-12-31" },
      "Start date must be a real date from 1 January 2000 to 31 December 2100",
    ],
    [
      "a start before 2000",
      ZCreateHabitInput,
      { ...habit, startDate: "1999-12-31" },
      "Start date must be a real date from 1 January 2000 to 31 December 2100",
    ],
    [
      "estimate",
      ZCreateTaskInput,
      { ...task, estimateMinutes: -5 },
      "Estimate must be a whole number of minutes from 0 to 10,080",
    ],
    [
      "notes",
      ZCreateTaskInput,
      { ...task, notes: "n".repeat(5001) },
      "Notes must be at most 5,000 characters",
    ],
    [
      "a life area of 51 characters",
      ZCreateGoalInput,
      { ...task, lifeArea: "a".repeat(51) },
      "Life area must be 1 to 50 characters",
    ],
    [
      "capacity on Sunday",
      ZUpdateCapacityInput,
      { ...week, sunMinutes: Number.NaN },
      "Sunday must be a whole number of minutes from 0 to 1,440",
    ],
    [
      "the late-entry window",
      ZUpdateWorkspaceSettingsInput,
      { lateEntryWindowDays: 61 },
      "Late-entry window must be a whole number of days from 0 to 60",
    ],
    [
      "a time zone",
      ZUpdateMySettingsInput,
      { timeZone: "Mars/Olympus_Mons" },
      "Time zone must be a time zone from the list, like Europe/Berlin",
    ],
  ])("%s", (_what, schema, input, message) => {
    expect(messagesOf(schema, input)).toEqual([message]);
  });
});

describe("leftover issues, worded", () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ["a missing field", z.object({ n: z.number() }), {}, "This field is required"],
    ["a wrong type", z.number(), "ten", "This must be a number"],
    ["a fraction", z.number().int(), 2.5, "This must be a whole number"],
    ["too big", z.number().max(1440), 1441, "This must be at most 1,440"],
    ["too small", z.number().min(1), 0, "This must be at least 1"],
    ["too long", z.string().max(3), "abcd", "This must be at most 3 characters"],
    ["empty", z.string().min(1), "", "This must not be empty"],
    ["too many", z.array(z.number()).max(2), [1, 2, 3], "This must have at most 2 items"],
    ["an unknown option", z.enum(["a", "b"]), "c", "Choose one of the options offered"],
    ["no e-mail", z.email(), "nora", "Enter an e-mail address, like name@example.com"],
  ])("%s", (_what, schema, input, message) => {
    expect(messagesOf(schema, input)).toEqual([message]);
  });

  it("words every issue code", () => {
    expect(leftoverMessage({ code: "custom", input: 1 } as never)).toBe(
      "This value is not allowed here",
    );
  });
});
