/**
 * Whether `prisma migrate deploy` has anything to do: spawning the CLI (and its wasm engine)
 * costs seconds on every start, so a start whose database already holds every migration skips it.
 */
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export interface AppliedMigration {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const migrationsDir = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));

/** The migration folders, by name. */
export async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/**
 * True when every folder has a finished migration and none has failed (a failed one is left to
 * `migrate deploy`, which refuses to go on and says why).
 */
export function migrationsUpToDate(
  folders: readonly string[],
  applied: readonly AppliedMigration[],
) {
  const failed = applied.some((m) => m.finished_at === null && m.rolled_back_at === null);
  const done = new Set(
    applied
      .filter((m) => m.finished_at !== null && m.rolled_back_at === null)
      .map((m) => m.migration_name),
  );
  return !failed && folders.every((folder) => done.has(folder));
}

/** What `_prisma_migrations` records; nothing before the first deploy. */
export async function appliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  try {
    const { rows } = await client.query<AppliedMigration>(
      `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return []; // undefined_table
    throw error;
  }
}
