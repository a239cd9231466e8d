/** The benchmarks' databases: on the loopback PostgreSQL only, created fresh and migrated. */
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { run } from "./processes.ts";

/** BENCH_SERVER_URL (a loopback PostgreSQL, trust auth for postgres), checked. */
export function benchServerUrl(): string {
  const url = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(hostname)) {
    throw new Error(`bench: loopback only; BENCH_SERVER_URL points at ${hostname}`);
  }
  return url;
}

/** `url` pointed at `database`, as `user` when given (no password: trust auth). */
export function withDatabase(url: string, database: string, user?: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user !== undefined) {
    parsed.username = user;
    parsed.password = "";
  }
  return parsed.toString();
}

/** One connection for `fn`, closed after. */
export async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The project's migrations, applied as the admin role (`pnpm --filter @atlas/db db:deploy`). */
export function migrate(adminUrl: string): Promise<void> {
  return run("pnpm", ["--filter", "@atlas/db", "db:deploy"], {
    env: { ...process.env, DATABASE_ADMIN_URL: adminUrl },
  });
}

/**
 * A fresh database named `<prefix>_<time>` on `server` for one benchmark run: `drop()` drops it
 * once (kept with BENCH_KEEP_DATABASE=1), a watchdog drops it and exits after `timeoutMinutes`,
 * and Ctrl-C drops it too. Call `done()` at the end of a run.
 */
export function benchDatabase(
  server: string,
  prefix: string,
  options: { timeoutMinutes: number; log: (line: string) => void },
) {
  const database = `${prefix}_${Date.now().toString(36)}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    if (process.env.BENCH_KEEP_DATABASE === "1") {
      options.log(`kept ${database} (BENCH_KEEP_DATABASE=1): drop it yourself`);
      return;
    }
    await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    options.log(`dropped ${database}`);
  };
  const watchdog = setTimeout(() => {
    console.error(`bench: stopped after ${options.timeoutMinutes} minutes`);
    void drop().finally(() => process.exit(2));
  }, options.timeoutMinutes * 60_000);
  process.once("SIGINT", () => void drop().finally(() => process.exit(130)));
  return {
    database,
    adminUrl: withDatabase(server, database),
    appUrl: withDatabase(server, database, "atlas_app"),
    drop,
    async done() {
      clearTimeout(watchdog);
      await drop();
    },
  };
}

/** "machine: N CPUs, X GiB, Node v…, PostgreSQL …", for a benchmark's first lines. */
export async function machineLine(server: string): Promise<string> {
  const version = await admin(server, async (c) => {
    const { rows } = await c.query<{ server_version: string }>("SHOW server_version");
    return rows[0]!.server_version;
  });
  return `machine: ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${version}`;
}
