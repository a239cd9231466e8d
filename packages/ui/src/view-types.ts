/**
 * The read models' shapes the shared screens need, written structurally: packages/ui takes data
 * as props and knows no router; the API's outputs (Today, dashboard) fit these.
 */
import type { LocalDate } from "@atlas/time/calendar";

export type ScheduleType = "daily" | "days_of_week" | "times_per_week" | "every_n_days";
export type AtRiskReason = "streak_due" | "pending_repair" | "week_slipping";
export type LoadLevel = "none" | "near" | "over" | "critical";

export interface AtRiskHabit {
  habitId: string;
  name: string;
  schedule: ScheduleType;
  reasons: AtRiskReason[];
  streak: number;
  repair: { date: LocalDate; occurrencesLeft: number } | null;
  week: { met: number; needed: number; daysLeft: number } | null;
}

export interface DayLoad {
  loadMinutes: number;
  capacityMinutes: number;
  ratio: number | null;
  level: LoadLevel;
}

export interface StrengthHabit {
  id: string;
  name: string;
  schedule: ScheduleType;
  strength: number;
  currentStreak: number;
}

/** A habit page's day state (docs/domain.md "Read models": a habit's history). */
export type HistoryState =
  "met" | "partial" | "missed" | "skipped" | "repaired" | "pending" | "pending_repair";

export interface HabitHistoryDay {
  date: LocalDate;
  due: boolean;
  state: HistoryState | null;
  value: string | null;
  completion: number | null;
  strength: number;
  streak: number;
}

/** Where a habit's page is in the app that shows the screen (web: /habits/[id]). */
export type HabitHref = (habitId: string) => string;

// ── AI suggestions (docs/domain.md "AI suggestions") ─────────────────────────────────────────

export type SuggestionType = "decompose_goal" | "weekly_plan" | "recovery" | "deferral";
export type SuggestionStatus =
  "proposed" | "pending_coach" | "accepted" | "edited" | "rejected" | "expired";

export type SuggestionAction =
  | { kind: "add_milestone"; title: string; description: string | null; targetDate: string | null }
  | {
      kind: "add_task";
      milestoneKey: string;
      title: string;
      notes: string | null;
      estimateMinutes: number;
      priority: "low" | "medium" | "high";
    }
  | {
      kind: "add_habit";
      milestoneKey: string;
      title: string;
      schedule: {
        kind: "daily" | "days_of_week" | "times_per_week";
        daysOfWeek: number[] | null;
        timesPerWeek: number | null;
      };
      durationMinutes: number;
    }
  | {
      kind: "move_task";
      taskId: string;
      title: string;
      from: string | null;
      to: string;
      minutes: number;
      dueDate: string | null;
    }
  | {
      kind: "smaller_step";
      habitId: string;
      title: string;
      durationFrom: number;
      durationTo: number;
      targetFrom: number | null;
      targetTo: number | null;
      unit: string | null;
      untilDate: string;
      repairDates: string[];
    };

export interface SuggestionPreviewItem {
  key: string;
  reason: string | null;
  action: SuggestionAction;
}

export interface SuggestionPreview {
  items: SuggestionPreviewItem[];
  unchanged: {
    kind: "task" | "habit";
    id: string;
    title: string;
    localDate: string;
    minutes: number;
    reason: string;
  }[];
  didNotFit: {
    kind: "task" | "habit";
    id: string;
    title: string;
    minutes: number;
    reason: string;
  }[];
  days:
    | {
        localDate: string;
        capacityMinutes: number;
        committedMinutes: number;
        plannedMinutes: number;
        freeMinutes: number;
      }[]
    | null;
  rationale: string | null;
}
