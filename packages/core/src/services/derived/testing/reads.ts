/**
 * The member's reads (Today, the dashboard, each habit's page) as the services answer them:
 * resumed from the stored checkpoints and rows, and with no checkpoint, which derives the whole
 * history (the reference the resumed reads must equal).
 */
import type { EntitlementSnapshot } from "@atlas/core";
import { createTenantDb, type Db } from "@atlas/db";
import type { Actor } from "../../access/access.ts";
import { getDashboard } from "../../views/dashboard.ts";
import { getHabitHistory } from "../../views/habit-history.ts";
import { getToday } from "../../views/today.ts";

async function sequentially<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await f(item));
  return results;
}

export async function readsBothWays(
  input: { admin: Db; app: Db },
  scope: { workspaceId: string; memberId: string },
  now: Date,
) {
  const { admin, app } = input;
  const { workspaceId, memberId } = scope;
  const db = createTenantDb(app, { workspaceId, userId: memberId });
  const { entitlements } = await admin.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { entitlements: true },
  });
  const actor: Actor = {
    workspaceId,
    userId: memberId,
    role: "member",
    sharesProgress: false,
    lateEntryWindowDays: 7,
    entitlements: entitlements as unknown as EntitlementSnapshot,
    source: "web",
  };
  const habits = await admin.habit.findMany({
    where: { workspaceId, memberId },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const read = async () => ({
    today: await getToday(db, actor, now),
    dashboard: await getDashboard(db, actor, now),
    // One read at a time: each holds one pooled connection, as one request would.
    habits: await sequentially(habits, (h) => getHabitHistory(db, actor, now, { habitId: h.id })),
  });
  const resumed = await read();
  const where = { workspaceId, memberId };
  const saved = await admin.memberDeriveCheckpoint.findMany({ where });
  await admin.memberDeriveCheckpoint.deleteMany({ where });
  try {
    return { resumed, full: await read(), checkpoints: saved.length };
  } finally {
    await admin.memberDeriveCheckpoint.createMany({
      data: saved.map((c) => ({ ...c, state: c.state ?? {} })),
    });
  }
}
