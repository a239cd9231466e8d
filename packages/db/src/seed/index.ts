/**
 * CLI: `pnpm --filter @atlas/db db:seed`. Seeds the database at DATABASE_ADMIN_URL (a role that
 * bypasses row-level security) and prints the rows per table.
 */
import { seed } from "./seed.ts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_ADMIN_URL;
  if (url === undefined || url === "") {
    console.error(
      "db:seed: DATABASE_ADMIN_URL is not set. Point it at the database as an admin role, e.g.\n" +
        "  DATABASE_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/atlas pnpm --filter @atlas/db db:seed",
    );
    process.exit(1);
  }
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
