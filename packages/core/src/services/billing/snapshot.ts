/**
 * The entitlement snapshot as stored on `Workspace.entitlements` (docs/adr/0009): written by
 * billing (and by whatever creates a workspace) through this one function.
 */
import type { Prisma } from "@atlas/db";
import type { PlanId } from "../../billing/plan-catalog.ts";
import { planSnapshot } from "./self-hosted.ts";

/** The `Workspace.entitlements` value for a workspace on `planId`. */
export function entitlementsColumn(planId: PlanId): Prisma.InputJsonObject {
  return planSnapshot(planId) as unknown as Prisma.InputJsonObject;
}
