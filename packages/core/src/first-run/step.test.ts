import { describe, expect, it } from "vitest";
import { guideStep, isAtOrPast, nextStep, type StoredFirstRunStep } from "./step.ts";

describe("guideStep", () => {
  it.each<[StoredFirstRunStep, boolean, ReturnType<typeof guideStep>]>([
    ["pick_habits", false, "pick_habits"],
    // A member who planned on their own (or an existing member) never sees the guide.
    ["pick_habits", true, null],
    // Once the guide created the habits, its later steps show whatever else was planned.
    ["set_capacity", true, "set_capacity"],
    ["check_in", true, "check_in"],
    ["finished", false, null],
    ["skipped", false, null],
    ["skipped", true, null],
  ])("%s with plans=%s → %s", (stored, hasPlans, expected) => {
    expect(guideStep(stored, hasPlans)).toBe(expected);
  });
});

describe("nextStep and isAtOrPast", () => {
  it("walks the three steps, then finishes", () => {
    expect(nextStep("pick_habits")).toBe("set_capacity");
    expect(nextStep("set_capacity")).toBe("check_in");
    expect(nextStep("check_in")).toBe("finished");
  });

  it.each<[StoredFirstRunStep, "pick_habits" | "set_capacity" | "check_in", boolean]>([
    ["pick_habits", "set_capacity", false],
    ["set_capacity", "set_capacity", true],
    ["check_in", "set_capacity", true],
    ["set_capacity", "check_in", false],
    ["finished", "check_in", true],
    ["skipped", "pick_habits", true],
  ])("%s is at or past %s: %s", (stored, step, expected) => {
    expect(isAtOrPast(stored, step)).toBe(expected);
  });
});
