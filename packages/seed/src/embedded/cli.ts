/**
 * pnpm db:embedded [--show-urls] [-- <command> [args...]]
 *
 * Ensures the embedded PostgreSQL (@atlas/db's embedded/launcher.ts), seeded with the demo data on
 * its first start, and its plan catalog and workspace snapshots in step with core's catalog and
 * ATLAS_SELF_HOSTED_LIMITS on every start (syncPlanCatalog). With a command: runs it with
 * DATABASE_URL, DATABASE_ADMIN_URL and ATLAS_MODE=embedded (unless ATLAS_MODE is set), forwards
 * SIGINT/SIGTERM/SIGHUP to it, stops the server it started once the command has exited, and exits
 * with the command's code. Without one: prints the two URLs (passwords masked unless
 * --show-urls) and keeps the server running until Ctrl-C.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { AtlasConfigError } from "@atlas/config";
import { syncPlanCatalog } from "@atlas/core/services/billing/catalog-sync";
import { selfHostedOverrides } from "@atlas/core/services/billing/self-hosted";
import { createPrismaClient } from "@atlas/db";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@atlas/db/embedded";
import { maskUrl } from "@atlas/db/env";
import { seed } from "../seed.ts";

const USAGE = `Usage: pnpm db:embedded [--show-urls] [-- <command> [args...]]

  Starts (or reuses) the embedded PostgreSQL: data in .atlas/postgres (ATLAS_PG_DIR),
  port 54329 (ATLAS_PG_PORT), passwords in .atlas/embedded.json.

  with a command   runs it with DATABASE_URL, DATABASE_ADMIN_URL and ATLAS_MODE=embedded,
                   then stops the server and exits with the command's code
  without one      prints the URLs and keeps the server running until Ctrl-C
  --show-urls      print the URLs with their passwords
`;

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 1);
}

function parseArgs(argv: string[]): { showUrls: boolean; command: string[] } {
  let showUrls = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return { showUrls, command: argv.slice(i + 1) };
    if (arg === "--show-urls") showUrls = true;
    else if (arg === "-h" || arg === "--help") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg.startsWith("-")) {
      process.stderr.write(`Unknown option ${arg}\n\n${USAGE}`);
      process.exit(2);
    } else return { showUrls, command: argv.slice(i) }; // pnpm may drop the `--`
  }
  return { showUrls, command: [] };
}

/** The plan catalog and every workspace's snapshot, in step with this start's configuration. */
async function syncPlans(adminUrl: string): Promise<void> {
  const client = createPrismaClient(adminUrl, { max: 1 });
  try {
    const { resnapshotted } = await syncPlanCatalog(client, new Date());
    if (resnapshotted.length > 0) {
      process.stderr.write(
        `embedded-postgres: ${resnapshotted.length} workspace plan snapshots brought in step with the configuration\n`,
      );
    }
  } finally {
    await client.$disconnect();
  }
}

async function main(): Promise<void> {
  const { showUrls, command } = parseArgs(process.argv.slice(2));

  // Until the database is up, a signal is remembered (the Prisma child shares our process group
  // and stops on Ctrl-C by itself); a second one exits at once.
  let pending: NodeJS.Signals | undefined;
  let onSignal: (signal: NodeJS.Signals) => void = (signal) => {
    if (pending) process.exit(exitCodeFor(signal));
    pending = signal;
    process.stderr.write(`embedded-postgres: ${signal} received, stopping once startup settles\n`);
  };
  for (const signal of SIGNALS) process.on(signal, (s: NodeJS.Signals) => onSignal(s));

  let db: EmbeddedDatabase;
  try {
    selfHostedOverrides(); // a bad ATLAS_SELF_HOSTED_LIMITS stops here, before anything starts
    db = await ensureEmbeddedDatabase({ seed });
  } catch (error) {
    if (error instanceof AtlasConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`embedded-postgres: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(pending ? exitCodeFor(pending) : 1);
  }
  if (pending) {
    await db.stop();
    process.exit(exitCodeFor(pending));
  }
  try {
    await syncPlans(db.adminUrl);
  } catch (error) {
    process.stderr.write(
      `embedded-postgres: syncing the plan catalog failed: ${(error as Error).stack ?? String(error)}\n`,
    );
    await db.stop();
    process.exit(1);
  }

  const show = (url: string) => (showUrls ? url : maskUrl(url));

  if (command.length === 0) {
    process.stdout.write(
      `DATABASE_URL=${show(db.appUrl)}\nDATABASE_ADMIN_URL=${show(db.adminUrl)}\n`,
    );
    if (db.reused) {
      process.stderr.write(
        `embedded-postgres: already running (pid ${db.pid}), started by another process; leaving it to that process\n`,
      );
      process.exit(0);
    }
    process.stderr.write(`embedded-postgres: running (pid ${db.pid}); Ctrl-C stops it\n`);
    let stopping = false;
    onSignal = (signal) => {
      if (stopping) process.exit(exitCodeFor(signal));
      stopping = true;
      void db.stop().then(() => {
        process.stderr.write("embedded-postgres: stopped\n");
        process.exit(0);
      });
    };
    // The server's process handle keeps us alive; the loop empties only if it exits on its own.
    process.once("beforeExit", () => {
      if (stopping) return;
      process.stderr.write(
        "embedded-postgres: the server exited unexpectedly; see its log beside the data folder\n",
      );
      process.exit(1);
    });
    return;
  }

  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      ATLAS_MODE: process.env.ATLAS_MODE || "embedded",
      DATABASE_URL: db.appUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
    },
  });
  onSignal = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const finish = async (code: number) => {
    await db.stop();
    process.exit(code);
  };
  child.once("error", (error) => {
    process.stderr.write(`embedded-postgres: cannot run ${file}: ${error.message}\n`);
    void finish(127);
  });
  child.once("exit", (code, signal) => void finish(code ?? (signal ? exitCodeFor(signal) : 1)));
}

void main();
