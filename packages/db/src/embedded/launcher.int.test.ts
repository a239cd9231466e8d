/**
 * The embedded launcher end to end, in a temp data folder on a free port (never 5432 or 54329):
 * first start (initdb, migrate, role, seed), reuse of a server another caller started, restart
 * of a stopped folder without initdb, a second migrate deploy or a second seed. Every server is
 * stopped by its own handle.
 */
import { mkdtempSync, statSync } from "node:fs";
import { chmod, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedStateSchema } from "../env.ts";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "./launcher.ts";
import { appliedMigrations, migrationFolders } from "./migrations.ts";

const temp = mkdtempSync(join(tmpdir(), "atlas-embedded-test-"));
const dataDir = join(temp, "postgres");
const stateFile = join(temp, "embedded.json");
const started: EmbeddedDatabase[] = [];

afterAll(async () => {
  for (const db of started) await db.stop();
  await rm(temp, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    if (port && port !== 5432 && port !== 54329) return port;
  }
}

async function connected<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  return connected(url, async (client) => (await client.query<T>(sql)).rows);
}

/** Row counts of every table but _prisma_migrations, read as the admin (no RLS in the way). */
async function tableCounts(adminUrl: string): Promise<Record<string, number>> {
  return connected(adminUrl, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
      counts[name] = Number(rows[0]!.n);
    }
    return counts;
  });
}

/** Stands in for @atlas/seed: one catalog row, and a note of every database it filled. */
const seededUrls: string[] = [];
async function seed(adminUrl: string) {
  seededUrls.push(adminUrl);
  await query(adminUrl, `INSERT INTO "Plan" (id, key, name) VALUES ('seeded', 'seeded', 'Seeded')`);
}

async function start(port: number, lines: string[]) {
  const db = await ensureEmbeddedDatabase({
    dataDir,
    port,
    log: (line) => lines.push(line),
    seed,
  });
  started.push(db);
  return db;
}

const ranInitdb = (lines: string[]) => lines.some((l) => l.includes(": initdb "));
const ranDeploy = (lines: string[]) => lines.some((l) => /: prisma migrate deploy \d+ ms$/.test(l));
const ranSeed = (lines: string[]) => lines.some((l) => l.includes(": seed (done)"));

describe("ensureEmbeddedDatabase", () => {
  it("initialises, migrates, seeds once, and reuses a running or stopped folder", async () => {
    await chmod(temp, 0o755); // as root the server runs as `postgres`, which must reach the folder
    const port = await freePort();

    // ── first start ──
    const firstLog: string[] = [];
    const first = await start(port, firstLog);
    expect(first.reused).toBe(false);
    expect(first.port).toBe(port);
    expect(ranInitdb(firstLog)).toBe(true);
    expect(ranDeploy(firstLog)).toBe(true);
    expect(ranSeed(firstLog)).toBe(true);
    expect(seededUrls).toEqual([first.adminUrl]);

    // the state file: owner-only, passwords generated, seeded once
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    const state = embeddedStateSchema.parse(JSON.parse(await readFile(stateFile, "utf8")));
    expect(state).toMatchObject({
      dataDir,
      port,
      adminUser: "postgres",
      appUser: "atlas_app",
      database: "atlas",
    });
    expect(state.adminPassword).not.toBe(state.appPassword);
    expect(state.seededAt).toBeDefined();
    expect(first.appUrl).toBe(
      `postgresql://atlas_app:${state.appPassword}@127.0.0.1:${port}/atlas`,
    );
    expect(first.adminUrl).toBe(
      `postgresql://postgres:${state.adminPassword}@127.0.0.1:${port}/atlas`,
    );

    // the app role: exists, logs in with its password, and cannot bypass row-level security
    const [role] = await query<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      first.adminUrl,
      "SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'atlas_app'",
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: true });
    const [me] = await query<{ user: string; super: string }>(
      first.appUrl,
      "SELECT current_user AS user, current_setting('is_superuser') AS super",
    );
    expect(me).toEqual({ user: "atlas_app", super: "off" });

    // every migration in prisma/migrations is applied and finished
    const folders = (await migrationFolders()).sort();
    expect(folders.length).toBeGreaterThan(0);
    const applied = await connected(first.adminUrl, appliedMigrations);
    expect(applied.map((m) => m.migration_name)).toEqual(folders);
    expect(applied.every((m) => m.finished_at !== null && m.rolled_back_at === null)).toBe(true);

    // the (stand-in) seed ran once; a second seed would show in seededUrls and the counts
    const seeded = await tableCounts(first.adminUrl);
    expect(seeded.Plan).toBe(1);

    // ── second call while the first server runs: reused, not migrated or seeded again, left running ──
    const secondLog: string[] = [];
    const second = await start(await freePort(), secondLog); // a running server keeps its port
    expect(second.reused).toBe(true);
    expect(second.pid).toBe(first.pid);
    expect(second.port).toBe(port);
    expect(second.appUrl).toBe(first.appUrl);
    expect(ranInitdb(secondLog) || ranDeploy(secondLog) || ranSeed(secondLog)).toBe(false);
    expect(await tableCounts(second.adminUrl)).toEqual(seeded);
    await second.stop(); // a reused server is not ours to stop
    expect(await query(first.adminUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);

    // ── stop, then start the folder again: no initdb, no migration, no seed, same passwords ──
    await first.stop();
    await expect(query(first.adminUrl, "SELECT 1")).rejects.toThrow();
    const thirdLog: string[] = [];
    const third = await start(port, thirdLog);
    expect(third.reused).toBe(false);
    expect(third.pid).not.toBe(first.pid);
    expect(third.appUrl).toBe(first.appUrl);
    expect(ranInitdb(thirdLog) || ranDeploy(thirdLog) || ranSeed(thirdLog)).toBe(false);
    expect(await tableCounts(third.adminUrl)).toEqual(seeded);
    const after = embeddedStateSchema.parse(JSON.parse(await readFile(stateFile, "utf8")));
    expect(after.seededAt).toBe(state.seededAt);
    expect(seededUrls).toEqual([first.adminUrl]);
    await third.stop();
    await expect(query(third.adminUrl, "SELECT 1")).rejects.toThrow();
  });
});
