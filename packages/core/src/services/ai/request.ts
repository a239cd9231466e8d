/**
 * The suggestion pipeline (docs/domain.md "AI suggestions" → "The pipeline"), in three plain
 * steps that the API runs in one request and the Inngest function runs as three steps:
 *
 *   prepare  one snapshot transaction: a suggestion already stored under the dedupe key is the
 *            answer; the quota; the learning windows; the job's input; the routing (below the
 *            workspace's acceptance threshold a member's suggestion waits for the coach);
 *   plan     the injected planner (a model, else or on any failure the local planner): no
 *            transaction is open while it runs;
 *   store    under the workspace's quota lock, the quota again, then one insert (a dedupe key
 *            already taken returns that suggestion), and older undecided suggestions of the same
 *            kind expire.
 *
 * Every step runs as the member (the client bound to the member's user), so what the pipeline
 * reads and writes is what the member could.
 */
import type { TenantDb, TenantTx as Tx, Prisma } from "@atlas/db";
import { AppError } from "../../errors.ts";
import { isEntitled, type EntitlementSnapshot } from "../../billing/plan-catalog.ts";
import { needsCoachApproval } from "../../planner/learning.ts";
import type { FewShotExample, PlannerInput, PlannerResult } from "../../planner/types.ts";
import { lockName } from "../shared/locks.ts";
import { inSnapshot } from "../views/member-view.ts";
import { loadLearning } from "./learning.ts";
import {
  assertBillingAllows,
  dunningRefusal,
  dunningStage,
  type DunningInput,
} from "../../billing/dunning.ts";
import { aiQuota, assertQuotaLeft } from "./quota.ts";
import { readView, type SuggestionView } from "./read.ts";
import { buildSnapshot, type MemberScope, type SuggestionRequest } from "./snapshot.ts";
import { readSuggestion } from "./stored.ts";

/** What the planner answered (packages/ai's `Planner` is one). */
export interface PlanAnswer {
  result: PlannerResult;
  provider: string;
  model: string;
  promptVersion: string;
  usage: { promptTokens: number; completionTokens: number; costMicroUsd: number | null };
  fallbackReason: string | null;
}

export interface SuggestionPlanner {
  plan(
    input: PlannerInput,
    context?: { examples?: readonly FewShotExample[] },
  ): Promise<PlanAnswer>;
}

export interface PipelineOptions {
  /** One suggestion per key in the workspace: a retried request or a re-run job finds it. */
  dedupeKey: string | null;
  /** Asked by a job: nothing new, or no quota left, is an answer, not an error. */
  scheduled: boolean;
}

/** Ready to plan (JSON, so an Inngest step can hand it to the next). */
export interface Prepared {
  scope: MemberScope;
  request: SuggestionRequest;
  dedupeKey: string | null;
  input: PlannerInput;
  goalId: string | null;
  examples: FewShotExample[];
  status: "proposed" | "pending_coach";
  acceptance: number;
}

export type Preparation = { prepared: Prepared } | { existingId: string } | { nothing: string };

interface WorkspaceRules {
  entitlements: EntitlementSnapshot;
  threshold: number;
  /** The dunning ladder's inputs (docs/domain.md "Dunning"). */
  billing: DunningInput;
}

async function workspaceRules(tx: Tx, workspaceId: string): Promise<WorkspaceRules> {
  const w = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      entitlements: true,
      aiAcceptanceThreshold: true,
      subscription: { select: { status: true, pastDueSince: true } },
    },
  });
  return {
    entitlements: w.entitlements as unknown as EntitlementSnapshot,
    threshold: Number(w.aiAcceptanceThreshold),
    billing: {
      status: w.subscription?.status ?? null,
      pastDueSince: w.subscription?.pastDueSince ?? null,
    },
  };
}

async function existingByKey(
  tx: Tx,
  scope: MemberScope,
  dedupeKey: string | null,
  request: SuggestionRequest,
): Promise<string | null> {
  if (dedupeKey === null) return null;
  const found = await tx.aiSuggestion.findUnique({
    where: { workspaceId_dedupeKey: { workspaceId: scope.workspaceId, dedupeKey } },
    select: { id: true, memberId: true, type: true, goalId: true },
  });
  if (found === null) return null;
  const goalId = request.type === "decompose_goal" ? request.goalId : null;
  if (found.memberId !== scope.memberId || found.type !== request.type || found.goalId !== goalId) {
    throw new AppError(
      "CONFLICT",
      `The idempotency key was already used for a different request. Send a new key for a new request.`,
    );
  }
  return found.id;
}

/**
 * Who waits for the coach (docs/domain.md "AI suggestions" → "Routing"): a member (not a coach,
 * admin or owner, who may approve suggestions themself) whose acceptance of this job is below the
 * workspace's threshold, in a workspace whose plan has the approval queue.
 */
function routeOf(
  role: string,
  acceptanceBelow: boolean,
  rules: WorkspaceRules,
): Prepared["status"] {
  return role === "member" && acceptanceBelow && isEntitled(rules.entitlements, "approval_queue")
    ? "pending_coach"
    : "proposed";
}

