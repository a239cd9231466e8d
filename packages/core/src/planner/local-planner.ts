/**
 * The deterministic local planner (docs/domain.md "AI suggestions" → "The local planner"): the
 * default provider when no model is configured and the fallback whenever a model's answer is
 * refused. It proposes like a model would (an order and wished-for days; code places them), from
 * plain rules, and never copies the member's text into what it writes, so nothing a title says
 * can steer it.
 */
import { addDays, diffDays, type LocalDate } from "@atlas/time";
import {
  PLANNER_LIMITS,
  type DecomposeGoalInput,
  type DecomposeGoalProposal,
  type DeferralInput,
  type DeferralProposal,
  type PlannerInputOf,
  type PlannerJob,
  type PlannerTask,
  type ProposalOf,
  type RecoveryInput,
  type RecoveryProposal,
  type WeeklyPlanInput,
  type WeeklyPlanProposal,
} from "./types.ts";

export const LOCAL_PROVIDER = "local";
export const LOCAL_MODEL = "atlas-local-planner";
/** Bumped whenever the local planner's rules change what it proposes. */
export const LOCAL_PROMPT_VERSION = "local-v1";

/** With no target date, a goal is planned over this many days. */
export const DEFAULT_GOAL_HORIZON_DAYS = 84;
/** One milestone per this many days of the horizon (at least one, at most `milestoneCap`). */
const DAYS_PER_MILESTONE = 28;
const MILESTONE_CAP = 4;
/** Share of the member's weekly capacity a goal's tasks may take before the milestone date. */
const GOAL_CAPACITY_SHARE = 0.25;

const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** Phases a goal goes through; milestone i of n takes the phase at its position. */
const PHASES = [
  {
    title: "Get started",
    tasks: [
      ["Write down what done looks like", "high"],
      ["List the first steps", "medium"],
      ["Set up what you need", "medium"],
    ],
  },
  {
    title: "Build momentum",
    tasks: [
      ["Work through the next steps", "high"],
      ["Review progress and adjust the plan", "medium"],
      ["Clear one blocker", "medium"],
    ],
  },
  {
    title: "Go deeper",
    tasks: [
      ["Tackle the hardest part", "high"],
      ["Ask for feedback", "medium"],
      ["Review progress and adjust the plan", "low"],
    ],
  },
  {
    title: "Finish",
    tasks: [
      ["Finish the remaining work", "high"],
      ["Check the result against what done looks like", "medium"],
      ["Look back on what worked", "low"],
    ],
  },
] as const;

function decompose(input: DecomposeGoalInput): DecomposeGoalProposal {
  const target = input.goal.targetDate;
  const daysLeft = target === null ? DEFAULT_GOAL_HORIZON_DAYS : diffDays(target, input.today);
  // A target date already reached or passed: size for a week and leave the milestones undated.
  const isDated = daysLeft >= 1;
  const horizon = isDated ? daysLeft : 7;
  const openMilestones = input.existingMilestones.filter((m) => m.doneOn === null).length;
  const count = Math.max(
    1,
    Math.min(MILESTONE_CAP, Math.round(horizon / DAYS_PER_MILESTONE)) - openMilestones,
  );
  const weekly = input.weeklyCapacityMinutes.reduce((a, b) => a + b, 0);
  // Each milestone's tasks share a quarter of the capacity of the days before it.
  const budget = Math.floor((weekly / 7) * (horizon / count) * GOAL_CAPACITY_SHARE);
  const existing = new Set(input.existingTasks.map((t) => t.title.trim().toLowerCase()));
  const { estimateMinMinutes: min } = PLANNER_LIMITS;
  const perTaskMax = 120;

  const milestones = Array.from({ length: count }, (_, i) => {
    const phase = PHASES[count === 1 ? 0 : Math.floor((i * (PHASES.length - 1)) / (count - 1))]!;
    const targetDate = isDated
      ? addDays(input.today, Math.max(1, Math.round(((i + 1) * horizon) / count)))
      : null;
    const tasks = phase.tasks
      .filter(([title]) => !existing.has(title.toLowerCase()))
      .slice(0, PLANNER_LIMITS.maxTasksPerMilestone);
    const minutes = Math.max(min, Math.min(perTaskMax, Math.floor(budget / tasks.length / 5) * 5));
    return {
      key: `m${i + 1}`,
      title: `Step ${i + 1} of ${count}: ${phase.title}`,
      description: null,
      targetDate,
      tasks: tasks.map(([title, priority], j) => ({
        key: `m${i + 1}.t${j + 1}`,
        title,
        notes: null,
        estimateMinutes: minutes,
        priority,
      })),
      // One steady habit carries the goal along, unless the member keeps habits for it already.
      habits:
        i === 0 && input.existingHabits.length === 0
          ? [
              {
                key: "m1.h1",
                title: "Work on this goal",
                schedule: { kind: "times_per_week" as const, daysOfWeek: null, timesPerWeek: 3 },
                durationMinutes: 30,
              },
            ]
          : [],
    };
  });
  return {
    milestones,
    rationale: `${count} milestone${count === 1 ? "" : "s"} over ${horizon} days, tasks sized to a quarter of your free time.`,
  };
}

