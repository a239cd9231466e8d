/**
 * The API benchmark: `pnpm --filter @atlas/bench api` (or `pnpm bench` at the root).
 *
 * In one run: builds web for production (turbo, test mode; cached when nothing changed) and the
 * ceiling (bench/api/ceiling, one tRPC query in a Next app of its own, when its sources changed);
 * creates a fresh database on the loopback PostgreSQL, migrates it, generates members with each
 * history length plus the write mix's members (scoring/generate.ts) and closes their past days
 * as the hourly job does; starts both with `next start` on loopback ports; signs every member in
 * with a dev session; then measures each target with autocannon (CONNECTIONS connections,
 * SECONDS seconds after a warm-up) and prints one table: req/s, p50, p99, errors, the ratio to
 * the ceiling, and web's memory after the runs. The write mix's events are matched to its
 * answers: a write lost or doubled fails the run.
 * Bounded: a watchdog stops it after BENCH_API_TIMEOUT_MINUTES; on exit, Ctrl-C or the watchdog
 * it stops the builds, the load and the servers it started and drops the database.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DEV_SESSION_COOKIE, issueDevSession, openDevSession } from "@atlas/auth/dev/session";
import { closeDueDays } from "@atlas/core/services/derived/derived";
import { createPrismaClient, createTenantDb } from "@atlas/db";
import { startNextApp, type RunningApp } from "@atlas/e2e/next-server";
import { generate, type BenchMember } from "../scoring/generate.ts";
import { admin, benchServerUrl, migrate, withDatabase } from "../shared/database.ts";
import { freePort, repoRoot, run, stopGroup, turboBuild } from "../shared/processes.ts";
import { cycling, load, queryPath, stopLoad, type Figures } from "./load.ts";
import { checkWrites, writeMix, type HabitToLog } from "./write-mix.ts";

const env = process.env;
const SECONDS = Number(env.BENCH_API_SECONDS ?? 10);
const WARMUP_SECONDS = Number(env.BENCH_API_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(env.BENCH_API_CONNECTIONS ?? 32);
/** Days of history of each read cohort. */
const HISTORIES = (env.BENCH_API_HISTORIES ?? "60,365,1095").split(",").map(Number);
const MEMBERS = Number(env.BENCH_API_MEMBERS ?? 32);
const WRITE_MEMBERS = Number(env.BENCH_API_WRITE_MEMBERS ?? 256);
const WRITE_DAYS = 60;
const TIMEOUT_MINUTES = Number(env.BENCH_API_TIMEOUT_MINUTES ?? 30);
/** web on this port, the ceiling on the next; free ports when unset. */
const PORT = env.BENCH_API_PORT === undefined ? undefined : Number(env.BENCH_API_PORT);

/** Answers that mean the bench asked wrongly, not that the server was slow. */
const MISTAKES = new Set(["400", "401", "403", "404"]);

const ceilingDir = join(repoRoot, "bench", "api", "ceiling");
const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const historyLabel = (days: number) =>
  days === 365 ? "1 year" : days % 365 === 0 ? `${days / 365} years` : `${days} days`;