export async function prepareSuggestion(
  db: TenantDb,
  scope: MemberScope,
  now: Date,
  request: SuggestionRequest,
  options: PipelineOptions,
): Promise<Preparation> {
  return inSnapshot(db, async (tx) => {
    const existingId = await existingByKey(tx, scope, options.dedupeKey, request);
    if (existingId !== null) return { existingId };
    const rules = await workspaceRules(tx, scope.workspaceId);
    // Paused by a failing payment: a job's suggestion is skipped, a request refused (402).
    const refusal = dunningRefusal(dunningStage(rules.billing, now), "ai_suggestion");
    if (refusal !== null && options.scheduled) return { nothing: refusal };
    assertBillingAllows(rules.billing, "ai_suggestion", now);
    const quota = await aiQuota(tx, scope.workspaceId, rules.entitlements, now);
    if (options.scheduled && quota.limit !== null && quota.used >= quota.limit) {
      return { nothing: "This month's AI suggestions are used." };
    }
    assertQuotaLeft(rules.entitlements, quota);
    const membership = await tx.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: scope.workspaceId, userId: scope.memberId } },
      select: { role: true },
    });
    const learned = await loadLearning(tx, scope, request.type);
    const snapshot = await buildSnapshot(
      tx,
      scope,
      now,
      request,
      learned.preferences,
      options.scheduled,
    );
    if ("nothing" in snapshot) {
      if (options.scheduled) return { nothing: snapshot.nothing };
      throw new AppError("PRECONDITION_FAILED", snapshot.nothing);
    }
    return {
      prepared: {
        scope,
        request,
        dedupeKey: options.dedupeKey,
        input: snapshot.input,
        goalId: snapshot.goalId,
        examples: learned.examples,
        status: routeOf(
          membership.role,
          needsCoachApproval(learned.counts, rules.threshold),
          rules,
        ),
        acceptance: learned.acceptance,
      },
    };
  });
}

export function planSuggestion(
  planner: SuggestionPlanner,
  prepared: Prepared,
): Promise<PlanAnswer> {
  return planner.plan(prepared.input, { examples: prepared.examples });
}

/** Stores the planned suggestion; returns its id (an existing one under the same dedupe key). */
export async function storeSuggestion(
  db: TenantDb,
  now: Date,
  prepared: Prepared,
  answer: PlanAnswer,
): Promise<string> {
  const { scope } = prepared;
  return db.$transaction(async (tx) => {
    // One writer per workspace at a time: the month's count cannot be overrun by a race.
    await lockName(tx, `ai-quota:${scope.workspaceId}`);
    const existingId = await existingByKey(tx, scope, prepared.dedupeKey, prepared.request);
    if (existingId !== null) return existingId;
    const rules = await workspaceRules(tx, scope.workspaceId);
    assertQuotaLeft(
      rules.entitlements,
      await aiQuota(tx, scope.workspaceId, rules.entitlements, now),
    );
    // A newer suggestion of the same kind replaces the undecided ones (docs/domain.md "AI suggestions").
    await tx.aiSuggestion.updateMany({
      where: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        type: prepared.input.job,
        goalId: prepared.goalId,
        status: { in: ["proposed", "pending_coach"] },
      },
      data: { status: "expired", updatedAt: now },
    });
    const created = await tx.aiSuggestion.create({
      data: {
        workspaceId: scope.workspaceId,
        memberId: scope.memberId,
        type: prepared.input.job,
        status: prepared.status,
        goalId: prepared.goalId,
        dedupeKey: prepared.dedupeKey,
        inputSnapshot: prepared.input as Prisma.InputJsonValue,
        provider: answer.provider,
        model: answer.model,
        promptVersion: answer.promptVersion,
        fallbackReason: answer.fallbackReason,
        output: answer.result as Prisma.InputJsonValue,
        promptTokens: answer.usage.promptTokens,
        completionTokens: answer.usage.completionTokens,
        costMicroUsd: answer.usage.costMicroUsd,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    return created.id;
  });
}

/**
 * The member asks (the API): the three steps in one request. The planner's own timeout bounds
 * the wait; a model that fails or is slow is answered by the local planner.
 */
export async function requestSuggestion(
  db: TenantDb,
  scope: MemberScope,
  now: Date,
  planner: SuggestionPlanner,
  request: SuggestionRequest,
  dedupeKey: string | null,
): Promise<SuggestionView> {
  const preparation = await prepareSuggestion(db, scope, now, request, {
    dedupeKey,
    scheduled: false,
  });
  let id: string;
  if ("existingId" in preparation) id = preparation.existingId;
  else if ("nothing" in preparation) throw new AppError("PRECONDITION_FAILED", preparation.nothing);
  else {
    const answer = await planSuggestion(planner, preparation.prepared);
    id = await storeSuggestion(db, now, preparation.prepared, answer);
  }
  return db.$transaction(async (tx) => readView(tx, (await readSuggestion(tx, id))!));
}
