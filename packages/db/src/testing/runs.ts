/**
 * Who owns a test database. A run holds a session-level advisory lock on the server for as long
 * as it lives, and names every database it makes `atlas_t_<runId>_*`, the run id carrying the
 * lock's key. PostgreSQL releases the lock when the session ends, however the run ended (Ctrl-C,
 * a turbo abort, a killed worker), so the next run drops exactly the databases whose lock it can
 * take; live runs on the same server, from any process, container or host, keep theirs.
 * Databases named before run ids carried a key (`atlas_t_<8 hex>_*`) are left alone.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The advisory-lock namespace of test runs: the first key of the two-key form ("ATLS"). */
const LOCK_SPACE = 0x41544c53;

/** `lk` + the lock's second key as 8 hex digits. */
const RUN_DATABASE = /^atlas_t_lk([0-9a-f]{8})_/;

export interface RunClaim {
  runId: string;
  /** Ends the session, releasing the lock: call it after the run's databases are dropped. */
  release(): Promise<void>;
}

/** The session of a run, as pg_stat_activity shows it. */
export const runSessionName = (runId: string) => `atlas test run ${runId}`;

/** Starts a run: a session that holds a fresh key for as long as the run lives. */
export async function claimRun(adminUrl: string): Promise<RunClaim> {
  const session = new pg.Client({ connectionString: adminUrl });
  // A lost session only means the lock is gone early; teardown still drops the databases.
  session.on("error", () => undefined);
  await session.connect();
  for (;;) {
    const key = randomBytes(4).readUInt32BE() >>> 1; // a positive int4
    const { rows } = await session.query<{ held: boolean }>(
      "SELECT pg_try_advisory_lock($1, $2) AS held",
      [LOCK_SPACE, key],
    );
    if (rows[0]?.held) {
      const runId = `lk${key.toString(16).padStart(8, "0")}`;
      await session.query("SELECT set_config('application_name', $1, false)", [
        runSessionName(runId),
      ]);
      return { runId, release: () => session.end() };
    }
  }
}

/** Drops the databases of runs whose session has ended; returns their names. */
export async function dropAbandonedDatabases(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'atlas\\_t\\_lk%' ORDER BY datname",
    );
    const byKey = new Map<number, string[]>();
    for (const { datname } of rows) {
      const hex = RUN_DATABASE.exec(datname)?.[1];
      if (hex === undefined) continue;
      const key = Number.parseInt(hex, 16);
      byKey.set(key, [...(byKey.get(key) ?? []), datname]);
    }
    const dropped: string[] = [];
    for (const [key, databases] of byKey) {
      const { rows: lock } = await client.query<{ free: boolean }>(
        "SELECT pg_try_advisory_lock($1, $2) AS free",
        [LOCK_SPACE, key],
      );
      if (!lock[0]?.free) continue; // its run is alive
      try {
        for (const datname of databases) {
          await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
          dropped.push(datname);
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_SPACE, key]);
      }
    }
    return dropped;
  } finally {
    await client.end();
  }
}
