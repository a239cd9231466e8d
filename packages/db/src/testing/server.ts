import { runPrisma } from "../../scripts/prisma.ts";
import { ensureEmbeddedDatabase } from "../embedded/launcher.ts";
import { repoRoot } from "@atlas/config";
import { adminQuery, canConnect, withDatabase, type TestServer } from "./database.ts";
import { claimRun, dropAbandonedDatabases } from "./runs.ts";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function resolveServer() {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_SERVER;
  if (await canConnect(adminUrl)) {
    const app = new URL(adminUrl);
    app.username = "atlas_app";
    app.password = process.env.TEST_DATABASE_APP_PASSWORD ?? "";
    return { adminUrl, appUrl: app.toString(), stop: async () => undefined };
  }
  console.warn(`[tests] no PostgreSQL at ${new URL(adminUrl).host}: using an embedded PostgreSQL`);
  const embedded = await ensureEmbeddedDatabase({
    dataDir: `${repoRoot()}/.atlas/test-postgres`,
    port: 54339,
  });
  return { adminUrl: embedded.adminUrl, appUrl: embedded.appUrl, stop: () => embedded.stop() };
}

/**
 * Finds a PostgreSQL (the one on 127.0.0.1:5432 as on CI, else an embedded one, said out loud),
 * drops what interrupted runs left there (runs.ts), and builds one migrated template database,
 * filled by `options.seed` (@atlas/seed's global setup passes the demo seed), that tests clone.
 * `stop()` drops the template and every clone of this run.
 */
export async function startTestServer(options: {
  seed: (adminUrl: string) => Promise<unknown>;
}): Promise<TestServer & { stop(): Promise<void> }> {
  const server = await resolveServer();
  const run = await claimRun(server.adminUrl);
  const { runId } = run;
  const stop = async () => {
    const { rows } = await adminQuery(
      server.adminUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE 'atlas\\_t\\_${runId}\\_%'`,
    );
    for (const { datname } of rows as { datname: string }[]) {
      await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await run.release();
    await server.stop();
  };
  try {
    const abandoned = await dropAbandonedDatabases(server.adminUrl);
    if (abandoned.length > 0) {
      console.info(`[tests] dropped ${abandoned.length} databases of interrupted runs`);
    }
    const template = `atlas_t_${runId}_template`;
    await adminQuery(server.adminUrl, `CREATE DATABASE "${template}"`);
    const templateUrl = withDatabase(server.adminUrl, template);
    await runPrisma(["migrate", "deploy"], {
      env: { ...process.env, DATABASE_ADMIN_URL: templateUrl },
      quiet: true,
    });
    await options.seed(templateUrl);
    return { adminUrl: server.adminUrl, appUrl: server.appUrl, template, runId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
