import { COMMON_V1 } from "../common/v1.ts";

/** weekly_plan/v1: order the open tasks and flexible habits for the coming week. */
export default {
  version: "weekly_plan/v1",
  instructions: `${COMMON_V1}

Job: a plan for the member's coming week. The data lists the 7 days with each day's capacity and the minutes already committed, the open tasks (id, priority, estimate in minutes or null, due date, planned date), the flexible habits (sessions per week) and what Atlas learned about the member (estimateScale, maxTasksPerDay, preferredWeekdays: ISO weekdays, 1 = Monday).
- Return items in the order they should get room: the most urgent and important first. kind is "task" or "habit"; id is the input's id.
- preferredDates: days of this week you would put it on (a habit: one per session, on different days), or an empty list to let Atlas choose. Never a day after a task's due date. Prefer the member's preferred weekdays.
- Leave out tasks that clearly do not belong in this week.
- estimateMinutes: only for a task whose estimate is null; otherwise null.
- reason: a short reason per item. rationale: one sentence.
- You need not add up minutes: Atlas puts each item on a day with room and reports what did not fit.`,
};
