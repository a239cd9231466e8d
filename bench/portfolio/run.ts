/**
 * The portfolio benchmark: `pnpm --filter @atlas/bench portfolio` (or `pnpm bench` at the root).
 *
 * Creates a fresh database on the loopback PostgreSQL, migrates it, generates one coach of
 * WORKSPACES × MEMBERS members with DAYS days of stored history each (generate.ts), then times
 * the portfolio service call (`listPortfolio` through the console's client, as the application
 * role) RUNS times after one warm-up: the server's time for the coach's first page, which ranks
 * every member. Target: ≤ 300 ms. Bounded by a watchdog; drops its database.
 */
import { snapshotOf } from "@atlas/core";
import { lastFinishedWeekStart } from "@atlas/core/weekly-summary";
import { listPortfolio } from "@atlas/core/services/workspaces/portfolio";
import { summariseWorkspaceWeek } from "@atlas/core/services/workspaces/weekly-summary";
import { createConsoleDb, createPrismaClient, createTenantDb } from "@atlas/db";
import { admin, benchDatabase, benchServerUrl, machineLine, migrate } from "../shared/database.ts";
import { generatePortfolio } from "./generate.ts";

const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 50);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TIMEOUT_MINUTES = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 20);
const TARGET_MS = 300;

const log = (line: string) => console.log(line);

async function main() {
  const server = benchServerUrl();
  const { database, adminUrl, appUrl, done } = benchDatabase(server, "atlas_bench_pf", {
    timeoutMinutes: TIMEOUT_MINUTES,
    log,
  });
  const machine = await machineLine(server);
  log(
    `Portfolio benchmark: a coach of ${WORKSPACES} workspaces × ${MEMBERS} members, ${DAYS} days each\n` +
      `${machine}`,
  );

  try {
    await admin(server, (c) => c.query(`CREATE DATABASE "${database}"`));
    log(`created ${database}; migrating…`);
    await migrate(adminUrl);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    log("generating…");
    const started = performance.now();
    const data = await admin(adminUrl, async (c) => {
      const generated = await generatePortfolio(
        c,
        { workspaces: WORKSPACES, members: MEMBERS, days: DAYS, today },
        log,
      );
      await c.query("ANALYZE");
      return generated;
    });
    log(
      `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(
        data.counts,
      )
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")}`,
    );

    const app = createPrismaClient(appUrl, { max: 4 });
    try {
      const viewer = {
        userId: data.coachId,
        // The workspaces' own snapshot (generate.ts): every one includes the coach console.
        coached: data.workspaceIds.map((workspaceId) => ({
          workspaceId,
          role: "coach" as const,
          entitlements: snapshotOf("self_hosted"),
        })),
      };
      const consoleDb = createConsoleDb(app, data.coachId);
      const call = () => listPortfolio(consoleDb, viewer, { limit: 50 }, new Date());
      const warm = await call();
      const expected = WORKSPACES * MEMBERS;
      if (warm.total !== expected) {
        throw new Error(`the portfolio has ${warm.total} members, expected ${expected}`);
      }
      const flagged = warm.items.filter((i) => i.flags.length > 0).length;
      log(`warm-up: ${warm.total} members ranked, ${flagged} of the first page flagged`);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await call();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      const median = at(0.5);
      log(
        `portfolio.list (${RUNS} runs): min ${times[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms, ` +
          `p95 ${at(0.95).toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms ` +
          `(target ≤ ${TARGET_MS} ms: ${median <= TARGET_MS ? "met" : "NOT met"})`,
      );

      // The weekly job's step on the same data: one workspace's last finished week, as the job
      // computes it (a client bound to that workspace), for every workspace in turn.
      const weekStart = lastFinishedWeekStart(new Date(), "UTC");
      const weekTimes: number[] = [];
      for (const workspaceId of data.workspaceIds) {
        const bound = createTenantDb(app, { workspaceId, userId: data.coachId });
        const t0 = performance.now();
        await summariseWorkspaceWeek(bound, workspaceId, weekStart, new Date());
        weekTimes.push(performance.now() - t0);
      }
      weekTimes.sort((a, b) => a - b);
      const wq = (q: number) =>
        weekTimes[Math.min(weekTimes.length - 1, Math.floor(q * weekTimes.length))]!;
      log(
        `summariseWorkspaceWeek (${weekTimes.length} workspaces of ${MEMBERS} members, week of ` +
          `${weekStart}): median ${wq(0.5).toFixed(0)} ms, p95 ${wq(0.95).toFixed(0)} ms, ` +
          `max ${weekTimes.at(-1)!.toFixed(0)} ms`,
      );
    } finally {
      await app.$disconnect();
    }
  } finally {
    await done();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
