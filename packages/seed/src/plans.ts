/**
 * What each member plans: goals, habits and tasks as templates with day offsets relative to the
 * member's local today (negative = past), plus the per-member twists that make the demo useful:
 * one habit edit each, an archived habit, a rescheduled and a cancelled task, and a behaviour
 * that shapes the log (steady, slipping, inactive, recovering).
 */
import type { EventSource, GoalStatus, TaskPriority } from "@atlas/db";
import type { HabitVersionSpec, TargetSpec, WorkspaceKey } from "./model.ts";

/** Days of history: items start 60 days before today. */
export const HISTORY_DAYS = 60;

export type Behaviour = "steady" | "slipping" | "inactive" | "recovering";

/** Probability that the member does a due item `daysAgo` days before today (0 = today). */
export function adherence(behaviour: Behaviour, daysAgo: number): number {
  switch (behaviour) {
    case "steady":
      return 0.85;
    case "slipping":
      // Good for weeks, then sliding over the last 14 days (coach risk: "slipping").
      return daysAgo > 14 ? 0.9 : 0.3 + 0.6 * (daysAgo / 14);
    case "inactive":
      // Nothing at all for the last three days and today (coach risk: "inactive").
      return daysAgo <= 3 ? 0 : 0.75;
    case "recovering":
      // A bad day, then a perfect one (coach risk: "recovering").
      return daysAgo === 2 ? 0.1 : daysAgo === 1 ? 1 : 0.7;
  }
}

export interface GoalTemplate {
  key: string;
  title: string;
  description: string;
  status: GoalStatus;
  createdOn: number;
  targetOn: number | null;
  lifeArea: string | null;
  milestones: { title: string; doneOn: number | null }[];
}

type Schedule = Pick<HabitVersionSpec, "schedule" | "daysOfWeek" | "timesPerWeek" | "everyNDays">;

export interface HabitTemplate {
  key: string;
  title: string;
  goal: string | null;
  createdOn: number;
  schedule: Schedule;
  target: TargetSpec | null;
  durationMinutes: number;
}

/** An edit to a habit on day `on`: a second version (same schedule kind, new parameters). */
export interface HabitEdit {
  habit: string;
  on: number;
  set: Partial<
    Pick<
      HabitVersionSpec,
      "daysOfWeek" | "timesPerWeek" | "everyNDays" | "target" | "durationMinutes"
    >
  >;
}

/** How a task's log ends: done on its (last) due day with the member's adherence, never, or done then undone. */
export type TaskOutcome = "auto" | "open" | "undo";

export interface TaskTemplate {
  key: string;
  title: string;
  goal: string | null;
  priority: TaskPriority;
  estimateMinutes: number;
  createdOn: number;
  plannedOn: number | null;
  dueOn: number | null;
  outcome: TaskOutcome;
  /** Created by the coach for the member (coaches may edit members' plans). */
  byCoach?: boolean;
  /** Missed on its planned day and moved the day after to `to`. */
  reschedule?: { to: number };
  /** Cancelled on day `on` (before its planned day). */
  cancelOn?: number;
  /** Marked in progress on day `on`. */
  startOn?: number;
}

export interface MemberPlan {
  workspace: WorkspaceKey;
  member: string;
  behaviour: Behaviour;
  goals: GoalTemplate[];
  habits: HabitTemplate[];
  tasks: TaskTemplate[];
  edits: HabitEdit[];
  /** A habit archived on day `on` (not due from that day on). */
  archive?: { habit: string; on: number };
  /** Event source per item key (default web): a phone shortcut posts through the API, a health app imports. */
  sources?: Record<string, EventSource>;
}

const daily: Schedule = { schedule: "daily", daysOfWeek: [], timesPerWeek: null, everyNDays: null };
const daysOfWeek = (days: number[]): Schedule => ({
  schedule: "days_of_week",
  daysOfWeek: days,
  timesPerWeek: null,
  everyNDays: null,
});
const timesPerWeek = (n: number): Schedule => ({
  schedule: "times_per_week",
  daysOfWeek: [],
  timesPerWeek: n,
  everyNDays: null,
});
const everyNDays = (n: number): Schedule => ({
  schedule: "every_n_days",
  daysOfWeek: [],
  timesPerWeek: null,
  everyNDays: n,
});

const DEMO_GOALS: GoalTemplate[] = [
  {
    key: "fitness",
    title: "Run a 10K",
    description: "Build up to running 10 km without stopping.",
    status: "active",
    createdOn: -60,
    targetOn: 60,
    lifeArea: "health",
    milestones: [
      { title: "Run 3 km without stopping", doneOn: -24 },
      { title: "Run 5 km", doneOn: null },
      { title: "Run 10 km", doneOn: null },
    ],
  },
  {
    key: "growth",
    title: "Grow at work",
    description: "Ship the big proposal and keep learning.",
    status: "active",
    createdOn: -60,
    targetOn: 90,
    lifeArea: "career",
    milestones: [
      { title: "Finish the quarterly report", doneOn: null },
      { title: "Present the project proposal", doneOn: null },
    ],
  },
];

