/**
 * Simulated members for the learning loop (docs/architecture.md "AI planner" → "Simulation";
 * bench/ai-sim runs it). Each member has hidden preferences the planner never sees — how far off
 * their own estimates are, how many tasks a day they will take, which weekdays they work on — and
 * reviews the local planner's weekly plan the way the review screen lets a person: keep a task,
 * move it, drop it, or correct its minutes; then accepts, edits or rejects the plan. The planner
 * learns only through core's learning.ts, from the decisions, and feeds what it learned back
 * through the next week's input. Deterministic: the same seed gives the same run.
 */
import { addDays, isoWeekday, toLocalDate, type LocalDate } from "@atlas/time";
import {
  createRng,
  estimatePairs,
  learnedEstimateScale,
  learnedPreferences,
  ZPlannerInput,
  type EstimatePair,
  type PlanDecision,
  type Placement,
  type PlannerInputOf,
  type PlannerPreferences,
  type Rng,
  type WeeklyPlanResult,
} from "@atlas/core";
import { createPlanner } from "../planner.ts";

export interface HiddenPreferences {
  /** Real minutes = the member's own estimate × this. */
  estimateBias: number;
  /** The most tasks they take on one day. */
  dailyCap: number;
  /** ISO weekdays they work on (a subset of the days with capacity). */
  workdays: readonly number[];
  /** Capacity per ISO weekday, Monday first. */
  capacity: readonly number[];
}

export interface SimulationOptions {
  members: number;
  weeks: number;
  seed: string;
}

export interface WeekFigures {
  week: number;
  accepted: number;
  edited: number;
  rejected: number;
  /** (accepted + edited) / members: a plan kept, as the domain counts acceptance. */
  acceptance: number;
}

/** How many decided plans and estimate pairs the planner reads back (a bounded window). */
const DECISION_WINDOW = 6;
const PAIR_WINDOW = 40;
/** A member rejects a plan when more than this share of its tasks has no place in their week. */
const REJECT_ABOVE = 0.5;
/** The share of plans a member rejects whatever they hold. */
const MOOD_REJECTIONS = 0.05;
/** A placed estimate this far off the real minutes gets corrected. */
const ESTIMATE_TOLERANCE = 0.2;
const FIRST_MONDAY = toLocalDate("2026-01-05");

function hiddenPreferences(rng: Rng): HiddenPreferences {
  const capacity = [1, 2, 3, 4, 5, 6, 7].map((w) =>
    w <= 5 ? rng.int(8, 20) * 15 : rng.chance(0.3) ? rng.int(4, 10) * 15 : 0,
  );
  const open = [1, 2, 3, 4, 5, 6, 7].filter((w) => capacity[w - 1]! > 0);
  return {
    estimateBias: rng.pick([0.6, 0.75, 1, 1.25, 1.5, 1.8]),
    dailyCap: rng.int(1, 3),
    workdays: rng
      .shuffle(open)
      .slice(0, Math.min(open.length, rng.int(3, 4)))
      .sort((a, b) => a - b),
    capacity,
  };
}

function weekInput(
  rng: Rng,
  hidden: HiddenPreferences,
  monday: LocalDate,
  week: number,
  learned: PlannerInputOf<"weekly_plan">["preferences"],
): PlannerInputOf<"weekly_plan"> {
  const count = rng.int(8, 14);
  return ZPlannerInput.parse({
    job: "weekly_plan",
    days: [0, 1, 2, 3, 4, 5, 6].map((i) => ({
      localDate: addDays(monday, i),
      capacityMinutes: hidden.capacity[i]!,
      committedMinutes: hidden.capacity[i]! > 0 ? rng.int(0, 4) * 10 : 0,
    })),
    tasks: Array.from({ length: count }, (_, i) => ({
      id: `w${week}-t${i + 1}`,
      title: `Task ${i + 1}`,
      notes: null,
      priority: rng.pick(["low", "medium", "high"] as const),
      estimateMinutes: rng.pick([15, 20, 30, 45, 60, 90]),
      dueDate: rng.chance(0.3) ? addDays(monday, rng.int(2, 6)) : null,
      plannedDate: null,
    })),
    habits: [],
    preferences: learned,
  }) as PlannerInputOf<"weekly_plan">;
}

/**
 * The member's review, task by task in the plan's order: a task stays on a workday under their
 * cap whose real minutes still fit; any other moves to the first such day up to its due date, or
 * is dropped. A kept task whose minutes are more than 20% off gets its real minutes. More than
 * half dropped: rejected; any change: edited; none: accepted.
 */
