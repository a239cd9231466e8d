/**
 * The scoring benchmark: `pnpm --filter @atlas/bench scoring` (or `pnpm bench` at the root).
 *
 * Creates a fresh database on the loopback PostgreSQL, migrates it, generates MEMBERS members ×
 * DAYS days (3 habits, 2 tasks a day), then times, in one run:
 *   (a) the project's recompute of the daily scores alone (batched load + scoreMemberDays),
 *   (b) the same scores as ONE hand-written set-based SQL query (the floor),
 *   (c) the project's full derivation (deriveMember: strength, streaks, states, consistency),
 *       in memory, then stored through the service (closeDueDays from nothing),
 *   (d) one incremental day for every member (closeDueDays the next day),
 * checks that (a), (b) and (c) give the same scores, prints the figures and drops the database.
 * Bounded (a watchdog stops it after BENCH_TIMEOUT_MINUTES), loopback only.
 */
import { loadMemberContexts } from "@atlas/core/services/derived/member-history";
import { scoreMemberDays, type DailyScoreRow } from "@atlas/core/services/derived/daily-scores";
import { closeDueDays } from "@atlas/core/services/derived/derived";
import { deriveMember } from "@atlas/core/derive/derive-member";
import { createPrismaClient, createTenantDb, type TenantDb } from "@atlas/db";
import { addDays } from "@atlas/time";
import { admin, benchDatabase, benchServerUrl, machineLine, migrate } from "../shared/database.ts";
import { floorScores, type FloorRow } from "./floor.ts";
import { generate, type BenchData } from "./generate.ts";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const BATCH_MEMBERS = Number(process.env.BENCH_BATCH ?? 100);
const TIMEOUT_MINUTES = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 30);
const DAY_MS = 86_400_000;

const log = (line: string) => console.log(line);

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Members in batches; each batch loaded with one query per table in one tenant transaction. */
async function forEachBatch(
  db: TenantDb,
  data: BenchData,
  fn: (contexts: Awaited<ReturnType<typeof loadMemberContexts>>) => void,
): Promise<{ loadMs: number; computeMs: number }> {
  let loadMs = 0;
  let computeMs = 0;
  const ids = data.members.map((m) => m.id);
  // Load the next batch while this one is computed: the database works while Node computes.
  const load = (i: number) => {
    const started = performance.now();
    return db
      .$transaction(
        (tx) =>
          loadMemberContexts(tx, {
            workspaceId: data.workspaceId,
            memberIds: ids.slice(i, i + BATCH_MEMBERS),
          }),
        { timeout: 300_000 },
      )
      .then((contexts) => ({ contexts, ms: performance.now() - started }));
  };
  let next = load(0);
  for (let i = 0; i < ids.length; i += BATCH_MEMBERS) {
    const { contexts, ms } = await next;
    loadMs += ms;
    if (i + BATCH_MEMBERS < ids.length) next = load(i + BATCH_MEMBERS);
    const started = performance.now();
    fn(contexts);
    computeMs += performance.now() - started;
  }
  return { loadMs, computeMs };
}

const scoreKey = (memberId: string, date: string) => `${memberId}|${date}`;

function compareScores(
  project: Map<string, DailyScoreRow>,
  floor: readonly FloorRow[],
): { compared: number; mismatches: string[] } {
  const mismatches: string[] = [];
  const seen = new Set<string>();
  for (const row of floor) {
    const key = scoreKey(row.memberId, row.localDate);
    seen.add(key);
    const mine = project.get(key);
    if (
      mine === undefined ||
      mine.scoreNumerator?.toString() !== row.num ||
      mine.scoreDenominator?.toString() !== row.den ||
      mine.score !== row.score ||
      mine.dueCount !== row.dueCount ||
      mine.doneCount !== row.doneCount
    ) {
      mismatches.push(
        `${key}: project ${JSON.stringify(mine, (_, v) => (typeof v === "bigint" ? `${v}` : v))} floor ${JSON.stringify(row)}`,
      );
    }
  }
  for (const [key, mine] of project) {
    if (!seen.has(key) && mine.score !== null)
      mismatches.push(`${key}: only the project scores it`);
  }
  return { compared: floor.length, mismatches };
}

