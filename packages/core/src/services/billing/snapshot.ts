/**
 * The entitlement snapshot as stored on `Workspace.entitlements` (docs/adr/0009): written by
 * billing (and by whatever creates a workspace) through this one function.
 */
import type { Prisma } from "@atlas/db";
import { snapshotOf, type PlanId } from "../../billing/plan-catalog.ts";

/** The `Workspace.entitlements` value for a workspace on `planId`. */
export function entitlementsColumn(planId: PlanId): Prisma.InputJsonObject {
  return snapshotOf(planId) as unknown as Prisma.InputJsonObject;
}
