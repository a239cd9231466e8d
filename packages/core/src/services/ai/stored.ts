/**
 * An AI suggestion as stored (docs/domain.md "AI suggestions"), read back into the planner's
 * types, and shaped for the member's and the coach's screens. One loader for every reader.
 */
import type { Prisma } from "@atlas/db";
import type { TenantTx as Tx } from "@atlas/db";
import { z } from "zod";
import {
  ZPlannerInput,
  ZPlannerResult,
  type PlannerInput,
  type PlannerJob,
  type PlannerResult,
} from "../../planner/types.ts";
import {
  keptResult,
  previewOf,
  ZItemEdit,
  type DecidedItem,
  type Preview,
} from "../../suggestions/items.ts";

export type SuggestionStatus =
  "proposed" | "pending_coach" | "accepted" | "edited" | "rejected" | "expired";

/** What accepting one item did: the row it created or changed, or why it was left alone. */
export type ItemOutcome =
  | { applied: { type: "milestone" | "task" | "habit"; id: string } }
  | { stale: string }
  | { applied: null };

/** An item's decision as the suggestion stores it (`decisions`). */
export interface StoredDecision extends DecidedItem {
  outcome: ItemOutcome;
}

const ZStoredDecision = z.object({
  key: z.string(),
  decision: z.enum(["accepted", "edited", "rejected"]),
  edit: ZItemEdit.nullable(),
  outcome: z.union([
    z.object({
      applied: z.object({ type: z.enum(["milestone", "task", "habit"]), id: z.string() }),
    }),
    z.object({ stale: z.string() }),
    z.object({ applied: z.null() }),
  ]),
});
const ZReviewDecision = ZStoredDecision.omit({ outcome: true });

export const SUGGESTION_SELECT = {
  id: true,
  workspaceId: true,
  memberId: true,
  type: true,
  status: true,
  goalId: true,
  inputSnapshot: true,
  provider: true,
  model: true,
  promptVersion: true,
  fallbackReason: true,
  output: true,
  editedOutput: true,
  promptTokens: true,
  completionTokens: true,
  costMicroUsd: true,
  decisions: true,
  decidedById: true,
  decidedAt: true,
  reviewDecisions: true,
  reviewedById: true,
  reviewedAt: true,
  reviewNote: true,
  createdAt: true,
} as const satisfies Prisma.AiSuggestionSelect;

type Row = Prisma.AiSuggestionGetPayload<{ select: typeof SUGGESTION_SELECT }>;

export interface StoredSuggestion {
  id: string;
  workspaceId: string;
  memberId: string;
  type: PlannerJob;
  status: SuggestionStatus;
  goalId: string | null;
  input: PlannerInput;
  /** The fitted result as the planner produced it. */
  output: PlannerResult;
  /** What the member kept, when it differs from the output. */
  editedOutput: PlannerResult | null;
  provider: string;
  model: string;
  promptVersion: string;
  fallbackReason: string | null;
  promptTokens: number;
  completionTokens: number;
  costMicroUsd: number | null;
  decisions: StoredDecision[] | null;
  decidedById: string | null;
  decidedAt: Date | null;
  reviewDecisions: DecidedItem[] | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  createdAt: Date;
}

export function storedSuggestion(row: Row): StoredSuggestion {
  return {
    ...row,
    type: row.type,
    input: ZPlannerInput.parse(row.inputSnapshot),
    output: ZPlannerResult.parse(row.output),
    editedOutput: row.editedOutput === null ? null : ZPlannerResult.parse(row.editedOutput),
    decisions: row.decisions === null ? null : z.array(ZStoredDecision).parse(row.decisions),
    reviewDecisions:
      row.reviewDecisions === null ? null : z.array(ZReviewDecision).parse(row.reviewDecisions),
  };
}

export async function readSuggestion(tx: Tx, id: string): Promise<StoredSuggestion | null> {
  const row = await tx.aiSuggestion.findUnique({ where: { id }, select: SUGGESTION_SELECT });
  return row === null ? null : storedSuggestion(row);
}

/** The result the member is shown: the output, with the coach's review applied when there was one. */
export function shownResult(s: StoredSuggestion): PlannerResult {
  return s.reviewDecisions === null ? s.output : keptResult(s.input, s.output, s.reviewDecisions);
}

/** What the member reviews (after the coach's review, if any). */
export function shownPreview(s: StoredSuggestion): Preview {
  return previewOf(s.input, shownResult(s));
}

/** What the member kept: the edited output, else the output as shown. */
export function keptOf(s: StoredSuggestion): PlannerResult {
  return s.editedOutput ?? shownResult(s);
}
