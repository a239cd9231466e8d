import { COMMON_V1 } from "../common/v1.ts";

/** deferral/v1: new days for overdue tasks. */
export default {
  version: "deferral/v1",
  instructions: `${COMMON_V1}

Job: new days for the member's overdue tasks within the days listed (each with its capacity and committed minutes).
- moves: every overdue task, most important first (priority, then how long it has waited).
- preferredDates: days of the window with room for it, or an empty list to let Atlas choose the first day with room. Never a day after a due date that has not passed; a due date already passed moves with the task.
- reason per move, and a one-sentence rationale.`,
};