/** The ceiling's newest source (or bench/package.json, which pins its versions) is older than its build. */
function ceilingIsFresh(): boolean {
  let built: number;
  try {
    built = statSync(join(ceilingDir, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return false;
  }
  const sources = readdirSync(ceilingDir, { recursive: true, encoding: "utf8" })
    .filter((f) => !f.startsWith(".next") && !f.endsWith("next-env.d.ts"))
    .map((f) => join(ceilingDir, f));
  sources.push(join(repoRoot, "bench", "package.json"));
  return sources.every((f) => statSync(f).mtimeMs < built);
}

/** A process and its descendants (from /proc), depth first. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(" ")
      .filter(Boolean)
      .map(Number);
  } catch {
    // exited, or no /proc
  }
  return [pid, ...children.flatMap(processTree)];
}

/** Resident memory of the server: the `next-server` process among `pid` and its children. */
function serverMemory(pid: number): { pid: number; rssMb: number } | null {
  const processes = processTree(pid).flatMap((p) => {
    try {
      return [{ pid: p, status: readFileSync(`/proc/${p}/status`, "utf8") }];
    } catch {
      return [];
    }
  });
  const field = (status: string, name: string) =>
    new RegExp(`^${name}:\\s*(.+)$`, "m").exec(status)?.[1]?.trim();
  const server =
    processes.find((p) => field(p.status, "Name")?.startsWith("next-server")) ?? processes[0];
  const rssKb = server === undefined ? undefined : field(server.status, "VmRSS");
  if (server === undefined || rssKb === undefined) return null;
  return { pid: server.pid, rssMb: Number.parseInt(rssKb, 10) / 1024 };
}

interface Row {
  label: string;
  figures: Figures;
  connections: number;
}

/** "3 of 120 (500 ×2, socket ×1)": non-2xx answers and socket errors, of the requests that ended. */
function errorsOf(figures: Figures): string {
  const kinds = Object.entries(figures.non2xxStatuses).map(([status, n]) => `${status} ×${n}`);
  if (figures.socketErrors > 0) kinds.push(`socket ×${figures.socketErrors}`);
  const errors = figures.non2xx + figures.socketErrors;
  return `${errors} of ${figures.total}${kinds.length > 0 ? ` (${kinds.join(", ")})` : ""}`;
}

function table(rows: readonly Row[], ceiling: Figures): string {
  const lines = [
    "| run | connections | req/s | p50 ms | p99 ms | errors | of the ceiling |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { label, figures, connections } of rows) {
    lines.push(
      `| ${label} | ${connections} | ${figures.requestsPerSecond.toFixed(0)} | ${figures.p50Ms.toFixed(1)} | ` +
        `${figures.p99Ms.toFixed(1)} | ${errorsOf(figures)} | ` +
        `${((100 * figures.requestsPerSecond) / ceiling.requestsPerSecond).toFixed(0)}% |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const server = benchServerUrl();
  const database = `atlas_benchapi_${Date.now().toString(36)}`;
  const adminUrl = withDatabase(server, database);
  const appUrl = withDatabase(server, database, "atlas_app");
  let building: ChildProcess | undefined;
  let starting: Promise<PromiseSettledResult<RunningApp>[]> | undefined;
  let created = false;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopGroup(building);
      stopLoad();
      const started = (await starting) ?? [];
      await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : null)));
      if (created) {
        await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
        log(`dropped ${database}`);
      }
    })());
  const watchdog = setTimeout(() => {
    console.error(`bench/api: stopped after ${TIMEOUT_MINUTES} minutes`);
    void stop().finally(() => process.exit(2));
  }, TIMEOUT_MINUTES * 60_000);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }

  try {
    const postgres = await admin(server, async (c) => {
      const { rows } = await c.query<{ server_version: string }>("SHOW server_version");
      return rows[0]!.server_version;
    });
    log(
      `API benchmark: ${CONNECTIONS} connections, ${SECONDS} s a run after ${WARMUP_SECONDS} s of warm-up; ` +
        `${MEMBERS} members with each of ${HISTORIES.map(historyLabel).join(", ")} of history, ` +
        `${WRITE_MEMBERS} more for the write mix\n` +
        `machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
        `Node ${process.version}, PostgreSQL ${postgres}, everything on this machine`,
    );

    log("building web (next build, test mode; turbo cache)…");
    let started = performance.now();
    await turboBuild(["@atlas/web"], (child) => (building = child));
    if (ceilingIsFresh()) {
      log(`web built in ${seconds(performance.now() - started)}; the ceiling's build is fresh`);
    } else {
      log(`web built in ${seconds(performance.now() - started)}; building the ceiling…`);
      started = performance.now();
      const nextBin = join(repoRoot, "bench", "node_modules", "next", "dist", "bin", "next");
      await run(process.execPath, [nextBin, "build"], {
        cwd: ceilingDir,
        env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
        track: (child) => (building = child),
      });
      log(`ceiling built in ${seconds(performance.now() - started)}`);
    }

    await admin(server, (c) => c.query(`CREATE DATABASE "${database}"`));
    created = true;
    log(`created ${database}; migrating…`);
    await migrate(adminUrl);
    log("generating…");
    started = performance.now();
    const now = new Date();
    const cohorts = [
      ...HISTORIES.map((days) => ({ members: MEMBERS, days })),
      { members: WRITE_MEMBERS, days: WRITE_DAYS },
    ];
    const data = await admin(adminUrl, (c) =>
      generate(c, { cohorts, now, seed: 42, progress: log }),
    );
    log(
      `generated in ${seconds(performance.now() - started)}: ${Object.entries(data.counts)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")}; closing the past days (as the hourly job)…`,
    );
    started = performance.now();
    const appClient = createPrismaClient(appUrl, { max: 4 });
    try {
      const closed = await closeDueDays(
        createTenantDb(appClient, { workspaceId: data.workspaceId, userId: null }),
        { workspaceId: data.workspaceId, now },
      );
      log(
        `closed ${closed.closedDays.toLocaleString("en")} member-days in ${seconds(performance.now() - started)}`,
      );
    } finally {
      await appClient.$disconnect();
    }
    const habits = await admin(adminUrl, async (c) => {
      await c.query("ANALYZE");
      const { rows } = await c.query<{
        id: string;
        memberId: string;
        targetDirection: string | null;
      }>(
        `SELECT h.id, h."memberId", v."targetDirection" FROM "Habit" h
         JOIN "HabitVersion" v ON v."habitId" = h.id ORDER BY h."memberId", h.title`,
      );
      return rows;
    });

    log("starting web and the ceiling (next start)…");
    const [webPort, ceilingPort] =
      PORT === undefined ? [await freePort(), await freePort()] : [PORT, PORT + 1];
    const logDir = mkdtempSync(join(tmpdir(), "atlas-bench-api-"));
    const secret = randomBytes(32).toString("hex");
    const webEnv: NodeJS.ProcessEnv = {
      ...env,
      ATLAS_MODE: "test",
      DATABASE_URL: appUrl,
      DATABASE_ADMIN_URL: adminUrl,
      ATLAS_DEV_SESSION_SECRET: secret,
      ATLAS_WEB_URL: `http://127.0.0.1:${webPort}`,
    };
    // The in-process rate limiter (the shared Redis stays untouched) and the real clock.
    delete webEnv.REDIS_URL;
    delete webEnv.ATLAS_CLOCK_OFFSET;
    starting = Promise.allSettled([
      startNextApp({
        appDir: join(repoRoot, "apps", "web"),
        port: webPort,
        env: webEnv,
        logFile: join(logDir, "web.log"),
      }),
      startNextApp({
        appDir: ceilingDir,
        port: ceilingPort,
        env,
        logFile: join(logDir, "ceiling.log"),
        readyPath: "/api/trpc/ping",
      }),
    ]);
    const [web, ceiling] = (await starting).map((s) => {
      if (s.status === "rejected") throw s.reason;
      return s.value;
    }) as [RunningApp, RunningApp];
    log(`web at ${web.url} (pid ${web.pid}), the ceiling at ${ceiling.url}; logs in ${logDir}`);

    // Signed in as the dev sign-in does: a dev session issued with the server's secret.
    // Each session is opened on the server as the sign-in opens it (sign-out would close it).
    const cookieOf = new Map<string, string>();
    const sessionEnv = { ATLAS_MODE: "test", DATABASE_URL: appUrl, DATABASE_ADMIN_URL: adminUrl };
    const sessionClient = createPrismaClient(appUrl, { max: 2 });
    try {
      for (const member of data.members) {
        const sessionId = await openDevSession(member.id, sessionEnv, sessionClient);
        const token = await issueDevSession(
          { userId: member.id, workspaceId: data.workspaceId, sessionId },
          secret,
        );
        cookieOf.set(member.id, `${DEV_SESSION_COOKIE}=${token}`);
      }
    } finally {
      await sessionClient.$disconnect();
    }
    const current = await fetch(`${web.url}${queryPath("workspace.current")}`, {
      headers: { cookie: cookieOf.get(data.members[0]!.id)! },
    });
    const workspace = (await current.json()) as { result?: { data: { json: { id: string } } } };
    if (!current.ok || workspace.result?.data.json.id !== data.workspaceId) {
      throw new Error(`signing in failed: workspace.current answered ${current.status}`);
    }
    const memoryAtStart = serverMemory(web.pid);
    log(
      `signed in ${data.members.length} members; web's memory now ${memoryAtStart?.rssMb.toFixed(0)} MB`,
    );

    // The generator's members come cohort by cohort: each history's readers, then the writers.
    const readers = (days: number) => {
      const i = HISTORIES.indexOf(days);
      return data.members.slice(i * MEMBERS, (i + 1) * MEMBERS);
    };
    const habitsOf = (members: readonly BenchMember[]) => {
      const ids = new Set(members.map((m) => m.id));
      return habits.filter((h) => ids.has(h.memberId));
    };
    const calls = (members: readonly BenchMember[], procedure: string) =>
      members.map((m) => ({ path: queryPath(procedure), cookie: cookieOf.get(m.id)! }));

    const rows: Row[] = [];
    const measure = async (
      label: string,
      url: string,
      requests: () => Parameters<typeof load>[0]["requests"],
      connections = CONNECTIONS,
    ) => {
      if (WARMUP_SECONDS > 0)
        await load({ url, connections, seconds: WARMUP_SECONDS, requests: requests() });
      const figures = await load({ url, connections, seconds: SECONDS, requests: requests() });
      // The bench's own mistakes (a bad input, a session not taken); overload shows as 5xx/429.
      const mistakes = Object.keys(figures.non2xxStatuses).filter((s) => MISTAKES.has(s));
      if (mistakes.length > 0) {
        throw new Error(`${label}: answered ${mistakes.join(", ")}; see ${logDir}`);
      }
      rows.push({ label, figures, connections });
      log(
        `  ${label}: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, ` +
          `p99 ${figures.p99Ms} ms, ${errorsOf(figures)}`,
      );
      return figures;
    };

    log("measuring…");
    const ceilingFigures = await measure("ceiling: tRPC ping (second Next app)", ceiling.url, () =>
      cycling([{ path: queryPath("ping"), cookie: "" }]),
    );
    await measure("workspace.current (cheapest signed-in)", web.url, () =>
      cycling(calls(readers(HISTORIES[0]!), "workspace.current")),
    );
    for (const days of HISTORIES) {
      await measure(`today.get, ${historyLabel(days)}`, web.url, () =>
        cycling(calls(readers(days), "today.get")),
      );
    }
    for (const days of HISTORIES) {
      await measure(
        `today.get, ${historyLabel(days)}, alone`,
        web.url,
        () => cycling(calls(readers(days), "today.get")),
        1,
      );
    }
    for (const days of HISTORIES) {
      await measure(`dashboard.get, ${historyLabel(days)}`, web.url, () =>
        cycling(calls(readers(days), "dashboard.get")),
      );
    }
    for (const days of HISTORIES) {
      await measure(`habit.history, ${historyLabel(days)}`, web.url, () =>
        cycling(
          habitsOf(readers(days)).map((h) => ({
            path: queryPath("habit.history", { habitId: h.id }),
            cookie: cookieOf.get(h.memberId)!,
          })),
        ),
      );
    }

    const writers: HabitToLog[] = habitsOf(data.members.slice(HISTORIES.length * MEMBERS)).map(
      (h) => ({
        habitId: h.id,
        cookie: cookieOf.get(h.memberId)!,
        ...(h.targetDirection === "at_most" ? { value: 1 } : {}),
      }),
    );
    const writesSince = new Date();
    const mix = writeMix(writers, CONNECTIONS);
    await measure("write mix: log.checkIn then log.undo", web.url, () => mix.requests);
    const memoryAfter = serverMemory(web.pid);
    // Let the writes in flight when the load stopped finish before they are counted.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const writes = await admin(adminUrl, (c) => checkWrites(c, writesSince, mix.ledger));

    log(`\n${table(rows, ceilingFigures)}\n`);
    log(
      `web's memory (VmRSS of pid ${memoryAfter?.pid ?? "?"}): ${memoryAtStart?.rssMb.toFixed(0)} MB after start, ` +
        `${memoryAfter?.rssMb.toFixed(0)} MB after the runs`,
    );
    log(
      `write mix, warm-up included: ${writes.checkIns} check-ins and ${writes.undos} undos answered 2xx, ` +
        `${writes.events} events written; lost ${writes.lost}, doubled ${writes.doubled}; ` +
        `written though answered with an error ${writes.writtenDespiteRefusal} (a retry with its key ` +
        `gets the stored answer), in flight at the stop ${writes.inFlight}`,
    );
    if (writes.lost + writes.doubled > 0) {
      throw new Error("the write mix lost or doubled writes (see the line above)");
    }
  } finally {
    clearTimeout(watchdog);
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error("bench/api failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
