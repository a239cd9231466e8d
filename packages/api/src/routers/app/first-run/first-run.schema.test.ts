import { HABIT_TEMPLATES } from "@atlas/core/first-run/templates";
import { describe, expect, it } from "vitest";
import { ZCreateHabitInput } from "../habit/create-habit.schema.ts";
import { ZPickStarterHabitsInput } from "./first-run.schema.ts";

const KEY = "first-run-test-key";

describe("the starter habit templates", () => {
  it.each(HABIT_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s is a valid habit.create body, unchanged by parsing",
    (_id, { title, schedule, target, durationMinutes }) => {
      const body = { title, schedule, target, durationMinutes };
      const parsed = ZCreateHabitInput.safeParse({ idempotencyKey: KEY, ...body });
      expect(parsed.error?.issues).toBeUndefined();
      expect(parsed.data).toMatchObject(body);
    },
  );

  it("all of them at once are a valid pick", () => {
    const parsed = ZPickStarterHabitsInput.safeParse({
      idempotencyKey: KEY,
      habits: HABIT_TEMPLATES.map(({ title, schedule, target, durationMinutes }) => ({
        title,
        schedule,
        target,
        durationMinutes,
      })),
    });
    expect(parsed.error?.issues).toBeUndefined();
  });

  it("a pick needs at least one habit", () => {
    const parsed = ZPickStarterHabitsInput.safeParse({ idempotencyKey: KEY, habits: [] });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["Pick at least one habit"]);
  });
});
