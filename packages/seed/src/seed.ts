/**
 * The demo seed: the plan catalog (core's syncPlanCatalog, run every time: it keeps the catalog
 * and the snapshots in step), two workspaces, their people, and 60 days of plans and log
 * (docs/domain.md). Idempotent: when the "demo" workspace exists it adds nothing. Everything is
 * written in one transaction, so a failure leaves nothing half-seeded. No derived rows
 * (MemberDayScore, HabitDayValue) are written: those come from the log.
 */
import { syncPlanCatalogIn } from "@atlas/core/services/billing/catalog-sync";
import { createPrismaClient } from "@atlas/db";
import { buildSeedData } from "./build.ts";
import { writeSeedData, type SeedTx } from "./write.ts";

export const DEMO_SLUG = "demo";

export interface SeedSummary {
  /** True when the demo workspace already existed and nothing was written. */
  skipped: boolean;
  /** The demo workspace's id. */
  workspaceId: string;
  /** The instant the seed was built around (its "today"). */
  now: Date;
  /** Rows per table after the run. */
  counts: Record<string, number>;
}

/** Row counts of the tables the seed touches (and the derived ones, which must stay empty). */
async function countRows(tx: SeedTx): Promise<Record<string, number>> {
  const counts = {
    Plan: tx.plan.count(),
    PlanEntitlement: tx.planEntitlement.count(),
    User: tx.user.count(),
    UserTimeSetting: tx.userTimeSetting.count(),
    Workspace: tx.workspace.count(),
    Subscription: tx.subscription.count(),
    Membership: tx.membership.count(),
    Goal: tx.goal.count(),
    Milestone: tx.milestone.count(),
    Habit: tx.habit.count(),
    HabitVersion: tx.habitVersion.count(),
    Task: tx.task.count(),
    TaskVersion: tx.taskVersion.count(),
    ExecutionEvent: tx.executionEvent.count(),
    CoachNote: tx.coachNote.count(),
    Notification: tx.notification.count(),
    AuditLog: tx.auditLog.count(),
    MemberDayScore: tx.memberDayScore.count(),
    HabitDayValue: tx.habitDayValue.count(),
  };
  const entries = await Promise.all(
    Object.entries(counts).map(async ([table, count]) => [table, await count] as const),
  );
  return Object.fromEntries(entries);
}

export async function seed(adminUrl: string, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const db = createPrismaClient(adminUrl, { max: 1 });
  try {
    return await db.$transaction(
      async (tx) => {
        // Two seeds at once: the second waits here, then sees the first one's workspace and skips.
        await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('atlas.seed'))");
        const { planIds } = await syncPlanCatalogIn(tx, now);
        const existing = await tx.workspace.findUnique({
          where: { slug: DEMO_SLUG },
          select: { id: true },
        });
        if (existing !== null) {
          return { skipped: true, workspaceId: existing.id, now, counts: await countRows(tx) };
        }
        const workspaceId = await writeSeedData(tx, buildSeedData(now), planIds);
        return { skipped: false, workspaceId, now, counts: await countRows(tx) };
      },
      { maxWait: 10_000, timeout: 300_000 },
    );
  } finally {
    await db.$disconnect();
  }
}
