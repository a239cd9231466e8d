/**
 * The evening fan-out benchmark: `pnpm --filter @atlas/bench notify` (issue 14, "Speed").
 *
 * Creates a fresh database on the loopback PostgreSQL, migrates it and generates two cohorts in
 * it with the portfolio benchmark's set-based generator (stored MemberDayScore / HabitDayValue
 * rows, checkpoints, 3 habits and their log): BENCH_WORKSPACES × BENCH_MEMBERS members with
 * BENCH_SHORT_DAYS (60) days of history, and as many with BENCH_DAYS (365). Then, for each zone
 * the members live in, one tick at 19:30 local (docs/domain.md "Streak monitoring"): per
 * workspace `eveningStreakNotices` (the selection, as the app role bound to the workspace) and
 * `notify()` (packages/notify) for each notice, as the evening job runs them. Every member is
 * checked once. Prints the time and the statements sent per member, split selection vs notify,
 * for each cohort, and the ratio of the two cohorts (the cost must not grow with history).
 * Bounded by a watchdog; drops its database.
 */
import { snapshotOf } from "@atlas/core";
import { eveningStreakNotices } from "@atlas/core/services/notifications/job-notices";
import { getToday } from "@atlas/core/services/views/today";
import { createPrismaClient, createTenantDb } from "@atlas/db";
import { noticeMessage } from "@atlas/jobs/notifications";
import { notify, type NotifyDeps } from "@atlas/notify";
import { localDayRange, type LocalDate } from "@atlas/time";
import pg from "pg";
import { generatePortfolio, ZONES } from "../portfolio/generate.ts";
import { admin, benchDatabase, benchServerUrl, machineLine, migrate } from "../shared/database.ts";

const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 250);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const SHORT_DAYS = Number(process.env.BENCH_SHORT_DAYS ?? 60);
const TIMEOUT_MINUTES = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 40);
/** 19:30 local, inside the reminder's hour (notice-rules.ts EVENING_REMINDER_HOUR): local noon
 * (a day starting at noon, as the jobs' test pins instants) plus 7.5 hours. */
const NOON_MINUTES = 12 * 60;
const TICK_AFTER_NOON_MS = 7.5 * 3_600_000;

const log = (line: string) => console.log(line);

/**
 * Every statement this process sends to PostgreSQL (Prisma's adapter and notify() use the same
 * `pg`): BEGIN, COMMIT and the tenant's set_config count too, as the server sees them.
 */
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

interface Cohort {
  label: string;
  days: number;
  workspaceIds: string[];
}

interface Tally {
  members: number;
  notices: number;
  selectMs: number;
  selectStatements: number;
  notifyMs: number;
  notifyStatements: number;
}