async function main() {
  const server = benchServerUrl();
  const { database, adminUrl, appUrl, done } = benchDatabase(server, "atlas_bench", {
    timeoutMinutes: TIMEOUT_MINUTES,
    log,
  });
  const now = new Date();
  const machine = await machineLine(server);
  log(
    `Scoring benchmark: ${MEMBERS} members × ${DAYS} days, 3 habits and 2 tasks a day\n` +
      `${machine}`,
  );

  try {
    await admin(server, (c) => c.query(`CREATE DATABASE "${database}"`));
    log(`created ${database}; migrating…`);
    await migrate(adminUrl);

    log("generating…");
    const generated = await timed(() =>
      admin(adminUrl, async (c) => {
        const data = await generate(c, {
          cohorts: [{ members: MEMBERS, days: DAYS }],
          now,
          seed: 42,
          progress: log,
        });
        await c.query("ANALYZE");
        return data;
      }),
    );
    const data = generated.result;
    log(
      `generated in ${seconds(generated.ms)}: ${Object.entries(data.counts)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ")}`,
    );

    const app = createPrismaClient(appUrl, { max: 4 });
    const db = createTenantDb(app, { workspaceId: data.workspaceId, userId: null });
    const ranges = data.members.map((m) => ({
      memberId: m.id,
      from: data.firstDay,
      to: addDays(m.today, -1),
      today: m.today,
    }));
    const rangeOf = new Map(ranges.map((r) => [r.memberId, r]));

    // (a) the project's daily scores alone.
    const scores = new Map<string, DailyScoreRow>();
    const a = await timed(() =>
      forEachBatch(db, data, (contexts) => {
        for (const [memberId, context] of contexts) {
          const range = rangeOf.get(memberId)!;
          for (const row of scoreMemberDays(context.history, range, range.today)) {
            scores.set(scoreKey(memberId, row.localDate), row);
          }
        }
      }),
    );
    log(
      `(a) project, daily scores: ${seconds(a.ms)} (load ${seconds(a.result.loadMs)}, compute ${seconds(a.result.computeMs)}), ${scores.size.toLocaleString("en")} member-days`,
    );

    // (b) the floor.
    const b = await timed(() => admin(appUrl, (c) => floorScores(c, data.workspaceId, ranges)));
    log(
      `(b) one SQL query (floor): ${seconds(b.ms)}, ${b.result.length.toLocaleString("en")} scored member-days`,
    );
    const ab = compareScores(scores, b.result);
    if (ab.mismatches.length > 0) {
      throw new Error(
        `(a) and (b) differ on ${ab.mismatches.length} days, e.g.\n${ab.mismatches.slice(0, 5).join("\n")}`,
      );
    }
    log(
      `    (a) = (b) on all ${ab.compared.toLocaleString("en")} scored member-days (num/den, score, due, done)`,
    );

    // (c) the full derivation, in memory.
    let derivedRows = 0;
    let cMismatches = 0;
    const c = await timed(() =>
      forEachBatch(db, data, (contexts) => {
        for (const [memberId, context] of contexts) {
          const range = rangeOf.get(memberId)!;
          const result = deriveMember(context.history, range, { today: range.today });
          derivedRows += result.days.length + result.habitDays.length;
          for (const day of result.days) {
            const mine = scores.get(scoreKey(memberId, day.localDate));
            if (mine?.score !== day.score || mine?.scoreNumerator !== day.scoreNumerator)
              cMismatches++;
          }
        }
      }),
    );
    if (cMismatches > 0) throw new Error(`(c) and (a) differ on ${cMismatches} days`);
    log(
      `(c) project, full derivation in memory: ${seconds(c.ms)} (load ${seconds(c.result.loadMs)}, compute ${seconds(c.result.computeMs)}), ${derivedRows.toLocaleString("en")} rows; scores = (a)`,
    );

    const stored = await timed(() => closeDueDays(db, { workspaceId: data.workspaceId, now }));
    log(
      `(c') full derivation stored (closeDueDays from nothing): ${seconds(stored.ms)}, ${stored.result.closedDays.toLocaleString("en")} member-days closed`,
    );

    const nextDay = new Date(now.getTime() + DAY_MS);
    const d = await timed(() => closeDueDays(db, { workspaceId: data.workspaceId, now: nextDay }));
    if (d.result.closedDays !== MEMBERS) {
      throw new Error(`(d) closed ${d.result.closedDays} days, expected one per member`);
    }
    log(
      `(d) one incremental day, all members (closeDueDays the next day): ${seconds(d.ms)}, ${(d.ms / MEMBERS).toFixed(1)} ms per member`,
    );

    log(`\n| measure | time |\n|---|---|`);
    log(`| (a) project: daily scores alone | ${seconds(a.ms)} |`);
    log(`| (b) floor: one SQL query | ${seconds(b.ms)} |`);
    log(`| (a)/(b) | ${(a.ms / b.ms).toFixed(2)} |`);
    log(`| (c) project: full derivation, in memory | ${seconds(c.ms)} |`);
    log(`| (c') full derivation stored (first close) | ${seconds(stored.ms)} |`);
    log(`| (d) one incremental day, all members | ${seconds(d.ms)} |`);
    await app.$disconnect();
  } finally {
    await done();
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
