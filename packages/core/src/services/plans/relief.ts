/**
 * Applying overload relief (docs/domain.md "Overload"): the moves the dashboard proposed, checked
 * against relief recomputed now, then applied as task edits through the task-update service (each
 * a new version from the owner's today, refreshing derived data). Idempotent on the client's key.
 */
import { AppError, planRelief } from "@atlas/core";
import type { TenantDb } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import type { Actor } from "../access/access.ts";
import { withIdempotency } from "../shared/idempotency.ts";
import { lockName } from "../shared/locks.ts";
import { loadSnapshot } from "../views/member-view.ts";
import { taskFor, updateTaskIn } from "./tasks.ts";

export interface ReliefMoveIn {
  taskId: string;
  from: LocalDate;
  to: LocalDate;
}

const moveKey = (m: ReliefMoveIn) => `${m.taskId}|${m.from}|${m.to}`;

/** The same moves, in any order. */
function isSameRelief(a: readonly ReliefMoveIn[], b: readonly ReliefMoveIn[]): boolean {
  const keys = new Set(a.map(moveKey));
  return a.length === b.length && b.every((m) => keys.has(moveKey(m)));
}

export async function applyRelief(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { idempotencyKey: string; moves: ReliefMoveIn[] },
): Promise<{ moved: number }> {
  return withIdempotency(
    db,
    {
      workspaceId: actor.workspaceId,
      key: input.idempotencyKey,
      scope: "overload.applyRelief",
      actorId: actor.userId,
      body: { moves: input.moves },
    },
    async (tx) => {
      // Every named task locked first, in one order: the relief below reads what earlier writers
      // committed, and two applies (or an apply and a check-in) never wait on each other crosswise.
      const taskIds = input.moves.map((m) => m.taskId).sort();
      for (const taskId of taskIds) {
        await lockName(tx, `item:${taskId}`);
        await taskFor(tx, actor, taskId, "write");
      }
      const { context, today } = await loadSnapshot(tx, actor.workspaceId, actor.userId, now);
      const proposed = planRelief(context.history, today).moves.map((m) => ({
        taskId: m.taskId,
        from: m.fromDate,
        to: m.toDate,
      }));
      if (!isSameRelief(proposed, input.moves)) {
        throw new AppError("CONFLICT", "The plan changed; review the new proposal.", {
          proposed,
        });
      }
      for (const move of input.moves) {
        await updateTaskIn(tx, actor, now, { taskId: move.taskId, plannedDate: move.to });
      }
      return { moved: input.moves.length };
    },
  );
}
