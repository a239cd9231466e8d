/**
 * CLI: `pnpm db:seed` (and the seeding half of `pnpm db:reset`). Seeds the database at
 * DATABASE_ADMIN_URL (a role that bypasses row-level security), or in embedded and test mode the
 * embedded server's, and prints the rows per table.
 */
import { adminUrl } from "./admin-url.ts";
import { seed } from "./seed.ts";

async function main(): Promise<void> {
  const url = adminUrl("db:seed");
  const started = Date.now();
  const summary = await seed(url);
  if (summary.skipped) {
    console.log(
      `db:seed: the "demo" workspace already exists (${summary.workspaceId}); nothing to do.`,
    );
  } else {
    console.log(
      `db:seed: seeded "demo" (${summary.workspaceId}) around ${summary.now.toISOString()} in ${Date.now() - started} ms.`,
    );
  }
  const width = Math.max(...Object.keys(summary.counts).map((t) => t.length));
  for (const [table, count] of Object.entries(summary.counts)) {
    console.log(`  ${table.padEnd(width)}  ${String(count).padStart(6)}`);
  }
}

main().catch((error: unknown) => {
  console.error("db:seed failed:", error);
  process.exit(1);
});
