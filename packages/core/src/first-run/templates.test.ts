import { describe, expect, it } from "vitest";
import { HABIT_TEMPLATES, TEMPLATE_AREAS } from "./templates.ts";

// Each template's validity against the habit.create input schema is checked where that schema
// lives (packages/api first-run.schema.test.ts); here, the catalog's own promises.
describe("HABIT_TEMPLATES", () => {
  it("holds 8 to 12 templates with unique ids and titles", () => {
    expect(HABIT_TEMPLATES.length).toBeGreaterThanOrEqual(8);
    expect(HABIT_TEMPLATES.length).toBeLessThanOrEqual(12);
    expect(new Set(HABIT_TEMPLATES.map((t) => t.id)).size).toBe(HABIT_TEMPLATES.length);
    expect(new Set(HABIT_TEMPLATES.map((t) => t.title)).size).toBe(HABIT_TEMPLATES.length);
  });

  it("covers every area", () => {
    expect(new Set(HABIT_TEMPLATES.map((t) => t.area))).toEqual(new Set(TEMPLATE_AREAS));
  });

  it.each(HABIT_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: a one-click check-in (no upper limit) within a day's minutes",
    (_id, template) => {
      // An at_most habit needs a value to check in; the guide's step 3 is one click.
      expect(template.target?.direction ?? "at_least").toBe("at_least");
      expect(template.durationMinutes).toBeGreaterThanOrEqual(0);
      expect(template.durationMinutes).toBeLessThanOrEqual(120);
      expect(template.description.length).toBeGreaterThan(0);
    },
  );
});
