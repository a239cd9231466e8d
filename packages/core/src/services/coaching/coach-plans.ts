/**
 * A coach edits a member's habits and tasks from the console (docs/domain.md "Coach drill-down"):
 * the same versioned-plan services as the web app, with the coach as actor, so a change of what
 * scoring reads becomes a version in force from the MEMBER's local today; derived rows refresh as
 * for any edit. The item must be that member's; each edit is audited in its own transaction.
 */
import { AppError } from "@atlas/core";
import type { TenantDb, TenantTx as Tx } from "@atlas/db";
import { forbidden, may, type Actor } from "../access/access.ts";
import { updateHabitIn, type HabitOut, type UpdateHabitInput } from "../plans/habits.ts";
import { updateTaskIn, type TaskOut, type UpdateTaskInput } from "../plans/tasks.ts";
import type { DrillScope } from "./member-drill.ts";

async function assertMembersItem(
  tx: Tx,
  scope: DrillScope,
  item: { type: "habit" | "task"; id: string },
): Promise<void> {
  const where = { id: item.id, workspaceId: scope.workspaceId, memberId: scope.memberId };
  const found =
    item.type === "habit"
      ? await tx.habit.findFirst({ where, select: { id: true } })
      : await tx.task.findFirst({ where, select: { id: true } });
  if (!found) {
    throw new AppError("NOT_FOUND", `There is no such ${item.type} among this member's plans.`);
  }
}

function audit(
  tx: Tx,
  actor: Actor,
  now: Date,
  scope: DrillScope,
  item: { type: "habit" | "task"; id: string },
  fields: string[],
) {
  return tx.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: `${item.type}.update_for_member`,
      targetType: item.type === "habit" ? "Habit" : "Task",
      targetId: item.id,
      metadata: { memberId: scope.memberId, fields, source: actor.source },
      createdAt: now,
    },
  });
}

const changedFields = (input: object, idField: string) =>
  Object.entries(input)
    .filter(([key, value]) => key !== idField && value !== undefined)
    .map(([key]) => key)
    .sort();

export async function updateMemberHabit(
  db: TenantDb,
  actor: Actor,
  now: Date,
  scope: DrillScope,
  input: UpdateHabitInput,
): Promise<HabitOut> {
  if (!may(actor, "editOthersPlans")) throw forbidden(actor, "editOthersPlans");
  const item = { type: "habit" as const, id: input.habitId };
  return db.$transaction(async (tx) => {
    await assertMembersItem(tx, scope, item);
    const habit = await updateHabitIn(tx, actor, now, input);
    await audit(tx, actor, now, scope, item, changedFields(input, "habitId"));
    return habit;
  });
}

export async function updateMemberTask(
  db: TenantDb,
  actor: Actor,
  now: Date,
  scope: DrillScope,
  input: UpdateTaskInput,
): Promise<TaskOut> {
  if (!may(actor, "editOthersPlans")) throw forbidden(actor, "editOthersPlans");
  const item = { type: "task" as const, id: input.taskId };
  return db.$transaction(async (tx) => {
    await assertMembersItem(tx, scope, item);
    const task = await updateTaskIn(tx, actor, now, input);
    await audit(tx, actor, now, scope, item, changedFields(input, "taskId"));
    return task;
  });
}