/** All four schedules, one at_least and one at_most measurable. */
const DEMO_HABITS: HabitTemplate[] = [
  {
    key: "water",
    title: "Drink water",
    goal: "fitness",
    createdOn: -60,
    schedule: daily,
    target: { value: 8, unit: "glasses", direction: "at_least" },
    durationMinutes: 0,
  },
  {
    key: "social",
    title: "Limit social media",
    goal: null,
    createdOn: -60,
    schedule: daily,
    target: { value: 30, unit: "minutes", direction: "at_most" },
    durationMinutes: 0,
  },
  {
    key: "workout",
    title: "Workout",
    goal: "fitness",
    createdOn: -60,
    schedule: daysOfWeek([1, 3, 5]),
    target: null,
    durationMinutes: 45,
  },
  {
    key: "read",
    title: "Read",
    goal: "growth",
    createdOn: -60,
    schedule: timesPerWeek(3),
    target: null,
    durationMinutes: 30,
  },
  {
    key: "plants",
    title: "Water the plants",
    goal: null,
    createdOn: -60,
    schedule: everyNDays(3),
    target: null,
    durationMinutes: 10,
  },
  {
    key: "meditate",
    title: "Meditate",
    goal: null,
    createdOn: -45,
    schedule: daily,
    target: null,
    durationMinutes: 10,
  },
];

const DEMO_TASKS: TaskTemplate[] = [
  {
    key: "dentist",
    title: "Book dentist appointment",
    goal: null,
    priority: "low",
    estimateMinutes: 15,
    createdOn: -55,
    plannedOn: -50,
    dueOn: null,
    outcome: "auto",
  },
  {
    key: "report",
    title: "Prepare quarterly report",
    goal: "growth",
    priority: "high",
    estimateMinutes: 180,
    createdOn: -48,
    plannedOn: -42,
    dueOn: -40,
    outcome: "auto",
  },
  {
    key: "passport",
    title: "Renew passport",
    goal: null,
    priority: "medium",
    estimateMinutes: 60,
    createdOn: -35,
    plannedOn: null,
    dueOn: -30,
    outcome: "open",
  },
  {
    key: "photos",
    title: "Organize photo library",
    goal: null,
    priority: "low",
    estimateMinutes: 60,
    createdOn: -30,
    plannedOn: null,
    dueOn: null,
    outcome: "open",
  },
  {
    key: "offsite",
    title: "Plan team offsite",
    goal: "growth",
    priority: "medium",
    estimateMinutes: 90,
    createdOn: -25,
    plannedOn: -20,
    dueOn: null,
    outcome: "auto",
    reschedule: { to: -15 },
  },
  {
    key: "garage",
    title: "Clean out the garage",
    goal: null,
    priority: "low",
    estimateMinutes: 120,
    createdOn: -16,
    plannedOn: -10,
    dueOn: null,
    outcome: "open",
    cancelOn: -12,
  },
  {
    key: "sql",
    title: "Learn SQL window functions",
    goal: "growth",
    priority: "medium",
    estimateMinutes: 120,
    createdOn: -14,
    plannedOn: 4,
    dueOn: null,
    outcome: "open",
    startOn: -2,
  },
  {
    key: "checkin",
    title: "Prepare weekly check-in notes",
    goal: null,
    priority: "medium",
    estimateMinutes: 30,
    createdOn: -10,
    plannedOn: -8,
    dueOn: null,
    outcome: "auto",
    byCoach: true,
  },
  {
    key: "blog",
    title: "Write a blog post",
    goal: "growth",
    priority: "medium",
    estimateMinutes: 60,
    createdOn: -9,
    plannedOn: -5,
    dueOn: null,
    outcome: "auto",
  },
  {
    key: "slides",
    title: "Draft review slides",
    goal: "growth",
    priority: "medium",
    estimateMinutes: 60,
    createdOn: -6,
    plannedOn: -2,
    dueOn: null,
    outcome: "auto",
  },
  {
    key: "groceries",
    title: "Order groceries",
    goal: null,
    priority: "low",
    estimateMinutes: 30,
    createdOn: -3,
    plannedOn: -1,
    dueOn: null,
    outcome: "auto",
  },
  {
    key: "budget",
    title: "Review monthly budget",
    goal: null,
    priority: "high",
    estimateMinutes: 45,
    createdOn: -6,
    plannedOn: 0,
    dueOn: 2,
    outcome: "auto",
  },
  {
    key: "insurance",
    title: "Call the insurance company",
    goal: null,
    priority: "low",
    estimateMinutes: 20,
    createdOn: -4,
    plannedOn: 1,
    dueOn: null,
    outcome: "open",
  },
  {
    key: "cv",
    title: "Update CV",
    goal: "growth",
    priority: "medium",
    estimateMinutes: 90,
    createdOn: -2,
    plannedOn: 3,
    dueOn: null,
    outcome: "open",
  },
  {
    key: "proposal",
    title: "Draft project proposal",
    goal: "growth",
    priority: "high",
    estimateMinutes: 240,
    createdOn: -3,
    plannedOn: null,
    dueOn: 5,
    outcome: "open",
  },
];

