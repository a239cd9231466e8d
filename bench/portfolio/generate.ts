/**
 * The portfolio benchmark's data: WORKSPACES workspaces × MEMBERS members, one coach of them all,
 * DAYS days of history per member written straight as the stored rows the portfolio reads
 * (MemberDayScore, HabitDayValue, checkpoints) and the log (3 daily habits, a check-in most days), by
 * set-based SQL (generate_series) as the admin role: no derivation runs. Deterministic: every
 * "random" value is a hash of its coordinates. A tenth of the members slip over the last two weeks,
 * a tenth stop checking in, a tenth carry too much load, a tenth broke a long streak.
 */
import { randomUUID } from "node:crypto";
import { PLAN_CATALOG, snapshotOf } from "@atlas/core/billing/plan-catalog";
import type pg from "pg";

export interface PortfolioData {
  coachId: string;
  workspaceIds: string[];
  counts: Record<string, number>;
}

/** The members' zones, one in four each (the notify bench ticks 19:00 in each). */
export const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];

export async function generatePortfolio(
  client: pg.ClientBase,
  opts: {
    workspaces: number;
    members: number;
    days: number;
    today: string;
    /** Prefixes every generated id, so two cohorts can share a database (bench/notify). */
    prefix?: string;
  },
  progress: (line: string) => void,
): Promise<PortfolioData> {
  const { workspaces, members, days, today } = opts;
  const p = opts.prefix ?? "";
  if (!/^[a-z0-9]*$/.test(p)) throw new Error(`bench: prefix ${p} must be [a-z0-9]*`);
  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    progress(
      `  ${what}: ${result.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  };
  const planId = randomUUID();
  const plan = PLAN_CATALOG.self_hosted;
  const { rows: plans } = await client.query<{ id: string }>(
    `INSERT INTO "Plan" (id, key, name) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [planId, plan.id, plan.name],
  );
  const coachId = `${p}bench-coach`;
  await client.query(`INSERT INTO "User" (id, email, name) VALUES ($1, $2, 'Bench Coach')`, [
    coachId,
    `${p}coach@bench.local`,
  ]);
  await step(
    "workspaces",
    `INSERT INTO "Workspace" (id, name, slug, "planId", entitlements, "createdAt")
     SELECT '${p}w' || w, 'Workspace ' || w, '${p}bench-' || w, $4, $5::jsonb, $3::date - ($2::int + 30)
     FROM generate_series(1, $1::int) w`,
    [workspaces, days, today, plans[0]!.id, JSON.stringify(snapshotOf(plan.id))],
  );
  const members$ = `FROM generate_series(1, $1::int) w, generate_series(1, $2::int) m`;
  await step(
    "users",
    `INSERT INTO "User" (id, email, name)
     SELECT '${p}u' || w || '-' || m, '${p}u' || w || '-' || m || '@bench.local', 'Member ' || w || '-' || m
     ${members$}`,
    [workspaces, members],
  );
  await step(
    "time settings",
    `INSERT INTO "UserTimeSetting" (id, "userId", "effectiveFrom", "timeZone")
     SELECT gen_random_uuid()::text, '${p}u' || w || '-' || m, '2000-01-01',
            ($3::text[])[1 + (w * 31 + m) % ${ZONES.length}]
     ${members$}`,
    [workspaces, members, ZONES],
  );
  await step(
    "memberships",
    `INSERT INTO "Membership" ("workspaceId", "userId", role, "createdAt")
     SELECT '${p}w' || w, '${p}u' || w || '-' || m, 'member'::"MembershipRole", $4::date - ($3::int + 1) ${members$}
     UNION ALL
     SELECT '${p}w' || w, '${coachId}', 'coach'::"MembershipRole", $4::date - ($3::int + 1) FROM generate_series(1, $1::int) w`,
    [workspaces, members, days, today],
  );
  const habits$ = `${members$}, generate_series(1, 3) h`;
  await step(
    "habits",
    `INSERT INTO "Habit" (id, "workspaceId", "memberId", title, "startDate", "createdById")
     SELECT '${p}h' || w || '-' || m || '-' || h, '${p}w' || w, '${p}u' || w || '-' || m, 'Habit ' || h,
            $4::date - $3::int, '${p}u' || w || '-' || m
     ${habits$}`,
    [workspaces, members, days, today],
  );
  await step(
    "habit versions",
    `INSERT INTO "HabitVersion" (id, "workspaceId", "habitId", "effectiveFrom", schedule)
     SELECT gen_random_uuid()::text, '${p}w' || w, '${p}h' || w || '-' || m || '-' || h,
            $4::date - $3::int, 'daily'::"HabitSchedule"
     ${habits$}`,
    [workspaces, members, days, today],
  );
  // Days today − days … today; "k" = days before today. Kinds of member by m % 10.
  const days$ = `${members$}, generate_series(0, $3::int) k`;
  const rnd = (salt: string) =>
    `((hashtext(w || '-' || m || '-' || k || '${salt}') & 1023) / 1023.0)`;
  await step(
    "events",
    `INSERT INTO "ExecutionEvent" (id, "workspaceId", "memberId", "habitId", kind, "localDate",
       "occurredAt", "recordedById", source, "idempotencyKey")
     SELECT gen_random_uuid()::text, '${p}w' || w, '${p}u' || w || '-' || m, '${p}h' || w || '-' || m || '-' || h,
            'done', $4::date - k, ($4::date - k) + time '09:00' + h * interval '1 hour',
            '${p}u' || w || '-' || m, 'web', '${p}e' || w || '-' || m || '-' || h || '-' || k
     ${days$}, generate_series(1, 3) h
     WHERE ${rnd("e")} < 0.85 - 0.1 * h AND NOT (m % 10 = 1 AND k < 5)`,
    [workspaces, members, days, today],
  );
  const score = `LEAST(100, GREATEST(0, CASE WHEN m % 10 = 2 AND k < 14 THEN 40 + 4 * k
                  ELSE 55 + (${rnd("s")} * 40)::int END))`;
  await step(
    "member days",
    `INSERT INTO "MemberDayScore" ("workspaceId", "memberId", "localDate", "scoreNumerator",
       "scoreDenominator", score, "dueCount", "doneCount", consistency, "loadMinutes",
       "capacityMinutes", "closedAt")
     SELECT '${p}w' || w, '${p}u' || w || '-' || m, $4::date - k, s, 100, s, 3, 2,
            round(0.5 + (${rnd("c")} * 0.4)::numeric, 5),
            CASE WHEN m % 10 = 3 AND k < 7 THEN 480 ELSE 120 + (${rnd("l")} * 180)::int END, 360,
            CASE WHEN k > 0 THEN $4::date - k + 1 END
     FROM (SELECT w, m, k, ${score} AS s ${days$}) d`,
    [workspaces, members, days, today],
  );
  await step(
    "habit days",
    `INSERT INTO "HabitDayValue" ("workspaceId", "memberId", "habitId", "localDate", completion,
       strength, streak, state)
     SELECT '${p}w' || w, '${p}u' || w || '-' || m, '${p}h' || w || '-' || m || '-' || h, $4::date - k,
            CASE WHEN ${rnd("e")} < 0.85 - 0.1 * h THEN 1 ELSE 0 END,
            round((${rnd("g")})::numeric, 7), (k * 7 + h) % 20,
            (CASE WHEN k = 0 THEN 'pending' WHEN ${rnd("e")} < 0.85 - 0.1 * h THEN 'met'
                  ELSE 'missed' END)::"HabitDayState"
     ${days$}, generate_series(1, 3) h`,
    [workspaces, members, days, today],
  );
  // The end of yesterday and of every Sunday, as the hourly close keeps them.
  await step(
    "checkpoints",
    `INSERT INTO "MemberDeriveCheckpoint" ("workspaceId", "memberId", "localDate", state)
     SELECT '${p}w' || w, '${p}u' || w || '-' || m, $4::date - k, jsonb_build_object(
              'version', 1, 'through', $4::date - k, 'consistency', 0.7,
              'lastRaw', jsonb_build_object('num', '70', 'den', '100'),
              'scoredDays', $3::int - k + 1,
              'habits', (SELECT jsonb_object_agg('${p}h' || w || '-' || m || '-' || h, jsonb_build_object(
                  'strength', 0.6, 'week', null,
                  'streak', jsonb_build_object('streak', 3, 'bestStreak', 20, 'previous', 'met',
                    'pendingRepair', null, 'lastRepairedDate', null, 'lastBreak', null,
                    'lastLongBreak', CASE WHEN m % 10 = 4 THEN jsonb_build_object(
                      'localDate', ($4::date - k - 2)::text, 'length', 12) END)))
                FROM generate_series(1, 3) h))
     ${days$}
     WHERE k >= 1 AND (k = 1 OR extract(isodow FROM $4::date - k) = 7)`,
    [workspaces, members, days, today],
  );
  const counts: Record<string, number> = {};
  for (const table of [
    "ExecutionEvent",
    "MemberDayScore",
    "HabitDayValue",
    "MemberDeriveCheckpoint",
  ]) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(rows[0]!.n);
  }
  return {
    coachId,
    workspaceIds: Array.from({ length: workspaces }, (_, i) => `${p}w${i + 1}`),
    counts,
  };
}