/** Most urgent first: due date (none last), priority, then id for a stable order. */
function byUrgency(a: PlannerTask, b: PlannerTask): number {
  const due = (t: PlannerTask) => t.dueDate ?? "9999-12-31";
  if (due(a) !== due(b)) return due(a) < due(b) ? -1 : 1;
  if (a.priority !== b.priority) return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function inWindow(date: LocalDate | null, days: readonly { localDate: LocalDate }[]): boolean {
  return date !== null && days.some((d) => d.localDate === date);
}

function weeklyPlan(input: WeeklyPlanInput): WeeklyPlanProposal {
  const last = input.days[input.days.length - 1]!.localDate;
  const tasks = [...input.tasks].sort(byUrgency);
  const dueThisWeek = tasks.filter((t) => t.dueDate !== null && t.dueDate <= last);
  const rest = tasks.filter((t) => !(t.dueDate !== null && t.dueDate <= last));
  const taskItem = (t: PlannerTask) => ({
    kind: "task" as const,
    id: t.id,
    preferredDates: inWindow(t.plannedDate, input.days) ? [t.plannedDate!] : [],
    estimateMinutes: null,
    reason: null,
  });
  return {
    items: [
      ...dueThisWeek.map(taskItem),
      ...input.habits.map((h) => ({
        kind: "habit" as const,
        id: h.id,
        preferredDates: [],
        estimateMinutes: null,
        reason: null,
      })),
      ...rest.map(taskItem),
    ],
    rationale: "Tasks due this week first, then habits, then the rest by priority.",
  };
}

/** Half of a value, never below the smallest step (3 decimals, as amounts are kept). */
function halve(value: number): number {
  return Math.max(0.001, Math.round((value / 2) * 1000) / 1000);
}

function recovery(input: RecoveryInput): RecoveryProposal {
  const lastDay = input.days[input.days.length - 1]!.localDate;
  const habitSteps = input.habits.map((h) => {
    // The repair rule: the next two non-skipped occurrences met repair a single miss.
    const repairDates =
      h.pendingRepair !== null ? h.dueDates.slice(0, h.pendingRepair.metNeeded) : [];
    const untilDate = repairDates.length > 0 ? repairDates[repairDates.length - 1]! : lastDay;
    return {
      habitId: h.id,
      durationMinutes: Math.ceil(h.durationMinutes / 2),
      targetValue:
        h.target !== null && h.target.direction === "at_least" ? halve(h.target.value) : null,
      untilDate,
      repairDates,
      reason:
        repairDates.length > 0
          ? "A smaller step on the next due days repairs the miss."
          : "Smaller steps for a few days to start again.",
    };
  });
  const tasks = [...input.tasks].sort(
    (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || byUrgency(a, b),
  );
  return {
    habitSteps,
    taskMoves: tasks.map((t) => ({
      taskId: t.id,
      // Stay put when the day still has room once the more important work is placed.
      preferredDates: inWindow(t.plannedDate, input.days) ? [t.plannedDate!] : [],
      reason: null,
    })),
    rationale: "Halve the habits for a few days; keep the most important tasks, move the rest.",
  };
}

function deferral(input: DeferralInput): DeferralProposal {
  const day = (t: PlannerTask) => t.plannedDate ?? t.dueDate ?? "9999-12-31";
  const tasks = [...input.overdueTasks].sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    moves: tasks.map((t) => ({ taskId: t.id, preferredDates: [], reason: null })),
    rationale: "The most important overdue tasks first, each on the next day with room.",
  };
}

const proposers: { [J in PlannerJob]: (input: PlannerInputOf<J>) => ProposalOf[J] } = {
  decompose_goal: decompose,
  weekly_plan: weeklyPlan,
  recovery,
  deferral,
};

/** The local planner's proposal for any job. */
export function proposeLocally<J extends PlannerJob>(input: PlannerInputOf<J>): ProposalOf[J] {
  return (proposers[input.job] as (input: PlannerInputOf<J>) => ProposalOf[J])(input);
}
