/**
 * Rescheduling every overdue task to today (docs/domain.md "When an item is due"): Today lists only the
 * most recent overdue tasks, and this moves them all at once. Each move is a task edit through the
 * task-update service (a new version from the owner's today, refreshing derived data); a deadline
 * already passed moves to today with it (a plan may not come after its deadline). Idempotent on
 * the client's key.
 */
import { memberNow, versionOn } from "@atlas/core";
import type { TenantDb } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import type { Actor } from "../access/access.ts";
import { withIdempotency } from "../shared/idempotency.ts";
import { lockName } from "../shared/locks.ts";
import { loadSnapshot } from "../views/member-view.ts";
import { updateTaskIn } from "./tasks.ts";

export async function rescheduleOverdue(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { idempotencyKey: string },
): Promise<{ moved: number; localDate: LocalDate }> {
  return withIdempotency(
    db,
    {
      workspaceId: actor.workspaceId,
      key: input.idempotencyKey,
      scope: "task.rescheduleOverdue",
      actorId: actor.userId,
      body: {},
    },
    async (tx) => {
      const overdueNow = async () => {
        const { context, today, resume } = await loadSnapshot(
          tx,
          actor.workspaceId,
          actor.userId,
          now,
        );
        const view = memberNow(context.history, today, { from: today, resume });
        return { today, open: view.overdue.filter((t) => t.doneOn === null).map((t) => t.task) };
      };
      // Every task locked first, in one order (as a check-in locks its item before the member's
      // derived rows), then read again: what a check-in completed meanwhile is left alone.
      const locked = (await overdueNow()).open.map((t) => t.id).sort();
      for (const taskId of locked) await lockName(tx, `item:${taskId}`);
      const { today, open } = await overdueNow();
      const lockedIds = new Set(locked);
      const moving = open.filter((t) => lockedIds.has(t.id));
      for (const task of moving) {
        const deadline = versionOn(task.versions, today)?.dueDate ?? null;
        await updateTaskIn(tx, actor, now, {
          taskId: task.id,
          plannedDate: today,
          ...(deadline !== null && deadline < today && { dueDate: today }),
        });
      }
      return { moved: moving.length, localDate: today };
    },
  );
}
