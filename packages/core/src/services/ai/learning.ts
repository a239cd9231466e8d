/**
 * What the learning loop reads of a member's decided suggestions (docs/domain.md "AI suggestions"
 * → "Learning"), in bounded windows so the cost never grows with the history: acceptance from the
 * latest ACCEPTANCE_WINDOW decisions of the job; the estimate scale and the few-shot examples from
 * the latest LEARNING_WINDOW kept suggestions; the weekly preferences from the latest
 * LEARNING_WINDOW decided weekly plans. Only the member's own decisions count (a coach's rejection
 * in the queue is not the member's); only the member's own rows are read: row-level security
 * shows a member nothing else, so no other member's (or workspace's) text reaches a prompt.
 */
import type { TenantTx as Tx } from "@atlas/db";
import {
  acceptanceRate,
  estimatePairs,
  learnedEstimateScale,
  learnedPreferences,
  selectFewShotExamples,
  type DecisionCounts,
  type PlanDecision,
} from "../../planner/learning.ts";
import type { FewShotExample, PlannerJob, PlannerPreferences } from "../../planner/types.ts";
import { keptOf, storedSuggestion, SUGGESTION_SELECT } from "./stored.ts";

export const ACCEPTANCE_WINDOW = 50;
export const LEARNING_WINDOW = 20;

export interface Learned {
  counts: DecisionCounts;
  /** (a+1)/(a+r+2) over the counts. */
  acceptance: number;
  preferences: PlannerPreferences;
  examples: FewShotExample[];
}

const DECIDED = ["accepted", "edited", "rejected"] as const;
const KEPT = ["accepted", "edited"] as const;

export async function loadLearning(
  tx: Tx,
  scope: { workspaceId: string; memberId: string },
  job: PlannerJob,
): Promise<Learned> {
  const mine = { workspaceId: scope.workspaceId, memberId: scope.memberId };
  const statuses = await tx.aiSuggestion.findMany({
    where: { ...mine, type: job, status: { in: [...DECIDED] }, decidedById: scope.memberId },
    orderBy: { id: "desc" },
    take: ACCEPTANCE_WINDOW,
    select: { status: true },
  });
  const counts: DecisionCounts = { accepted: 0, edited: 0, rejected: 0 };
  for (const { status } of statuses) counts[status as keyof DecisionCounts] += 1;

  const kept = (
    await tx.aiSuggestion.findMany({
      where: { ...mine, status: { in: [...KEPT] } },
      orderBy: { id: "desc" },
      take: LEARNING_WINDOW,
      select: SUGGESTION_SELECT,
    })
  ).map(storedSuggestion);
  const estimateScale = learnedEstimateScale(
    kept.flatMap((s) => estimatePairs(s.input, s.output, keptOf(s))),
  );

  const weekly = (
    await tx.aiSuggestion.findMany({
      where: {
        ...mine,
        type: "weekly_plan",
        status: { in: [...DECIDED] },
        decidedById: scope.memberId,
      },
      orderBy: { id: "desc" },
      take: LEARNING_WINDOW,
      select: SUGGESTION_SELECT,
    })
  ).map(storedSuggestion);
  const decisions: PlanDecision[] = weekly.map((s) => ({
    status: s.status as PlanDecision["status"],
    output: s.output,
    accepted: s.status === "rejected" ? null : keptOf(s),
  }));

  const examples = selectFewShotExamples(
    kept
      .filter((s) => s.type === job)
      .map((s) => ({
        job: s.type,
        suggestionId: s.id,
        workspaceId: s.workspaceId,
        decidedAt: (s.decidedAt ?? s.createdAt).toISOString(),
        status: s.status as "accepted" | "edited",
        input: s.input,
        output: keptOf(s),
      })),
    job,
    scope.workspaceId,
  );
  return {
    counts,
    acceptance: acceptanceRate(counts),
    // What the window no longer shows is kept in the latest weekly plan's input (learning.ts).
    preferences: learnedPreferences(decisions, estimateScale, weekly[0]?.input.preferences ?? null),
    examples,
  };
}
