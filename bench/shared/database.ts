/** The benchmarks' databases: on the loopback PostgreSQL only, created fresh and migrated. */
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
