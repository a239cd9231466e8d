/**
 * Databases of interrupted runs (runs.ts): a run in another process makes a database and is
 * killed; the next sweep drops that database, while live runs' databases (this run's template,
 * the killed run's before it died) and databases named the older way stay.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { adminQuery } from "./database.ts";
import { dropAbandonedDatabases, runSessionName } from "./runs.ts";

const { adminUrl, template } = inject("testServer");
const packageDir = fileURLToPath(new URL("../../", import.meta.url));
const runsModule = new URL("./runs.ts", import.meta.url).href;
const legacy = `atlas_t_${randomBytes(4).toString("hex")}_legacy`;
let child: ChildProcess | undefined;
let leftover: string | undefined;

afterAll(async () => {
  child?.kill("SIGKILL");
  for (const name of [leftover, legacy]) {
    if (name) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

async function exists(database: string): Promise<boolean> {
  const { rowCount } = await adminQuery(
    adminUrl,
    `SELECT 1 FROM pg_database WHERE datname = '${database}'`,
  );
  return rowCount === 1;
}

/** Another test process: claims a run, makes one database, says which, then waits. */
async function startRun(): Promise<{ runId: string; database: string }> {
  const script = `
    import pg from "pg";
    import { claimRun } from ${JSON.stringify(runsModule)};
    const run = await claimRun(${JSON.stringify(adminUrl)});
    const database = "atlas_t_" + run.runId + "_leftover";
    const admin = new pg.Client({ connectionString: ${JSON.stringify(adminUrl)} });
    await admin.connect();
    await admin.query('CREATE DATABASE "' + database + '"');
    await admin.end();
    console.log(JSON.stringify({ runId: run.runId, database }));
    setInterval(() => undefined, 1 << 30);
  `;
  child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return JSON.parse(line) as { runId: string; database: string };
}

/** PostgreSQL ends a killed client's session when it reads the closed socket; wait for that. */
async function sessionEnded(runId: string): Promise<void> {
  for (;;) {
    const { rowCount } = await adminQuery(
      adminUrl,
      `SELECT 1 FROM pg_stat_activity WHERE application_name = '${runSessionName(runId)}'`,
    );
    if (rowCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("dropAbandonedDatabases", () => {
  it("drops a killed run's databases and keeps live runs' and older names", async () => {
    await adminQuery(adminUrl, `CREATE DATABASE "${legacy}"`);
    const run = await startRun();
    leftover = run.database;

    // the other run is alive: nothing of it, of this run or of the older name goes
    const whileAlive = await dropAbandonedDatabases(adminUrl);
    expect(whileAlive).not.toContain(run.database);
    expect(whileAlive).not.toContain(template);
    expect(await exists(run.database)).toBe(true);
    expect(await exists(template)).toBe(true);

    // killed without cleaning up: its lock goes with its session, and the next sweep drops it
    const exited = once(child!, "exit");
    child!.kill("SIGKILL");
    await exited;
    await sessionEnded(run.runId);
    const afterKill = await dropAbandonedDatabases(adminUrl);
    expect(afterKill).toContain(run.database);
    expect(afterKill).not.toContain(template);
    expect(await exists(run.database)).toBe(false);
    expect(await exists(template)).toBe(true);
    expect(await exists(legacy)).toBe(true);
  });
});
