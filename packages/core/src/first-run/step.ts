/**
 * Where a member is in the first-run guide (docs/domain.md "First run"): pure, from the step
 * stored on the membership and whether the member has any plan in the workspace.
 */

/** As stored on the membership (FirstRunStep). */
export type StoredFirstRunStep =
  "pick_habits" | "set_capacity" | "check_in" | "finished" | "skipped";

/** The guide's three steps, in order. */
export const GUIDE_STEPS = ["pick_habits", "set_capacity", "check_in"] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

/**
 * The step the guide shows, or null for the normal Today: never once finished or skipped; the
 * first step only to a member with no habit, task or goal (archived ones count), so members who
 * planned on their own never see it; the later steps whatever the member planned meanwhile.
 */
export function guideStep(stored: StoredFirstRunStep, hasPlans: boolean): GuideStep | null {
  switch (stored) {
    case "finished":
    case "skipped":
      return null;
    case "pick_habits":
      return hasPlans ? null : "pick_habits";
    default:
      return stored;
  }
}

/** The step after `step`; after the last, finished. */
export function nextStep(step: GuideStep): StoredFirstRunStep {
  return GUIDE_STEPS[GUIDE_STEPS.indexOf(step) + 1] ?? "finished";
}

/** True when `stored` is `step` or past it (finished and skipped are past every step). */
export function isAtOrPast(stored: StoredFirstRunStep, step: GuideStep): boolean {
  if (stored === "finished" || stored === "skipped") return true;
  return GUIDE_STEPS.indexOf(stored) >= GUIDE_STEPS.indexOf(step);
}
