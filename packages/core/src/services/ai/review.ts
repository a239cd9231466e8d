/**
 * The coach's approval queue (docs/domain.md "AI suggestions" → "The approval queue"): the
 * suggestions waiting for a coach in every workspace the caller owns, administers or coaches and
 * whose plan has the queue, oldest first, each as the diff of what it would change; approving
 * (optionally with per-item edits or removals) hands it to the member as proposed, rejecting
 * decides it. Either may carry a note the member reads. The queue reads through the console's
 * read-only client; a review writes through a client bound to the suggestion's workspace as the
 * coach, and the database lets only a coach, admin or owner of it leave the queue
 * (migration 20261206140000_ai_suggestions).
 */
import type { Prisma, TenantDb } from "@atlas/db";
import { AppError } from "../../errors.ts";
import {
  isEntitled,
  notEntitledMessage,
  type EntitlementSnapshot,
} from "../../billing/plan-catalog.ts";
import type { PlannerJob } from "../../planner/types.ts";
import {
  decideItems,
  previewOf,
  statusOf,
  type ItemDecisionInput,
  type Preview,
} from "../../suggestions/items.ts";
import { forbidden, may, type Actor } from "../access/access.ts";
import { lockName } from "../shared/locks.ts";
import { pageArgs, pageFrom, type Page } from "../shared/pagination.ts";
import { storedSuggestion, SUGGESTION_SELECT } from "./stored.ts";

export interface QueueItem {
  id: string;
  workspace: { id: string; name: string };
  member: { id: string; name: string };
  type: PlannerJob;
  createdAt: string;
  provider: string;
  model: string;
  fallbackReason: string | null;
  /** What approving would hand the member: each change, what stays, what did not fit. */
  preview: Preview;
}

/** The workspaces of `coached` whose plan has the approval queue; PAYMENT_REQUIRED when none has. */
export async function queueWorkspaces(
  consoleDb: TenantDb,
  coached: readonly string[],
): Promise<{ id: string; name: string }[]> {
  const rows = await consoleDb.workspace.findMany({
    where: { id: { in: [...coached] } },
    select: { id: true, name: true, entitlements: true },
    orderBy: { id: "asc" },
  });
  const open = rows.filter((w) =>
    isEntitled(w.entitlements as unknown as EntitlementSnapshot, "approval_queue"),
  );
  if (open.length === 0 && rows.length > 0) {
    throw new AppError(
      "PAYMENT_REQUIRED",
      notEntitledMessage(rows[0]!.entitlements as unknown as EntitlementSnapshot, "approval_queue"),
      { feature: "approval_queue" },
    );
  }
  return open.map(({ id, name }) => ({ id, name }));
}

export async function listApprovalQueue(
  consoleDb: TenantDb,
  coached: readonly string[],
  input: { cursor?: string; limit: number; workspaceId?: string },
): Promise<Page<QueueItem>> {
  const workspaces = await queueWorkspaces(consoleDb, coached);
  const ids = workspaces
    .map((w) => w.id)
    .filter((id) => input.workspaceId === undefined || id === input.workspaceId);
  const { rows, names } = await consoleDb.$transaction(async (tx) => {
    const page = pageArgs(input.cursor, input.limit);
    const rows = await tx.aiSuggestion.findMany({
      ...page,
      where: { ...page.where, workspaceId: { in: ids }, status: "pending_coach" },
      select: SUGGESTION_SELECT,
    });
    const users = await tx.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.memberId))] } },
      select: { id: true, name: true },
    });
    return { rows, names: new Map(users.map((u) => [u.id, u.name])) };
  });
  const workspaceName = new Map(workspaces.map((w) => [w.id, w.name]));
  const items = rows.map((row): QueueItem => {
    const s = storedSuggestion(row);
    return {
      id: s.id,
      workspace: { id: s.workspaceId, name: workspaceName.get(s.workspaceId) ?? "" },
      member: { id: s.memberId, name: names.get(s.memberId) ?? "" },
      type: s.type,
      createdAt: s.createdAt.toISOString(),
      provider: s.provider,
      model: s.model,
      fallbackReason: s.fallbackReason,
      preview: previewOf(s.input, s.output),
    };
  });
  return pageFrom(items, input.limit, (i) => i.id);
}

export interface ReviewInput {
  ids: string[];
  decision: "approve" | "reject";
  note: string | null;
  /** One suggestion only: the coach's per-item decisions before approving (edits, removals). */
  items?: ItemDecisionInput[];
}

export interface ReviewOut {
  reviewed: { id: string; status: "proposed" | "rejected" }[];
}

/**
 * Approves or rejects suggestions of one workspace in the queue, in bulk, with one note. A
 * suggestion already reviewed the same way answers as it stands (a retried click); one decided
 * otherwise is a CONFLICT, and nothing of the batch changes.
 */
export async function reviewSuggestions(
  db: TenantDb,
  actor: Actor,
  entitlements: EntitlementSnapshot,
  now: Date,
  input: ReviewInput,
): Promise<ReviewOut> {
  if (!may(actor, "approveSuggestions")) throw forbidden(actor, "approveSuggestions");
  if (!isEntitled(entitlements, "approval_queue")) {
    throw new AppError("PAYMENT_REQUIRED", notEntitledMessage(entitlements, "approval_queue"), {
      feature: "approval_queue",
    });
  }
  if (input.items !== undefined && input.ids.length !== 1) {
    throw new AppError("BAD_REQUEST", "Edit the items of one suggestion at a time.");
  }
  return db.$transaction(async (tx) => {
    const reviewed: ReviewOut["reviewed"] = [];
    for (const id of [...new Set(input.ids)].sort()) {
      await lockName(tx, `suggestion:${id}`);
      const row = await tx.aiSuggestion.findFirst({
        where: { id, workspaceId: actor.workspaceId },
        select: SUGGESTION_SELECT,
      });
      if (row === null)
        throw new AppError("NOT_FOUND", "There is no such suggestion in this workspace.");
      const s = storedSuggestion(row);
      const reviewDecisions =
        input.items === undefined
          ? null
          : decideItems(previewOf(s.input, s.output), { items: input.items });
      const status =
        input.decision === "reject" ||
        (reviewDecisions !== null && statusOf(reviewDecisions) === "rejected")
          ? "rejected"
          : "proposed";
      if (s.status !== "pending_coach") {
        if (s.reviewedById === actor.userId && s.status === status) {
          reviewed.push({ id, status });
          continue;
        }
        throw new AppError(
          "CONFLICT",
          `This suggestion is no longer waiting for a coach (it is ${s.status}).`,
          { id },
        );
      }
      await tx.aiSuggestion.update({
        where: { id },
        data: {
          status,
          reviewedById: actor.userId,
          reviewedAt: now,
          reviewNote: input.note,
          reviewDecisions:
            status === "proposed" && reviewDecisions !== null
              ? (reviewDecisions as unknown as Prisma.InputJsonValue)
              : undefined,
          ...(status === "rejected" && { decidedById: actor.userId, decidedAt: now }),
          updatedAt: now,
        },
      });
      await tx.auditLog.create({
        data: {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action:
            status === "proposed" ? "ai_suggestion.approved" : "ai_suggestion.rejected_by_coach",
          targetType: "AiSuggestion",
          targetId: id,
          metadata: {
            memberId: s.memberId,
            edited: reviewDecisions !== null,
            hasNote: input.note !== null,
            source: actor.source,
          },
          createdAt: now,
        },
      });
      reviewed.push({ id, status });
    }
    return { reviewed };
  });
}
