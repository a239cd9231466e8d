/** Words for the read models' codes, shared by Today, the dashboard and the habit page. */
import { diffDays, type LocalDate } from "@atlas/time/calendar";
import { formatDate, formatMinutes } from "./dates.ts";
import type {
  AtRiskHabit,
  AtRiskReason,
  LoadLevel,
  ScheduleType as Schedule,
} from "./view-types.ts";

/**
 * A streak in the unit its schedule counts (docs/domain.md "Occurrences and streaks"): days for
 * daily, weeks for times_per_week, occurrences "in a row" for days_of_week and every_n_days.
 */
export function streakText(streak: number, schedule: Schedule): string {
  if (streak === 0) return "No streak yet";
  if (schedule === "daily") return streak === 1 ? "1-day streak" : `${streak}-day streak`;
  if (schedule === "times_per_week")
    return streak === 1 ? "1 week in a row" : `${streak} weeks in a row`;
  return `${streak} in a row`;
}

/** The same count as a bare value, for stats and chart values ("12 days", "3 weeks", "5"). */
export function streakValue(streak: number, schedule: Schedule): string {
  if (schedule === "daily") return streak === 1 ? "1 day" : `${streak} days`;
  if (schedule === "times_per_week") return streak === 1 ? "1 week" : `${streak} weeks`;
  return `${streak} in a row`;
}

/** "your 12-day streak", "your 3-week streak", "your streak of 5 in a row". */
function yourStreak(streak: number, schedule: Schedule): string {
  if (schedule === "daily") return `your ${streak}-day streak`;
  if (schedule === "times_per_week") return `your ${streak}-week streak`;
  return `your streak of ${streak} in a row`;
}

const COUNT_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven"];

function countWord(n: number): string {
  return COUNT_WORDS[n] ?? String(n);
}

/** A recent day by its weekday ("Tuesday"), an older one by its date ("4 Mar"). */
function missedDay(date: LocalDate, today: LocalDate, locale: string): string {
  const age = diffDays(today, date);
  if (age === 1) return "yesterday";
  return age > 1 && age < 7
    ? formatDate(date, "weekday", locale)
    : formatDate(date, "dayMonth", locale);
}

/**
 * What to do about each at-risk reason (docs/domain.md "At risk"), e.g. "Check in today to keep
 * your 12-day streak", "Check in on the next two due days to repair Tuesday".
 */
export function atRiskTexts(risk: AtRiskHabit, today: LocalDate, locale: string): string[] {
  return risk.reasons.map((reason) => atRiskText(reason, risk, today, locale));
}

function atRiskText(
  reason: AtRiskReason,
  risk: AtRiskHabit,
  today: LocalDate,
  locale: string,
): string {
  const { schedule, streak } = risk;
  if (reason === "streak_due") return `Check in today to keep ${yourStreak(streak, schedule)}`;
  if (reason === "pending_repair") {
    // The read model sends the repair with this reason (and the week with week_slipping).
    const { date, occurrencesLeft: left } = risk.repair!;
    if (schedule === "times_per_week") {
      const weeks =
        left === 1 ? "this week's target" : `your target the next ${countWord(left)} weeks`;
      return `Meet ${weeks} to repair the week of ${formatDate(date, "dayMonth", locale)}`;
    }
    const unit = schedule === "daily" ? "day" : "due day";
    const when = left === 1 ? `the next ${unit}` : `the next ${countWord(left)} ${unit}s`;
    return `Check in on ${when} to repair ${missedDay(date, today, locale)}`;
  }
  const { needed, met, daysLeft } = risk.week!;
  const checkIns = needed - met === 1 ? "1 more check-in" : `${needed - met} more check-ins`;
  return `Check in today: this week needs ${checkIns} in ${daysLeft === 1 ? "today" : `the ${daysLeft} days left`}`;
}

export const LOAD_LEVEL: Record<LoadLevel, string> = {
  none: "Within capacity",
  near: "Near capacity",
  over: "Over capacity",
  critical: "Critical overload",
};

/** On a day with capacity 0 there is no ratio: the level says how much work was put on it. */
export const DAY_OFF_LEVEL: Record<LoadLevel, string> = {
  none: "Day off",
  near: "Some work on a day off",
  over: "Too much on a day off",
  critical: "Too much on a day off",
};

/** A day's level in words: against capacity, or on a day off. */
export function loadLevelText(level: LoadLevel, capacityMinutes: number): string {
  return capacityMinutes === 0 ? DAY_OFF_LEVEL[level] : LOAD_LEVEL[level];
}

/** "47 min planned on a day off", "Nothing planned on a day off", "3 h of 6 h". */
export function loadText(loadMinutes: number, capacityMinutes: number): string {
  if (capacityMinutes > 0) {
    return `${formatMinutes(loadMinutes)} of ${formatMinutes(capacityMinutes)}`;
  }
  return loadMinutes === 0
    ? "Nothing planned on a day off"
    : `${formatMinutes(loadMinutes)} planned on a day off`;
}

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
