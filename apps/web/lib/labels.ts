/** Words for the read models' codes, shared by Today, the dashboard and the habit page. */
import type { AtRiskReason, LoadLevel } from "~/lib/views.ts";

export const AT_RISK_REASON: Record<AtRiskReason, string> = {
  streak_due: "Streak due today and not done yet",
  pending_repair: "A missed day can still be repaired",
  week_slipping: "This week's target slips if another day passes",
};

export const LOAD_LEVEL: Record<LoadLevel, string> = {
  none: "Within capacity",
  near: "Near capacity",
  over: "Over capacity",
  critical: "Critical overload",
};

export const LOAD_TONE = {
  none: "success",
  near: "warning",
  over: "danger",
  critical: "danger",
} as const satisfies Record<LoadLevel, "success" | "warning" | "danger">;

export const PRIORITY_LABEL = { low: "Low", medium: "Medium", high: "High" } as const;

export const TASK_STATUS_LABEL = {
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
} as const;

/** "67%" or an em dash (with words for screen readers) when nothing was scored. */
export function percentText(percent: number | null): string {
  return percent === null ? "No score" : `${percent}%`;
}

export const GOAL_STATUS_LABEL = {
  draft: "Draft",
  active: "Active",
  completed: "Completed",
  archived: "Archived",
} as const;
