/**
 * Review, then change (docs/domain.md "AI suggestions" → "Review, then change"): the member accepts, edits or
 * rejects each item, or all at once, and only then do their plans change, through the plan
 * services as any edit would (a milestone, task or habit created, a task's day moved, a habit's
 * smaller step written as a version from today), with the actor's source `ai`.
 *
 * One transaction per decision, under the suggestion's lock: the decision is checked against what
 * the member was shown, every kept item is checked against the plans as they are now (an item
 * whose task was done, cancelled, archived or moved since, or whose day has passed, is reported
 * stale and left alone), then applied, each on its own idempotency key (the suggestion's id and
 * the item's key, docs/domain.md "Idempotency"), and the decision is stored. A decision is final:
 * the same decision again answers as the first did and changes nothing (a double click); another
 * one is a CONFLICT.
 */
import type { TenantDb, TenantTx as Tx } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import { AppError } from "../../errors.ts";
import {
  decideItems,
  editedAction,
  keptResult,
  statusOf,
  type DecidedItem,
  type ItemAction,
  type ItemDecisionInput,
  type SuggestionItem,
} from "../../suggestions/items.ts";
import { canonicalJson, withIdempotencyIn } from "../shared/idempotency.ts";
import { lockName } from "../shared/locks.ts";
import { loadMember, todayOf, type Actor } from "../access/access.ts";
import { createMilestoneIn } from "../plans/goals.ts";
import { createHabitIn, habitFor, updateHabitIn, type ScheduleIn } from "../plans/habits.ts";
import { createTaskIn, doneDays, taskFor, taskOut, updateTaskIn } from "../plans/tasks.ts";
import { ownSuggestion, readView, type SuggestionView } from "./read.ts";
import {
  readSuggestion,
  shownPreview,
  shownResult,
  type ItemOutcome,
  type StoredDecision,
  type StoredSuggestion,
} from "./stored.ts";
import type { Prisma } from "@atlas/db";

export type DecisionRequest = { all: "accept" | "reject" } | { items: ItemDecisionInput[] };

export interface DecideOut {
  suggestion: SuggestionView;
  /** Items that changed the plans. */
  applied: number;
  /** Items kept but left alone, and why. */
  stale: { key: string; reason: string }[];
}

/** The idempotency key of one item's change: the suggestion's id and the item's key. */
export const applyKey = (suggestionId: string, itemKey: string) => `ai:${suggestionId}:${itemKey}`;

const sameDecision = (a: readonly DecidedItem[], b: readonly DecidedItem[]) =>
  canonicalJson(a.map(({ key, decision, edit }) => ({ key, decision, edit }))) ===
  canonicalJson(b.map(({ key, decision, edit }) => ({ key, decision, edit })));

function outcomeOf(s: StoredSuggestion, view: SuggestionView): DecideOut {
  const decisions = s.decisions ?? [];
  return {
    suggestion: view,
    applied: decisions.filter((d) => "applied" in d.outcome && d.outcome.applied !== null).length,
    stale: decisions.flatMap((d) =>
      "stale" in d.outcome ? [{ key: d.key, reason: d.outcome.stale }] : [],
    ),
  };
}

