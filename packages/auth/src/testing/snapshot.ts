/**
 * Test helper: every row of every table (except Prisma's migration ledger), as text, sorted, so
 * two snapshots compare equal exactly when the database holds the same data.
 */
import type { Db } from "@atlas/db";

export type Snapshot = Record<string, string[]>;

export interface SnapshotOptions {
  /** Leave out the audit entries withBypass writes for each use (a replay still audits its use). */
  withoutBypassAudit?: boolean;
}

export async function snapshotDatabase(db: Db, options: SnapshotOptions = {}): Promise<Snapshot> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    ORDER BY 1`;
  const snapshot: Snapshot = {};
  for (const { name } of tables) {
    const filter =
      name === "AuditLog" && options.withoutBypassAudit ? `WHERE t.action <> 'bypass.use'` : "";
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT t::text AS row FROM "${name}" t ${filter} ORDER BY 1`,
    );
    snapshot[name] = rows.map((r) => r.row);
  }
  return snapshot;
}

export async function countBypassAudits(db: Db, actor: string): Promise<number> {
  return db.auditLog.count({ where: { action: "bypass.use", targetId: actor } });
}
