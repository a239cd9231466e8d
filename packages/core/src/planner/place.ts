/**
 * From a checked proposal to the result a suggestion stores (docs/domain.md "AI suggestions" →
 * "The fitter"): the same code for every provider. Estimates are scaled by what the member taught
 * (learning.ts); every day placement goes through the fitter.
 */
import type { LocalDate } from "@atlas/time";
import { shortDate } from "../coach-portfolio.ts";
import { fitPlan, type FitItem } from "./fit.ts";
import {
  PLANNER_LIMITS,
  type PlannerInputOf,
  type PlannerJob,
  type PlannerTask,
  type ProposalOf,
  type ResultOf,
} from "./types.ts";

/** A task with no estimate is planned at this many minutes unless the proposal gives one. */
export const DEFAULT_TASK_MINUTES = 30;

/** A proposed estimate scaled by the member's estimate scale, kept within the bounds. */
export function scaleEstimate(minutes: number, scale: number): number {
  const { estimateMinMinutes: min, estimateMaxMinutes: max } = PLANNER_LIMITS;
  return Math.min(max, Math.max(min, Math.round(minutes * scale)));
}

/**
 * The minutes a task takes in a plan: the member's own estimate scaled (never clamped: a long
 * task may simply not fit), else the provider's estimate scaled and bounded, else the default.
 */
export function taskMinutes(task: PlannerTask, proposed: number | null, scale: number): number {
  if (task.estimateMinutes !== null) return Math.round(task.estimateMinutes * scale);
  return scaleEstimate(proposed ?? DEFAULT_TASK_MINUTES, scale);
}

type Placer<J extends PlannerJob> = (
  input: PlannerInputOf<J>,
  proposal: ProposalOf[J],
) => ResultOf[J];

const placers: { [J in PlannerJob]: Placer<J> } = {
  decompose_goal: (input, proposal) => ({
    job: "decompose_goal",
    milestones: proposal.milestones.map((m) => ({
      ...m,
      tasks: m.tasks.map((t) => ({
        ...t,
        estimateMinutes: scaleEstimate(t.estimateMinutes, input.preferences.estimateScale),
      })),
    })),
    rationale: proposal.rationale,
  }),

  weekly_plan: (input, proposal) => {
    const tasks = new Map(input.tasks.map((t) => [t.id, t]));
    const habits = new Map(input.habits.map((h) => [h.id, h]));
    const items: FitItem[] = [];
    for (const item of proposal.items) {
      const task = item.kind === "task" ? tasks.get(item.id) : undefined;
      const habit = item.kind === "habit" ? habits.get(item.id) : undefined;
      if (task) {
        items.push({
          kind: "task",
          id: task.id,
          minutes: taskMinutes(task, item.estimateMinutes, input.preferences.estimateScale),
          sessions: 1,
          dueDate: task.dueDate,
          preferredDates: item.preferredDates,
        });
      } else if (habit) {
        items.push({
          kind: "habit",
          id: habit.id,
          minutes: habit.durationMinutes,
          sessions: habit.sessions,
          dueDate: null,
          preferredDates: item.preferredDates,
        });
      }
    }
    const fitted = fitPlan(input.days, items, input.preferences);
    return { job: "weekly_plan", ...fitted, rationale: proposal.rationale };
  },

  recovery: (input, proposal) => {
    const tasks = new Map(input.tasks.map((t) => [t.id, t]));
    const items: FitItem[] = [];
    for (const move of proposal.taskMoves) {
      const task = tasks.get(move.taskId);
      if (!task) continue;
      items.push({
        kind: "task",
        id: task.id,
        minutes: taskMinutes(task, null, input.preferences.estimateScale),
        sessions: 1,
        dueDate: task.dueDate,
        preferredDates: move.preferredDates,
      });
    }
    const fitted = fitPlan(input.days, items, input.preferences);
    return {
      job: "recovery",
      habitSteps: proposal.habitSteps,
      ...fitted,
      rationale: proposal.rationale,
    };
  },

  deferral: (input, proposal) => {
    const tasks = new Map(input.overdueTasks.map((t) => [t.id, t]));
    const items: FitItem[] = [];
    const passedDue = new Map<string, LocalDate>();
    for (const move of proposal.moves) {
      const task = tasks.get(move.taskId);
      if (!task) continue;
      // A due date already passed moves with the task (docs/domain.md "Read models").
      const isDuePassed = task.dueDate !== null && task.dueDate < input.today;
      if (isDuePassed && task.dueDate !== null) passedDue.set(task.id, task.dueDate);
      items.push({
        kind: "task",
        id: task.id,
        minutes: taskMinutes(task, null, input.preferences.estimateScale),
        sessions: 1,
        dueDate: isDuePassed ? null : task.dueDate,
        preferredDates: move.preferredDates,
      });
    }
    const fitted = fitPlan(input.days, items, input.preferences);
    return {
      job: "deferral",
      ...fitted,
      placements: fitted.placements.map((p) => {
        const due = passedDue.get(p.id);
        return due === undefined
          ? p
          : {
              ...p,
              reason: `${p.reason}; its due date ${shortDate(due)} has passed and moves with it`,
            };
      }),
      rationale: proposal.rationale,
    };
  },
};

/** The result of a checked proposal: estimates scaled, days placed by the fitter. */
export function placeProposal<J extends PlannerJob>(
  input: PlannerInputOf<J>,
  proposal: ProposalOf[J],
): ResultOf[J] {
  return (placers[input.job] as unknown as Placer<J>)(input, proposal);
}
