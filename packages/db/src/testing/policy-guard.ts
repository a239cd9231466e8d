import type pg from "pg";

/** Tables that deliberately have row-level security with no policy: the app role sees nothing. */
export const TABLES_WITHOUT_POLICY = new Set(["ProcessedWebhookEvent", "EmailOutbox"]);
/** Prisma's own bookkeeping, unreachable to the app role. */
export const TABLES_EXEMPT = new Set(["_prisma_migrations"]);

/** Every table of the public schema whose row-level security is off, not forced, or has no policy. */
export async function tablesMissingRowSecurity(client: pg.ClientBase) {
  const { rows } = await client.query<{
    table: string;
    enabled: boolean;
    forced: boolean;
    policies: number;
  }>(`
    SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
           (SELECT count(*)::int FROM pg_policy p
            WHERE p.polrelid = c.oid
              -- a policy for everyone (0) or the app role; the console's own do not count
              AND (0 = ANY (p.polroles)
                   OR (SELECT oid FROM pg_roles WHERE rolname = 'atlas_app') = ANY (p.polroles))
           ) AS policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY 1`);
  return rows
    .filter((row) => !TABLES_EXEMPT.has(row.table))
    .flatMap((row) => {
      const problems = [
        !row.enabled && "row-level security is not enabled",
        !row.forced && "row-level security is not forced",
        row.policies === 0 && !TABLES_WITHOUT_POLICY.has(row.table) && "no policy",
      ].filter((p): p is string => Boolean(p));
      return problems.map((problem) => `${row.table}: ${problem}`);
    });
}
