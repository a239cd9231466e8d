/**
 * Workspace erasure: the only path that deletes a workspace's execution log. The log's trigger
 * lets a DELETE through only while `atlas.erasing_workspace` names the workspace in a session of
 * a role that bypasses row-level security (migration 20261123090000_backstops), so this runs on
 * the bypass client, inside the caller's transaction. Audit entries are kept (append-only, no
 * foreign key to the workspace); a final `workspace.erased` entry records the erasure.
 */
import type { Db } from "./client.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ErasedCounts {
  executionEvents: number;
  memberDayScores: number;
  habitDayValues: number;
  memberships: number;
}

/**
 * Deletes the workspace and everything in it. The log and the derived days reference their
 * member ON DELETE RESTRICT, so they go first; the workspace's delete then cascades the rest.
 * Returns null when there is no such workspace.
 */
export async function eraseWorkspaceData(
  tx: Tx,
  workspaceId: string,
  audit: { actorUserId: string | null; via: string },
): Promise<ErasedCounts | null> {
  const [workspace] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  if (!workspace) return null;
  await tx.$executeRaw`SELECT set_config('atlas.erasing_workspace', ${workspaceId}, true)`;
  const where = { workspaceId };
  const counts: ErasedCounts = {
    habitDayValues: (await tx.habitDayValue.deleteMany({ where })).count,
    memberDayScores: (await tx.memberDayScore.deleteMany({ where })).count,
    executionEvents: (await tx.executionEvent.deleteMany({ where })).count,
    memberships: await tx.membership.count({ where }),
  };
  await tx.workspace.delete({ where: { id: workspaceId } });
  await tx.$executeRaw`SELECT set_config('atlas.erasing_workspace', '', true)`;
  await tx.auditLog.create({
    data: {
      workspaceId,
      actorUserId: audit.actorUserId,
      action: "workspace.erased",
      targetType: "workspace",
      targetId: workspaceId,
      metadata: { via: audit.via, ...counts },
    },
  });
  return counts;
}
