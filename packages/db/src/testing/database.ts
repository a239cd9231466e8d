import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server integration tests run on: admin and app-role URLs of its maintenance database. */
export interface TestServer {
  adminUrl: string;
  appUrl: string;
  /** The migrated and seeded database that every test database is cloned from. */
  template: string;
  /** Names this run's databases, so teardown finds every clone the workers made. */
  runId: string;
}

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export function randomId() {
  return randomBytes(4).toString("hex");
}

export interface TestDatabase {
  name: string;
  adminUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** A private copy of the seeded template, as fast as PostgreSQL can copy a database. */
export async function cloneTestDatabase(server: TestServer): Promise<TestDatabase> {
  const name = `atlas_t_${server.runId}_${randomId()}`;
  await adminQuery(server.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${server.template}"`);
  return {
    name,
    adminUrl: withDatabase(server.adminUrl, name),
    appUrl: withDatabase(server.appUrl, name),
    drop: async () => {
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
