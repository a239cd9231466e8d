/**
 * A member's AI suggestions as the web app shows them (docs/domain.md "AI suggestions" →
 * "History"): their own only, newest first, a page at a time (keyset on id), each with what it
 * proposed (after a coach's review), what was decided per item, and who reviewed it. A suggestion
 * still waiting for the coach shows no items to its member: the coach decides what they see.
 */
import type { Prisma, TenantDb, TenantTx as Tx } from "@atlas/db";
import { AppError } from "../../errors.ts";
import type { PlannerJob } from "../../planner/types.ts";
import type { Preview } from "../../suggestions/items.ts";
import type { Actor } from "../access/access.ts";
import { pageFrom, type Page } from "../shared/pagination.ts";
import {
  shownPreview,
  storedSuggestion,
  SUGGESTION_SELECT,
  type StoredDecision,
  type StoredSuggestion,
  type SuggestionStatus,
} from "./stored.ts";

export interface SuggestionSummary {
  id: string;
  type: PlannerJob;
  status: SuggestionStatus;
  goalId: string | null;
  createdAt: string;
  decidedAt: string | null;
  provider: string;
  model: string;
  promptVersion: string;
  /** Why the local planner answered instead of the model; null when the model did (or none is set). */
  fallbackReason: string | null;
  /** Millionths of a US dollar; null when the model's price is unknown. */
  costMicroUsd: number | null;
  tokens: { prompt: number; completion: number };
  /** Items that would change the plans, and how they were decided (zeros while undecided). */
  counts: { items: number; accepted: number; edited: number; rejected: number; stale: number };
  /** Set once a coach reviewed it in the approval queue. */
  review: { reviewerName: string | null; reviewedAt: string; note: string | null } | null;
}

export interface SuggestionView extends SuggestionSummary {
  /** What the member reviews; null while the suggestion waits for the coach. */
  preview: Preview | null;
  /** The decision per item once decided, with what each created or moved, or why it was stale. */
  decisions: StoredDecision[] | null;
}

function counts(s: StoredSuggestion, preview: Preview | null): SuggestionSummary["counts"] {
  const out = { items: preview?.items.length ?? 0, accepted: 0, edited: 0, rejected: 0, stale: 0 };
  for (const d of s.decisions ?? []) {
    if ("stale" in d.outcome) out.stale += 1;
    else out[d.decision] += 1;
  }
  return out;
}

function summaryOf(
  s: StoredSuggestion,
  preview: Preview | null,
  reviewerName: string | null,
): SuggestionSummary {
  return {
    id: s.id,
    type: s.type,
    status: s.status,
    goalId: s.goalId,
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
    provider: s.provider,
    model: s.model,
    promptVersion: s.promptVersion,
    fallbackReason: s.fallbackReason,
    costMicroUsd: s.costMicroUsd,
    tokens: { prompt: s.promptTokens, completion: s.completionTokens },
    counts: counts(s, preview),
    review:
      s.reviewedAt === null
        ? null
        : { reviewerName, reviewedAt: s.reviewedAt.toISOString(), note: s.reviewNote },
  };
}

async function reviewerNames(tx: Tx, rows: readonly StoredSuggestion[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.reviewedById === null ? [] : [r.reviewedById])))];
  if (ids.length === 0) return new Map<string, string>();
  const users = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The suggestion as its member sees it (no items while it waits for the coach). */
export function viewOf(s: StoredSuggestion, reviewerName: string | null): SuggestionView {
  const preview = s.status === "pending_coach" ? null : shownPreview(s);
  return { ...summaryOf(s, preview, reviewerName), preview, decisions: s.decisions };
}

/** The caller's own suggestion, else NOT_FOUND (another member's is not theirs to see here). */
export async function ownSuggestion(tx: Tx, actor: Actor, id: string): Promise<StoredSuggestion> {
  const row = await tx.aiSuggestion.findFirst({
    where: { id, workspaceId: actor.workspaceId, memberId: actor.userId },
    select: SUGGESTION_SELECT,
  });
  if (row === null) throw new AppError("NOT_FOUND", "There is no such suggestion among yours.");
  return storedSuggestion(row);
}

export async function readView(tx: Tx, s: StoredSuggestion): Promise<SuggestionView> {
  const names = await reviewerNames(tx, [s]);
  return viewOf(s, s.reviewedById === null ? null : (names.get(s.reviewedById) ?? null));
}

export async function getSuggestion(
  db: TenantDb,
  actor: Actor,
  id: string,
): Promise<SuggestionView> {
  return db.$transaction(async (tx) => readView(tx, await ownSuggestion(tx, actor, id)));
}

export interface ListSuggestionsInput {
  type?: PlannerJob;
  status?: SuggestionStatus[];
  goalId?: string;
  /** The last id of the previous page (newest first). */
  cursor?: string;
  limit: number;
}

/** The caller's suggestions, newest first, with their previews. */
export async function listSuggestions(
  db: TenantDb,
  actor: Actor,
  input: ListSuggestionsInput,
): Promise<Page<SuggestionView>> {
  const { rows, names } = await db.$transaction(async (tx) => {
    const where: Prisma.AiSuggestionWhereInput = {
      workspaceId: actor.workspaceId,
      memberId: actor.userId,
      ...(input.cursor === undefined ? {} : { id: { lt: input.cursor } }),
      ...(input.type === undefined ? {} : { type: input.type }),
      ...(input.status === undefined ? {} : { status: { in: input.status } }),
      ...(input.goalId === undefined ? {} : { goalId: input.goalId }),
    };
    const rows = (
      await tx.aiSuggestion.findMany({
        where,
        orderBy: { id: "desc" },
        take: input.limit + 1,
        select: SUGGESTION_SELECT,
      })
    ).map(storedSuggestion);
    return { rows, names: await reviewerNames(tx, rows.slice(0, input.limit)) };
  });
  const views = rows.map((s) =>
    viewOf(s, s.reviewedById === null ? null : (names.get(s.reviewedById) ?? null)),
  );
  return pageFrom(views, input.limit, (v) => v.id);
}
