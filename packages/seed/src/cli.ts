/**
 * CLI: `pnpm db:seed` (and the seeding half of `pnpm db:reset`). Seeds the database at
 * DATABASE_ADMIN_URL (a role that bypasses row-level security), or in embedded and test mode the
 * embedded server's, and prints the rows per table.
 */
import { AtlasConfigError, read } from "@atlas/config";
import { databaseUrls } from "@atlas/db/env";
import { seed } from "./seed.ts";

function adminUrl(): string {
  try {
    return read(process.env, "DATABASE_ADMIN_URL") ?? databaseUrls().adminUrl;
  } catch (error) {
    if (!(error instanceof AtlasConfigError)) throw error;
    console.error(
      `db:seed: ${error.message}\nPoint DATABASE_ADMIN_URL at the database as an admin role, e.g.\n` +
        "  DATABASE_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/atlas pnpm db:seed",
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const url = adminUrl();
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
