/**
 * The learning loop (docs/domain.md "AI suggestions" → "Learning"): acceptance per member and job,
 * the estimate scale, the member's daily cap and preferred weekdays, and the few-shot examples a
 * model provider is shown. Pure: the caller reads a bounded window of decided suggestions.
 */
import { isoWeekday, type LocalDate } from "@atlas/time";
import {
  PLANNER_LIMITS,
  type FewShotExample,
  type PlannerInput,
  type PlannerJob,
  type PlannerPreferences,
  type PlannerProposal,
  type PlannerResult,
} from "./types.ts";

/** Decided suggestions of one member and job. Expired ones are not counted at all. */
export interface DecisionCounts {
  accepted: number;
  edited: number;
  rejected: number;
}

/** `(a + 1) / (a + r + 2)` with a = accepted + edited: 1/2 with no decisions yet. */
export function acceptanceRate({ accepted, edited, rejected }: DecisionCounts): number {
  const a = accepted + edited;
  return (a + 1) / (a + rejected + 2);
}

/** A suggestion goes to the coach's approval queue when acceptance is below the threshold. */
export function needsCoachApproval(counts: DecisionCounts, threshold: number): boolean {
  return acceptanceRate(counts) < threshold;
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One accepted estimate against what it was proposed from: `baseMinutes` is the estimate before
 * any learned scale (the member's own estimate, or the provider's), `acceptedMinutes` what the
 * member kept (edited or not).
 */
export interface EstimatePair {
  baseMinutes: number;
  acceptedMinutes: number;
}

/**
 * The estimate scale: the median of accepted / base over the pairs, bounded to 0.5 … 2 and rounded
 * to 3 decimals; 1 without pairs. Computed against the unscaled base, so it does not compound.
 */
export function learnedEstimateScale(pairs: readonly EstimatePair[]): number {
  const ratios = pairs
    .filter((p) => p.baseMinutes > 0 && p.acceptedMinutes > 0)
    .map((p) => p.acceptedMinutes / p.baseMinutes);
  if (ratios.length === 0) return 1;
  const { minEstimateScale: min, maxEstimateScale: max } = PLANNER_LIMITS;
  return Math.round(Math.min(max, Math.max(min, median(ratios))) * 1000) / 1000;
}

/** Minutes by item id of a result's placements and new tasks (the first session of a habit). */
function minutesById(result: PlannerResult): Map<string, number> {
  const out = new Map<string, number>();
  if (result.job === "decompose_goal") {
    for (const m of result.milestones) for (const t of m.tasks) out.set(t.key, t.estimateMinutes);
  } else {
    for (const p of result.placements)
      if (p.kind === "task" && !out.has(p.id)) out.set(p.id, p.minutes);
  }
  return out;
}

/**
 * The estimate pairs of one accepted or edited suggestion: every task the member kept, with the
 * minutes they kept against its unscaled base (the proposal's minutes divided by the scale that
 * was in force, which the input snapshot records).
 */
export function estimatePairs(
  input: PlannerInput,
  output: PlannerResult,
  accepted: PlannerResult,
): EstimatePair[] {
  const scale = input.preferences.estimateScale;
  const proposed = minutesById(output);
  const pairs: EstimatePair[] = [];
  for (const [id, minutes] of minutesById(accepted)) {
    const was = proposed.get(id);
    if (was !== undefined) pairs.push({ baseMinutes: was / scale, acceptedMinutes: minutes });
  }
  return pairs;
}

/** One decided weekly plan, as the preference learning reads it. */
export interface PlanDecision {
  status: "accepted" | "edited" | "rejected";
  output: PlannerResult;
  /** What the member kept: the edited output when edited, the output when accepted. */
  accepted: PlannerResult | null;
}

/** Tasks per day in a result's placements. */
function tasksPerDay(result: PlannerResult | null): Map<LocalDate, Set<string>> {
  const out = new Map<LocalDate, Set<string>>();
  if (result === null || result.job === "decompose_goal") return out;
  for (const p of result.placements) {
    if (p.kind !== "task") continue;
    if (!out.has(p.localDate)) out.set(p.localDate, new Set());
    out.get(p.localDate)!.add(p.id);
  }
  return out;
}

/**
 * What the member's decisions say about how they like a week, from a bounded window of decided
 * weekly plans (newest first) and what was learned before them (`previous`: the preferences of
 * the latest weekly plan's input snapshot), so that what the window no longer shows is kept:
 *
 * - **daily cap**: a day the member thinned out shows their cap (the tasks they kept); a rejected
 *   plan says its busiest day had too many, and halves it (rounded up). The cap is the median of
 *   the signals, else the previous cap;
 * - **preferred weekdays**: per weekday, tasks kept there or moved there count for it, tasks
 *   removed from it or moved away against it; a weekday with votes is preferred when
 *   `(for + 1) / (for + against + 2) ≥ 1/2`, one without keeps its previous standing. Null (every
 *   weekday) when none is left out.
 */
export function learnedPreferences(
  decisions: readonly PlanDecision[],
  estimateScale: number,
  previous: PlannerPreferences | null = null,
): PlannerPreferences {
  const capSignals: number[] = [];
  const votes = Array.from({ length: 8 }, () => ({ for: 0, against: 0 }));
  for (const d of decisions) {
    const proposed = tasksPerDay(d.output);
    if (d.status === "rejected") {
      const busiest = Math.max(0, ...[...proposed.values()].map((s) => s.size));
      if (busiest > 0) capSignals.push(Math.ceil(busiest / 2));
      continue;
    }
    const kept = tasksPerDay(d.accepted);
    const keptDay = new Map<string, LocalDate>();
    for (const [day, ids] of kept) for (const id of ids) keptDay.set(id, day);
    for (const [day, ids] of proposed) {
      const weekday = isoWeekday(day);
      let stayed = 0;
      for (const id of ids) {
        if (keptDay.get(id) === day) {
          stayed += 1;
          votes[weekday]!.for += 1;
        } else {
          votes[weekday]!.against += 1;
        }
      }
      if (stayed < ids.size) capSignals.push(Math.max(1, kept.get(day)?.size ?? 0));
    }
    for (const [day, ids] of kept) {
      const moved = [...ids].filter((id) => !proposed.get(day)?.has(id)).length;
      votes[isoWeekday(day)]!.for += moved;
    }
  }
  const before = previous?.preferredWeekdays ?? null;
  const preferred = [1, 2, 3, 4, 5, 6, 7].filter((w) => {
    const v = votes[w]!;
    if (v.for + v.against === 0) return before === null || before.includes(w);
    return (v.for + 1) / (v.for + v.against + 2) >= 0.5;
  });
  return {
    estimateScale,
    maxTasksPerDay:
      capSignals.length === 0
        ? (previous?.maxTasksPerDay ?? null)
        : Math.max(1, Math.round(median(capSignals))),
    preferredWeekdays: preferred.length === 7 || preferred.length === 0 ? null : preferred,
  };
}

/**
 * The few-shot examples for one request: accepted or edited suggestions of the same job from the
 * requesting workspace only (any other is dropped, whatever the caller passed), newest first.
 */
export function selectFewShotExamples(
  examples: readonly FewShotExample[],
  job: PlannerJob,
  workspaceId: string,
  limit: number = 3,
): FewShotExample[] {
  return examples
    .filter((e) => e.workspaceId === workspaceId && e.job === job && e.input.job === job)
    .sort((a, b) =>
      a.decidedAt !== b.decidedAt
        ? a.decidedAt < b.decidedAt
          ? 1
          : -1
        : a.suggestionId < b.suggestionId
          ? -1
          : 1,
    )
    .slice(0, Math.min(limit, PLANNER_LIMITS.maxExamples));
}

/**
 * What an accepted result would have been as a proposal: the answer a few-shot example shows the
 * model. Placements become items with their placed days as the wished-for days.
 */
export function resultAsProposal(result: PlannerResult): PlannerProposal {
  if (result.job === "decompose_goal") {
    return { milestones: result.milestones, rationale: result.rationale };
  }
  const placed = new Map<string, { kind: "task" | "habit"; id: string; dates: LocalDate[] }>();
  for (const p of result.placements) {
    const key = `${p.kind}:${p.id}`;
    if (!placed.has(key)) placed.set(key, { kind: p.kind, id: p.id, dates: [] });
    placed.get(key)!.dates.push(p.localDate);
  }
  const entries = [...placed.values()];
  if (result.job === "weekly_plan") {
    return {
      items: entries.map((e) => ({
        kind: e.kind,
        id: e.id,
        preferredDates: e.dates,
        estimateMinutes: null,
        reason: null,
      })),
      rationale: result.rationale,
    };
  }
  const moves = entries.map((e) => ({ taskId: e.id, preferredDates: e.dates, reason: null }));
  return result.job === "recovery"
    ? { habitSteps: result.habitSteps, taskMoves: moves, rationale: result.rationale }
    : { moves, rationale: result.rationale };
}
