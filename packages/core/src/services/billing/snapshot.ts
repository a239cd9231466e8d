/**
 * The entitlement snapshot as stored on `Workspace.entitlements` (docs/adr/0009): written by
 * billing (and by whatever creates a workspace) through this module.
 */
import { isDeepStrictEqual } from "node:util";
import type { Db, Prisma } from "@atlas/db";
import { snapshotOf, type PlanId } from "../../billing/plan-catalog.ts";

/** The `Workspace.entitlements` value for a workspace on `planId`. */
export function entitlementsColumn(planId: PlanId): Prisma.InputJsonObject {
  return snapshotOf(planId) as unknown as Prisma.InputJsonObject;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface PlanChange {
  /** The plan's key before (null: the workspace's plan row had a key the catalog does not know). */
  from: string | null;
  to: PlanId;
  changed: boolean;
}

/**
 * Puts the workspace on `planId`: its Plan row and its snapshot, in the caller's transaction on
 * the bypass client (the app role cannot write either). Writes nothing when already there.
 */
export async function setWorkspacePlan(
  tx: Tx,
  workspaceId: string,
  planId: PlanId,
): Promise<PlanChange> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { plan: { select: { key: true } }, entitlements: true },
  });
  const from = workspace.plan.key;
  const snapshot = entitlementsColumn(planId);
  if (from === planId && isDeepStrictEqual(workspace.entitlements, snapshot)) {
    return { from, to: planId, changed: false };
  }
  const plan = await tx.plan.findUniqueOrThrow({ where: { key: planId }, select: { id: true } });
  await tx.workspace.update({
    where: { id: workspaceId },
    data: { planId: plan.id, entitlements: snapshot },
  });
  return { from, to: planId, changed: from !== planId };
}
