/**
 * The apps under test: a private seeded database, then the production builds (`next start`) of
 * web and admin in test mode on loopback ports, pointed at it, plus any extra web servers on the
 * same database (e.g. one whose clock stands elsewhere). Used by the Playwright global setup and
 * by bench/page-weight. `stop()` stops exactly the processes it started and drops the databases.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { cloneTestDatabase, startTestServer } from "@atlas/db/testing";
import { seed } from "@atlas/seed";
import { startNextApp, type RunningApp } from "./next-server.ts";

const repoRoot = join(import.meta.dirname, "..", "..", "..");

export interface ExtraWeb {
  /** Names the server's log file (`web-<name>.log`). */
  name: string;
  port: number;
  /** Added to the environment of this server only. */
  env: NodeJS.ProcessEnv;
}

export interface TestStack {
  webUrl: string;
  adminUrl: string;
  /** The private database's admin-role URL: journeys arrange stored rows through it. */
  databaseAdminUrl: string;
  /** The extra web servers' URLs by name. */
  extraWebUrls: Record<string, string>;
  stop(): Promise<void>;
}

export async function startTestStack(options: {
  webPort: number;
  adminPort: number;
  /** Where each server's output goes (`web.log`, `admin.log`, `web-<name>.log`). */
  logDir: string;
  extraWeb?: readonly ExtraWeb[];
}): Promise<TestStack> {
  const server = await startTestServer({ seed });
  const webUrl = `http://127.0.0.1:${options.webPort}`;
  const adminUrl = `http://127.0.0.1:${options.adminPort}`;
  let apps: RunningApp[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await server.stop();
  };

  try {
    const database = await cloneTestDatabase(server);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ATLAS_MODE: "test",
      DATABASE_URL: database.appUrl,
      DATABASE_ADMIN_URL: database.adminUrl,
      // One secret for every server: a dev session signed by one is valid on all of them.
      ATLAS_DEV_SESSION_SECRET: randomBytes(32).toString("hex"),
      ATLAS_WEB_URL: webUrl,
      ATLAS_ADMIN_URL: adminUrl,
    };
    delete env.REDIS_URL;
    delete env.ATLAS_CLOCK_OFFSET;
    // No model: the local planner answers every AI suggestion, deterministically.
    delete env.OPENAI_API_KEY;
    delete env.OPENAI_BASE_URL;

    const starts = [
      { appDir: "apps/web", port: options.webPort, env, log: "web.log" },
      { appDir: "apps/admin", port: options.adminPort, env, log: "admin.log" },
      ...(options.extraWeb ?? []).map((extra) => ({
        appDir: "apps/web",
        port: extra.port,
        env: { ...env, ATLAS_WEB_URL: `http://127.0.0.1:${extra.port}`, ...extra.env },
        log: `web-${extra.name}.log`,
      })),
    ];
    const started = await Promise.allSettled(
      starts.map((s) =>
        startNextApp({
          appDir: join(repoRoot, s.appDir),
          port: s.port,
          env: s.env,
          logFile: join(options.logDir, s.log),
        }),
      ),
    );
    apps = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;

    return {
      webUrl,
      adminUrl,
      databaseAdminUrl: database.adminUrl,
      extraWebUrls: Object.fromEntries(
        (options.extraWeb ?? []).map((extra) => [extra.name, `http://127.0.0.1:${extra.port}`]),
      ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
