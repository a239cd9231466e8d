/**
 * Playwright global setup: a private seeded database, then both apps' production builds on
 * loopback ports in test mode, pointed at it. Teardown stops exactly those processes.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { cloneTestDatabase, startTestServer } from "@atlas/db/testing";
import { startNextApp } from "./next-server.ts";

export const WEB_PORT = 3100;
export const ADMIN_PORT = 3101;

export default async function globalSetup() {
  const root = join(import.meta.dirname, "..", "..", "..");
  const resultsDir = join(import.meta.dirname, "..", "test-results");
  mkdirSync(resultsDir, { recursive: true });

  const server = await startTestServer();
  const database = await cloneTestDatabase(server);
  const webUrl = `http://127.0.0.1:${WEB_PORT}`;
  const adminUrl = `http://127.0.0.1:${ADMIN_PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ATLAS_MODE: "test",
    DATABASE_URL: database.appUrl,
    DATABASE_ADMIN_URL: database.adminUrl,
    ATLAS_DEV_SESSION_SECRET: randomBytes(32).toString("hex"),
    ATLAS_WEB_URL: webUrl,
    ATLAS_ADMIN_URL: adminUrl,
  };
  delete env.REDIS_URL;

  const apps = await Promise.all([
    startNextApp({ appDir: join(root, "apps/web"), port: WEB_PORT, env, logFile: join(resultsDir, "web.log") }),
    startNextApp({ appDir: join(root, "apps/admin"), port: ADMIN_PORT, env, logFile: join(resultsDir, "admin.log") }),
  ]);
  process.env.ATLAS_WEB_URL = webUrl;
  process.env.ATLAS_ADMIN_URL = adminUrl;

  return async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await server.stop();
  };
}