/** Creates first (milestones, tasks, habits, in the order shown), then moves and steps by id. */
function applyOrder(a: SuggestionItem, b: SuggestionItem): number {
  const rank = (i: SuggestionItem) => (i.action.kind.startsWith("add_") ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return rank(a) === 0 ? 0 : a.key < b.key ? -1 : 1;
}

const SCHEDULE: Record<
  string,
  (s: Extract<ItemAction, { kind: "add_habit" }>["schedule"]) => ScheduleIn
> = {
  daily: () => ({ type: "daily" }),
  days_of_week: (s) => ({ type: "days_of_week", daysOfWeek: s.daysOfWeek ?? [1, 2, 3, 4, 5] }),
  times_per_week: (s) => ({ type: "times_per_week", timesPerWeek: s.timesPerWeek ?? 3 }),
};

interface ApplyContext {
  tx: Tx;
  actor: Actor;
  now: Date;
  today: LocalDate;
  suggestion: StoredSuggestion;
  goalArchived: boolean;
}

/** Why a kept item can no longer be applied as shown, or null. */
async function staleReason(c: ApplyContext, action: ItemAction): Promise<string | null> {
  switch (action.kind) {
    case "add_milestone":
    case "add_task":
    case "add_habit":
      return c.goalArchived ? "the goal was archived" : null;
    case "move_task": {
      const { row } = await taskFor(c.tx, c.actor, action.taskId, "read");
      const done = await doneDays(c.tx, [row.id]);
      const task = taskOut(row, c.today, done.get(row.id) ?? null);
      if (task.isArchived) return "the task was archived";
      if (task.status === "done") return "the task was done since";
      if (task.status === "cancelled") return "the task was cancelled";
      if (task.scheduledDate !== action.from) {
        return `the task was moved since (now ${task.scheduledDate ?? "undated"})`;
      }
      if (action.to < c.today) return `its new day ${action.to} has passed`;
      return null;
    }
    case "smaller_step": {
      const { row } = await habitFor(c.tx, c.actor, action.habitId, "read");
      if (row.archivedAt !== null) return "the habit was archived";
      return null;
    }
  }
}

async function applyItem(
  c: ApplyContext,
  item: SuggestionItem,
  action: ItemAction,
): Promise<ItemOutcome> {
  const { tx, now, suggestion } = c;
  const actor: Actor = { ...c.actor, source: "ai" };
  const idempotencyKey = applyKey(suggestion.id, item.key);
  const goalId = suggestion.goalId;
  switch (action.kind) {
    case "add_milestone": {
      const goal = await createMilestoneIn(tx, actor, now, {
        goalId: goalId!,
        idempotencyKey,
        title: action.title.trim(),
      });
      return { applied: { type: "milestone", id: goal.milestones.at(-1)!.id } };
    }
    case "add_task": {
      const task = await createTaskIn(tx, actor, now, {
        idempotencyKey,
        title: action.title.trim(),
        notes: action.notes ?? "",
        goalId,
        status: "todo",
        priority: action.priority,
        dueDate: null,
        plannedDate: null,
        estimateMinutes: action.estimateMinutes,
      });
      return { applied: { type: "task", id: task.id } };
    }
    case "add_habit": {
      const habit = await createHabitIn(tx, actor, now, {
        idempotencyKey,
        title: action.title.trim(),
        goalId,
        schedule: SCHEDULE[action.schedule.kind]!(action.schedule),
        target: null,
        durationMinutes: action.durationMinutes,
        startDate: null,
      });
      return { applied: { type: "habit", id: habit.id } };
    }
    case "move_task":
      return withIdempotencyIn(
        tx,
        {
          workspaceId: actor.workspaceId,
          key: idempotencyKey,
          scope: "ai.move_task",
          actorId: actor.userId,
          body: { taskId: action.taskId, to: action.to },
        },
        async (tx) => {
          const due = action.dueDate;
          if (due !== null && due < action.to && due >= c.today) {
            throw new AppError(
              "BAD_REQUEST",
              `"${action.title}" cannot move to ${action.to}: its due date is ${due}.`,
              { key: item.key },
            );
          }
          await updateTaskIn(tx, actor, now, {
            taskId: action.taskId,
            plannedDate: action.to,
            // A deadline already passed moves with the task (docs/domain.md "Read models").
            ...(due !== null && due < c.today && { dueDate: action.to }),
          });
          return { applied: { type: "task" as const, id: action.taskId } };
        },
      );
    case "smaller_step":
      return withIdempotencyIn(
        tx,
        {
          workspaceId: actor.workspaceId,
          key: idempotencyKey,
          scope: "ai.smaller_step",
          actorId: actor.userId,
          body: { habitId: action.habitId, duration: action.durationTo, target: action.targetTo },
        },
        async (tx) => {
          const { row } = await habitFor(tx, actor, action.habitId, "write");
          const current = row.versions.at(-1)!;
          const target =
            action.targetTo === null ||
            current.targetUnit === null ||
            current.targetDirection === null
              ? undefined
              : {
                  value: action.targetTo,
                  unit: current.targetUnit,
                  direction: current.targetDirection,
                };
          await updateHabitIn(tx, actor, now, {
            habitId: action.habitId,
            durationMinutes: action.durationTo,
            ...(target !== undefined && { target }),
          });
          return { applied: { type: "habit" as const, id: action.habitId } };
        },
      );
  }
}

export async function decideSuggestion(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { id: string; decision: DecisionRequest },
): Promise<DecideOut> {
  return db.$transaction(async (tx) => {
    await lockName(tx, `suggestion:${input.id}`);
    const s = await ownSuggestion(tx, actor, input.id);
    if (s.status === "pending_coach") {
      throw new AppError(
        "PRECONDITION_FAILED",
        "This suggestion is waiting for your coach's review.",
      );
    }
    if (s.status === "expired") {
      throw new AppError(
        "PRECONDITION_FAILED",
        "This suggestion has expired: a newer one replaced it.",
      );
    }
    const preview = shownPreview(s);
    const decided = decideItems(preview, input.decision);
    if (s.status !== "proposed") {
      if (s.decisions !== null && sameDecision(s.decisions, decided)) {
        return outcomeOf(s, await readView(tx, s));
      }
      throw new AppError(
        "CONFLICT",
        `This suggestion was already decided (${s.status}); a decision is final.`,
      );
    }
    const member = await loadMember(tx, actor.workspaceId, actor.userId);
    const goal =
      s.goalId === null
        ? null
        : await tx.goal.findUnique({ where: { id: s.goalId }, select: { status: true } });
    const context: ApplyContext = {
      tx,
      actor,
      now,
      today: todayOf(member, now),
      suggestion: s,
      goalArchived: goal?.status === "archived",
    };
    const byKey = new Map(decided.map((d) => [d.key, d]));
    const outcomes = new Map<string, ItemOutcome>();
    for (const item of [...preview.items].sort(applyOrder)) {
      const d = byKey.get(item.key)!;
      if (d.decision === "rejected") {
        outcomes.set(item.key, { applied: null });
        continue;
      }
      const action = editedAction(item, d.edit);
      const stale = await staleReason(context, action);
      outcomes.set(item.key, stale === null ? await applyItem(context, item, action) : { stale });
    }
    const decisions: StoredDecision[] = decided.map((d) => ({
      ...d,
      outcome: outcomes.get(d.key)!,
    }));
    const status = statusOf(decided);
    await tx.aiSuggestion.update({
      where: { id: s.id },
      data: {
        status,
        decisions: decisions as unknown as Prisma.InputJsonValue,
        editedOutput:
          status === "edited"
            ? (keptResult(s.input, shownResult(s), decided) as Prisma.InputJsonValue)
            : undefined,
        decidedById: actor.userId,
        decidedAt: now,
        updatedAt: now,
      },
    });
    const stored = (await readSuggestion(tx, s.id))!;
    const out = outcomeOf(stored, await readView(tx, stored));
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: `ai_suggestion.${status}`,
        targetType: "AiSuggestion",
        targetId: s.id,
        metadata: {
          type: s.type,
          applied: out.applied,
          stale: out.stale.length,
          source: actor.source,
        },
        createdAt: now,
      },
    });
    return out;
  });
}
