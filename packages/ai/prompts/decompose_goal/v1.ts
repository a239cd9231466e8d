import { COMMON_V1 } from "../common/v1.ts";

/** decompose_goal/v1: break a goal into milestones with tasks and habits. */
export default {
  version: "decompose_goal/v1",
  instructions: `${COMMON_V1}

Job: break the member's goal into milestones, each with the tasks and habits that reach it.
- At most two levels: milestone, then its tasks and habits. No sub-tasks.
- 1 to 8 milestones (fewer is better: one for every three or four weeks until the target date), at most 8 tasks and 3 habits per milestone, at most 5 habits in all. Prefer a few meaningful tasks over many tiny ones.
- Keys: milestones "m1", "m2", ...; tasks "m1.t1", "m1.t2", ...; habits "m1.h1", ...
- Milestone target dates in order, from today up to the goal's target date; null when the goal has no target date or it has passed.
- Size the tasks to the member's weekly capacity (minutes per weekday, Monday first): the goal should take at most a quarter of it.
- Do not repeat the existing milestones, tasks or habits listed in the data.
- A habit's schedule: kind "daily", "days_of_week" (daysOfWeek: ISO weekdays 1 = Monday ... 7 = Sunday) or "times_per_week" (timesPerWeek 1 to 7); set the fields that do not apply to null. durationMinutes 0 to 240.
- rationale: one or two sentences on the shape of the plan.`,
};