/** Same plan template for every demo member, each with its own twist. */
function demoMember(member: string, behaviour: Behaviour, twist: Partial<MemberPlan>): MemberPlan {
  return {
    workspace: "demo",
    member,
    behaviour,
    goals: DEMO_GOALS,
    habits: DEMO_HABITS,
    tasks: DEMO_TASKS,
    edits: [],
    ...twist,
  };
}

const withOutcome = (key: string, outcome: TaskOutcome): TaskTemplate[] =>
  DEMO_TASKS.map((t) => (t.key === key ? { ...t, outcome } : t));

export const MEMBER_PLANS: readonly MemberPlan[] = [
  demoMember("nora", "steady", {
    // Read more: 3 → 4 times a week (a week is judged by the version in force on its Monday).
    edits: [{ habit: "read", on: -25, set: { timesPerWeek: 4 } }],
    goals: [
      ...DEMO_GOALS,
      {
        key: "guitar",
        title: "Learn to play the guitar",
        description: "",
        status: "draft",
        createdOn: -7,
        targetOn: null,
        lifeArea: "hobbies",
        milestones: [],
      },
    ],
    // Marked the blog post done by mistake, undid it: the task is still open.
    tasks: withOutcome("blog", "undo"),
  }),
  demoMember("bernd", "slipping", {
    // Plants every 2 days instead of 3, re-anchored on the edit day.
    edits: [{ habit: "plants", on: -20, set: { everyNDays: 2 } }],
    habits: [
      ...DEMO_HABITS,
      {
        key: "journal",
        title: "Evening journal",
        goal: null,
        createdOn: -60,
        schedule: daily,
        target: null,
        durationMinutes: 15,
      },
    ],
    archive: { habit: "journal", on: -20 },
    sources: { workout: "api", meditate: "api" },
  }),
  demoMember("kenji", "inactive", {
    // Allowed 45 minutes of social media instead of 30.
    edits: [
      {
        habit: "social",
        on: -35,
        set: { target: { value: 45, unit: "minutes", direction: "at_most" } },
      },
    ],
    sources: { water: "import" },
  }),
  demoMember("sam", "recovering", {
    // Workouts moved from Mon/Wed/Fri to Tue/Thu/Sat.
    edits: [{ habit: "workout", on: -28, set: { daysOfWeek: [2, 4, 6] } }],
    sources: { social: "api" },
  }),
  {
    // Sam again, in the second workspace: rows on both sides of the tenant boundary.
    workspace: "second",
    member: "sam",
    behaviour: "steady",
    goals: [
      {
        key: "ship",
        title: "Ship v2",
        description: "Release the second major version.",
        status: "active",
        createdOn: -30,
        targetOn: 45,
        lifeArea: "career",
        milestones: [
          { title: "Feature freeze", doneOn: -6 },
          { title: "Release candidate", doneOn: null },
        ],
      },
    ],
    habits: [
      {
        key: "inbox",
        title: "Inbox zero",
        goal: null,
        createdOn: -30,
        schedule: daily,
        target: null,
        durationMinutes: 20,
      },
      {
        key: "review",
        title: "Code review",
        goal: "ship",
        createdOn: -30,
        schedule: timesPerWeek(2),
        target: null,
        durationMinutes: 30,
      },
    ],
    tasks: [
      {
        key: "planning",
        title: "Quarterly planning",
        goal: "ship",
        priority: "high",
        estimateMinutes: 120,
        createdOn: -20,
        plannedOn: null,
        dueOn: -10,
        outcome: "auto",
      },
      {
        key: "onboard",
        title: "Onboard the new hire",
        goal: null,
        priority: "medium",
        estimateMinutes: 60,
        createdOn: -8,
        plannedOn: -3,
        dueOn: null,
        outcome: "auto",
      },
      {
        key: "rfc",
        title: "Write the caching RFC",
        goal: "ship",
        priority: "high",
        estimateMinutes: 180,
        createdOn: -2,
        plannedOn: 2,
        dueOn: 4,
        outcome: "open",
      },
    ],
    edits: [],
  },
];