export function review(
  input: PlannerInputOf<"weekly_plan">,
  plan: WeeklyPlanResult,
  hidden: HiddenPreferences,
): PlanDecision {
  const estimates = new Map(input.tasks.map((t) => [t.id, t.estimateMinutes ?? 30]));
  const real = (id: string) => Math.round(estimates.get(id)! * hidden.estimateBias);
  const day = new Map(input.days.map((d) => [d.localDate, d]));
  const tasks = plan.placements.filter((p) => p.kind === "task");
  const kept = new Map<LocalDate, Placement[]>();
  const load = (date: LocalDate) =>
    day.get(date)!.committedMinutes + (kept.get(date) ?? []).reduce((s, p) => s + real(p.id), 0);
  const fits = (date: LocalDate, id: string) =>
    hidden.workdays.includes(isoWeekday(date)) &&
    (kept.get(date)?.length ?? 0) < hidden.dailyCap &&
    load(date) + real(id) <= day.get(date)!.capacityMinutes;
  let moved = 0;
  let dropped = 0;
  let corrected = 0;
  const keep = (date: LocalDate, p: Placement) => kept.set(date, [...(kept.get(date) ?? []), p]);

  for (const p of tasks) {
    if (fits(p.localDate, p.id)) {
      keep(p.localDate, p);
      continue;
    }
    const due = input.tasks.find((t) => t.id === p.id)!.dueDate;
    const to = input.days
      .map((d) => d.localDate)
      .find((date) => (due === null || date <= due) && fits(date, p.id));
    if (to === undefined) dropped += 1;
    else {
      moved += 1;
      keep(to, { ...p, localDate: to });
    }
  }
  const accepted: Placement[] = [];
  for (const [, list] of [...kept].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const p of list) {
      const minutes = real(p.id);
      if (Math.abs(minutes - p.minutes) > ESTIMATE_TOLERANCE * p.minutes) {
        corrected += 1;
        accepted.push({ ...p, minutes });
      } else accepted.push(p);
    }
  }
  if (tasks.length === 0 || dropped > REJECT_ABOVE * tasks.length) {
    return { status: "rejected", output: plan, accepted: null };
  }
  const isUnchanged = moved + dropped + corrected === 0;
  return {
    status: isUnchanged ? "accepted" : "edited",
    output: plan,
    accepted: isUnchanged ? plan : { ...plan, placements: accepted },
  };
}

/** Runs the members through the weeks; returns the figures of every week. */
export async function simulate(options: SimulationOptions): Promise<WeekFigures[]> {
  const planner = createPlanner({ provider: null, timeoutMs: 60_000 });
  const members = Array.from({ length: options.members }, (_, i) => {
    const rng = createRng(`${options.seed}/member/${i}`);
    return {
      rng,
      hidden: hiddenPreferences(rng),
      decisions: [] as PlanDecision[],
      pairs: [] as EstimatePair[],
      learned: null as PlannerPreferences | null,
    };
  });
  const figures: WeekFigures[] = [];
  for (let week = 1; week <= options.weeks; week++) {
    const counts = { accepted: 0, edited: 0, rejected: 0 };
    for (const m of members) {
      const scale = learnedEstimateScale(m.pairs);
      const learned = learnedPreferences(m.decisions, scale, m.learned);
      m.learned = learned;
      const input = weekInput(
        m.rng,
        m.hidden,
        addDays(FIRST_MONDAY, 7 * (week - 1)),
        week,
        learned,
      );
      const { result } = await planner.plan(input, { workspaceId: "ws-sim" });
      // Now and then a member turns a plan down for reasons of their own: noise the learning
      // must survive.
      const decision: PlanDecision = m.rng.chance(MOOD_REJECTIONS)
        ? { status: "rejected", output: result, accepted: null }
        : review(input, result, m.hidden);
      counts[decision.status] += 1;
      m.decisions = [decision, ...m.decisions].slice(0, DECISION_WINDOW);
      if (decision.accepted !== null) {
        m.pairs = [...estimatePairs(input, result, decision.accepted), ...m.pairs].slice(
          0,
          PAIR_WINDOW,
        );
      }
    }
    figures.push({
      week,
      ...counts,
      acceptance: (counts.accepted + counts.edited) / options.members,
    });
  }
  return figures;
}
