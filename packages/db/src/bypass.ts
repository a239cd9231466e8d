/**
 * The client that row-level security does not stop (the admin role). Only jobs, webhooks,
 * platform-admin code and core's membership and erasure services may import this module (guarded
 * by src/bypass-imports.test.ts), and every use writes an audit entry first.
 */
import { createPrismaClient, type Db } from "./client.ts";
import { databaseUrls } from "./env.ts";

export { eraseWorkspaceData, type ErasedCounts } from "./erasure.ts";

export interface BypassUse {
  /** Who: "job:day-close", "webhook:clerk", "platform-admin", ... */
  actor: string;
  /** Why, in a few words a reviewer of the audit log understands. */
  reason: string;
  /** The workspace the work concerns, when there is one; else the entry is platform-level. */
  workspaceId?: string | null;
  /** The signed-in person behind it (platform admin), when there is one. */
  actorUserId?: string | null;
}

let shared: Db | undefined;

function bypassClient() {
  shared ??= createPrismaClient(databaseUrls().adminUrl);
  return shared;
}

/** Runs `work` with the bypass client after recording the use in the audit log. */
export async function withBypass<T>(
  use: BypassUse,
  work: (db: Db) => Promise<T>,
  db: Db = bypassClient(),
): Promise<T> {
  await db.auditLog.create({
    data: {
      workspaceId: use.workspaceId ?? null,
      actorUserId: use.actorUserId ?? null,
      action: "bypass.use",
      targetType: "actor",
      targetId: use.actor,
      metadata: { reason: use.reason },
    },
  });
  return work(db);
}
