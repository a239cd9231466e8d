/**
 * Arranging a workspace's plan and billing state for the entitlement suites, as billing would
 * leave it: the plan row and the snapshot the chain reads (docs/adr/0009), and the subscription
 * the dunning ladder reads. Each helper puts the workspace back as it found it.
 */
import { snapshotOf, type EntitlementSnapshot, type PlanId } from "@atlas/core";
import type { SubscriptionStatus } from "@atlas/db";
import type { Harness, WorkspaceKey } from "./harness.ts";

/**
 * Runs `check` with the workspace on `plan` (a catalog plan's row and snapshot, or a snapshot of
 * its own on the workspace's current plan row).
 */
export async function onPlan(
  h: Harness,
  workspace: WorkspaceKey,
  plan: PlanId | EntitlementSnapshot,
  check: () => Promise<void>,
): Promise<void> {
  const id = h.workspaceIds[workspace];
  const before = await h.admin.workspace.findUniqueOrThrow({
    where: { id },
    select: { planId: true, entitlements: true },
  });
  const snapshot = typeof plan === "string" ? snapshotOf(plan) : plan;
  const planId =
    typeof plan === "string"
      ? (await h.admin.plan.findUniqueOrThrow({ where: { key: plan } })).id
      : before.planId;
  await h.admin.workspace.update({
    where: { id },
    data: { planId, entitlements: snapshot as object },
  });
  try {
    await check();
  } finally {
    await h.admin.workspace.update({
      where: { id },
      data: { planId: before.planId, entitlements: before.entitlements ?? {} },
    });
  }
}

/**
 * Runs `check` with the workspace's subscription `status` since `since` (the start of the run of
 * failed payments); a workspace without a subscription gets one for the while.
 */
export async function withSubscription(
  h: Harness,
  workspace: WorkspaceKey,
  billing: { status: SubscriptionStatus; pastDueSince: Date | null },
  check: () => Promise<void>,
): Promise<void> {
  const workspaceId = h.workspaceIds[workspace];
  const before = await h.admin.subscription.findUnique({ where: { workspaceId } });
  if (before === null) {
    const { planId } = await h.admin.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    await h.admin.subscription.create({ data: { workspaceId, planId, ...billing } });
  } else {
    await h.admin.subscription.update({ where: { workspaceId }, data: billing });
  }
  try {
    await check();
  } finally {
    if (before === null) await h.admin.subscription.delete({ where: { workspaceId } });
    else {
      await h.admin.subscription.update({
        where: { workspaceId },
        data: { status: before.status, pastDueSince: before.pastDueSince },
      });
    }
  }
}

/** `days` whole days (of 24 hours) before `instant`. */
export function daysBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * 24 * 60 * 60 * 1000);
}