/** The job's wording of a streak reminder (categories.ts: title, body, the first habit's link). */
async function main() {
  const server = benchServerUrl();
  const { database, adminUrl, appUrl, done } = benchDatabase(server, "atlas_bench_nt", {
    timeoutMinutes: TIMEOUT_MINUTES,
    log,
  });
  const machine = await machineLine(server);
  log(
    `Notify benchmark: the evening streak fan-out, 2 cohorts of ${WORKSPACES} workspaces × ` +
      `${MEMBERS} members (${SHORT_DAYS} and ${DAYS} days of history)\n${machine}`,
  );

  try {
    await admin(server, (c) => c.query(`CREATE DATABASE "${database}"`));
    log(`created ${database}; migrating…`);
    await migrate(adminUrl);
    const now = new Date();
    const today = now.toISOString().slice(0, 10) as LocalDate;
    const cohorts: Cohort[] = [];
    const started = performance.now();
    await admin(adminUrl, async (c) => {
      // "w": one workspace to warm up on (not counted), then the two cohorts.
      for (const [prefix, days, workspaces] of [
        ["w", SHORT_DAYS, 1],
        ["s", SHORT_DAYS, WORKSPACES],
        ["l", DAYS, WORKSPACES],
      ] as const) {
        log(`generating ${prefix === "w" ? "the warm-up workspace" : `${days} days`}…`);
        const data = await generatePortfolio(
          c,
          { workspaces, members: MEMBERS, days, today, prefix },
          log,
        );
        cohorts.push({ label: `${days} days`, days, workspaceIds: data.workspaceIds });
      }
      await c.query("ANALYZE");
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "HabitDayValue"`);
      log(
        `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${Number(rows[0]!.n).toLocaleString("en")} HabitDayValue rows`,
      );
    });

    const app = createPrismaClient(appUrl, { max: 4 });
    try {
      // One tick per zone: at 19:30 of `today` local, that zone's members are in their evening.
      const ticks = ZONES.map(
        (zone) =>
          new Date(localDayRange(today, zone, NOON_MINUTES).start.getTime() + TICK_AFTER_NOON_MS),
      );
      let scheduled = 0;
      const results: Tally[] = [];
      for (const cohort of cohorts) {
        const tally: Tally = {
          members: cohort.workspaceIds.length * MEMBERS,
          notices: 0,
          selectMs: 0,
          selectStatements: 0,
          notifyMs: 0,
          notifyStatements: 0,
        };
        for (const tick of ticks) {
          const deps: NotifyDeps = {
            db: app,
            clock: { now: () => tick },
            schedule: async () => {
              scheduled += 1;
            },
            publish: async () => undefined,
          };
          for (const workspaceId of cohort.workspaceIds) {
            const db = createTenantDb(app, { workspaceId, userId: null });
            let t0 = performance.now();
            let s0 = statements;
            const notices = await eveningStreakNotices(db, { workspaceId, now: tick });
            tally.selectMs += performance.now() - t0;
            tally.selectStatements += statements - s0;
            tally.notices += notices.length;
            t0 = performance.now();
            s0 = statements;
            for (const notice of notices) {
              await notify(
                deps,
                { workspaceId, userId: notice.userId },
                "streak_at_risk",
                noticeMessage(notice),
                notice.dedupeKey,
              );
            }
            tally.notifyMs += performance.now() - t0;
            tally.notifyStatements += statements - s0;
          }
        }
        if (cohort === cohorts[0]) {
          log("warmed up (not counted)");
          continue;
        }
        results.push(tally);
        const total = tally.selectMs + tally.notifyMs;
        log(
          `${cohort.label}: ${tally.members} members checked in ${(total / 1000).toFixed(1)} s ` +
            `(${(total / tally.members).toFixed(2)} ms a member): selection ` +
            `${(tally.selectMs / 1000).toFixed(1)} s, ${(tally.selectStatements / tally.members).toFixed(1)} ` +
            `statements a member; ${tally.notices} reminders, notify() ` +
            `${(tally.notifyMs / 1000).toFixed(1)} s, ` +
            `${tally.notices ? (tally.notifyMs / tally.notices).toFixed(1) : "–"} ms and ` +
            `${tally.notices ? (tally.notifyStatements / tally.notices).toFixed(1) : "–"} statements a reminder`,
        );
      }
      // What confirming one candidate costs: Today for each member of a long-history workspace.
      const sample = cohorts[2]!.workspaceIds[0]!;
      const todayStarted = performance.now();
      const todayS0 = statements;
      for (let m = 1; m <= MEMBERS; m++) {
        const userId = `lu1-${m}`;
        await getToday(
          createTenantDb(app, { workspaceId: sample, userId: null }),
          { workspaceId: sample, userId, entitlements: snapshotOf("self_hosted") },
          ticks[0]!,
        );
      }
      log(
        `getToday alone (${MEMBERS} members, ${DAYS} days): ` +
          `${((performance.now() - todayStarted) / MEMBERS).toFixed(1)} ms and ` +
          `${((statements - todayS0) / MEMBERS).toFixed(1)} statements a member`,
      );
      // Members read by getToday are those with a streak (or a pending repair) yesterday.
      const candidates = await admin(adminUrl, async (c) => {
        const { rows } = await c.query<{ n: string }>(
          `SELECT count(DISTINCT "memberId") AS n FROM "HabitDayValue"
           WHERE "localDate" = $1::date - 1 AND (streak >= 3 OR "isPendingRepair")
             AND "workspaceId" <> ALL($2::text[])`,
          [today, cohorts[0]!.workspaceIds],
        );
        return Number(rows[0]!.n);
      });
      const [short, long] = results as [Tally, Tally];
      const perMember = (t: Tally) => (t.selectMs + t.notifyMs) / t.members;
      log(
        `all: ${short.members + long.members} members, ` +
          `${((short.selectMs + short.notifyMs + long.selectMs + long.notifyMs) / 1000).toFixed(1)} s; ` +
          `${candidates} candidates read through Today (a streak ≥ 3 or a pending repair yesterday), ` +
          `${short.notices + long.notices} reminders, ${scheduled} deliveries scheduled\n` +
          `ratio ${DAYS} / ${SHORT_DAYS} days: time a member ${(perMember(long) / perMember(short)).toFixed(2)}, ` +
          `selection statements a member ${(
            long.selectStatements /
            long.members /
            (short.selectStatements / short.members)
          ).toFixed(2)}`,
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
