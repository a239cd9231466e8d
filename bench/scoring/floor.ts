/**
 * The floor: the same daily scores as ONE hand-written set-based query over the same rows, as
 * the application role under row-level security. Exact: each day's Σ w·c is summed over a common
 * denominator (the member's LCM of its habit targets, folded by a recursive CTE), reduced with
 * gcd, and rounded half up with integer division, as core's scoreDay does on BigInt.
 *
 * It implements the rules the benchmark's data exercises: versions in force per day (with
 * lead()), all four schedules, measurable targets of both directions, skips, undos, the
 * times_per_week "necessary" rule (window functions per ISO week), tasks due on their planned
 * else due date, scored until the first due day on or after their completion, skipped ones left
 * out. It leaves out what the data never contains: archived items, zero-length (skipped) local
 * days, a schedule switched into times_per_week mid-week.
 */
import type pg from "pg";
import type { LocalDate } from "@atlas/time";

export interface FloorRow {
  memberId: string;
  localDate: LocalDate;
  num: string;
  den: string;
  score: number;
  dueCount: number;
  doneCount: number;
}

export const FLOOR_SQL = /* sql */ `
WITH RECURSIVE
m AS (
  SELECT * FROM unnest($2::text[], $3::date[], $4::date[]) AS m(member_id, from_day, to_day)
),
hv AS (
  SELECT v."habitId" AS habit_id, h."memberId" AS member_id, h."startDate" AS start_date,
         v."effectiveFrom" AS eff_from,
         lead(v."effectiveFrom") OVER (PARTITION BY v."habitId" ORDER BY v."effectiveFrom") AS eff_to,
         v.schedule, v."daysOfWeek" AS dows, v."timesPerWeek" AS tpw, v."everyNDays" AS every_n,
         (v."targetValue" * 1000)::bigint AS target, v."targetDirection" AS dir
  FROM "HabitVersion" v
  JOIN "Habit" h ON h."workspaceId" = v."workspaceId" AND h.id = v."habitId"
  WHERE v."workspaceId" = $1 AND h."archivedAt" IS NULL
),
ev AS (
  SELECT e."habitId" AS habit_id, e."taskId" AS task_id, e."localDate" AS day, e.kind,
         (e.value * 1000)::bigint AS v
  FROM "ExecutionEvent" e
  JOIN m ON m.member_id = e."memberId"
  WHERE e."workspaceId" = $1 AND e.kind <> 'undo'
    AND NOT EXISTS (SELECT 1 FROM "ExecutionEvent" u
                    WHERE u."workspaceId" = $1 AND u."revertsId" = e.id)
),
hlog AS (
  SELECT habit_id, day,
         bool_or(kind = 'skip') AS has_skip,
         bool_or(kind <> 'skip') AS has_done,
         bool_or(kind = 'done' AND v IS NULL) AS has_plain,
         coalesce(sum(v) FILTER (WHERE kind <> 'skip'), 0) AS total
  FROM ev WHERE habit_id IS NOT NULL GROUP BY habit_id, day
),
hday AS (
  SELECT hv.member_id, hv.habit_id, g.day::date AS day, hv.schedule, hv.dows, hv.tpw, hv.every_n,
         hv.target, hv.dir, greatest(hv.eff_from, hv.start_date) AS anchor,
         coalesce(l.has_skip, false) AS has_skip, coalesce(l.has_done, false) AS has_done,
         coalesce(l.has_plain, false) AS has_plain, coalesce(l.total, 0) AS total
  FROM hv
  JOIN m ON m.member_id = hv.member_id
  CROSS JOIN LATERAL generate_series(
    greatest(hv.eff_from, hv.start_date, date_trunc('week', m.from_day::timestamp)::date),
    least(hv.eff_to - 1, m.to_day), interval '1 day') AS g(day)
  LEFT JOIN hlog l ON l.habit_id = hv.habit_id AND l.day = g.day::date
),
hc AS (
  SELECT hday.*,
         CASE WHEN has_skip OR NOT has_done THEN 0
              WHEN target IS NULL THEN 1
              WHEN dir = 'at_least' THEN CASE WHEN has_plain OR total >= target THEN 1 ELSE total END
              WHEN total <= target THEN 1
              WHEN total >= 2 * target THEN 0
              ELSE 2 * target - total END AS c_num,
         CASE WHEN has_skip OR NOT has_done OR target IS NULL THEN 1
              WHEN dir = 'at_least' THEN CASE WHEN has_plain OR total >= target THEN 1 ELSE target END
              WHEN total <= target OR total >= 2 * target THEN 1
              ELSE target END AS c_den
  FROM hday
),
tw AS (
  SELECT member_id, day, tpw, has_skip, c_num = c_den AS is_met,
         count(*) FILTER (WHERE has_skip) OVER (
           PARTITION BY habit_id, date_trunc('week', day::timestamp) ORDER BY day
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS skips,
         count(*) FILTER (WHERE c_num = c_den) OVER (
           PARTITION BY habit_id, date_trunc('week', day::timestamp) ORDER BY day
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS met_before
  FROM hc WHERE schedule = 'times_per_week'
),
tdone AS (
  SELECT task_id, min(day) AS done_on FROM ev
  WHERE task_id IS NOT NULL AND kind <> 'skip' GROUP BY task_id
),
tskip AS (
  SELECT DISTINCT task_id, day FROM ev WHERE task_id IS NOT NULL AND kind = 'skip'
),
tv AS (
  SELECT t.id AS task_id, t."memberId" AS member_id, v."effectiveFrom" AS eff_from,
         lead(v."effectiveFrom") OVER (PARTITION BY v."taskId" ORDER BY v."effectiveFrom") AS eff_to,
         v.status, v.priority, coalesce(v."plannedDate", v."dueDate") AS due, dn.done_on,
         k.task_id IS NOT NULL AS is_skipped,
         (t."createdAt" AT TIME ZONE s."timeZone"
           - make_interval(mins => s."dayStartMinutes"))::date AS created_on
  FROM "Task" t
  JOIN m ON m.member_id = t."memberId"
  JOIN "TaskVersion" v ON v."workspaceId" = t."workspaceId" AND v."taskId" = t.id
  JOIN LATERAL (SELECT "timeZone", "dayStartMinutes" FROM "UserTimeSetting" s
                WHERE s."userId" = t."memberId" ORDER BY "effectiveFrom" DESC LIMIT 1) s ON true
  LEFT JOIN tdone dn ON dn.task_id = t.id
  LEFT JOIN tskip k ON k.task_id = t.id AND k.day = coalesce(v."plannedDate", v."dueDate")
  WHERE t."workspaceId" = $1 AND t."archivedAt" IS NULL
),
tdue AS (
  SELECT task_id, member_id, due AS day, priority, done_on, is_skipped FROM tv
  WHERE due IS NOT NULL AND status <> 'cancelled' AND due >= eff_from
    AND (eff_to IS NULL OR due < eff_to) AND due >= created_on
),
tscored AS (
  SELECT d.task_id, d.member_id, d.day, d.priority, d.done_on, d.is_skipped,
         min(d.day) FILTER (WHERE d.day >= d.done_on) OVER (PARTITION BY d.task_id) AS last_scored
  FROM tdue d
),
items AS (
  SELECT member_id, day, 2 AS w, c_num, c_den FROM hc
  WHERE schedule <> 'times_per_week' AND NOT has_skip
    AND CASE schedule
          WHEN 'daily' THEN true
          WHEN 'days_of_week' THEN extract(isodow FROM day)::int = ANY(dows)
          ELSE (day - anchor) % every_n = 0 END
  UNION ALL
  SELECT member_id, day, 2, CASE WHEN is_met THEN 1 ELSE 0 END, 1 FROM tw
  WHERE tpw - skips > 0 AND NOT has_skip
    AND (is_met OR (tpw - skips - met_before > 0
                    AND tpw - skips - met_before >= 8 - extract(isodow FROM day)))
  UNION ALL
  SELECT s.member_id, s.day, CASE s.priority WHEN 'low' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END,
         CASE WHEN s.done_on <= s.day THEN 1 ELSE 0 END, 1
  FROM tscored s
  WHERE (last_scored IS NULL OR s.day <= last_scored) AND NOT s.is_skipped
),
targets AS (
  SELECT member_id, target, row_number() OVER (PARTITION BY member_id ORDER BY target) AS rn
  FROM (SELECT DISTINCT member_id, target FROM hv WHERE target IS NOT NULL) t
),
fold (member_id, rn, l) AS (
  SELECT member_id, rn, target::numeric FROM targets WHERE rn = 1
  UNION ALL
  SELECT f.member_id, t.rn, lcm(f.l, t.target::numeric)
  FROM fold f JOIN targets t ON t.member_id = f.member_id AND t.rn = f.rn + 1
),
lcms AS MATERIALIZED (
  SELECT m.member_id, coalesce(f.l, 1) AS l
  FROM m
  LEFT JOIN (SELECT DISTINCT ON (member_id) member_id, l FROM fold
             ORDER BY member_id, rn DESC) f ON f.member_id = m.member_id
),
agg AS (
  SELECT i.member_id, i.day, sum(i.w * i.c_num * div(x.l, i.c_den)) AS num,
         sum(i.w) * max(x.l) AS den, count(*) AS due_count,
         count(*) FILTER (WHERE i.c_num = i.c_den) AS done_count
  FROM items i
  JOIN m ON m.member_id = i.member_id
  JOIN lcms x ON x.member_id = i.member_id
  WHERE i.day BETWEEN m.from_day AND m.to_day
  GROUP BY i.member_id, i.day
)
SELECT member_id, day::text AS day, div(num, gcd(num, den))::text AS num,
       div(den, gcd(num, den))::text AS den, div(200 * num + den, 2 * den)::int AS score,
       due_count::int, done_count::int
FROM agg`;

/** Runs the floor query as the application role, bound to the workspace like the tenant client. */
export async function floorScores(
  client: pg.ClientBase,
  workspaceId: string,
  ranges: readonly { memberId: string; from: LocalDate; to: LocalDate }[],
): Promise<FloorRow[]> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.workspace_id', $1, true)", [workspaceId]);
    // An analytic query: sorts and hashes in memory, and no JIT (compiling it cost more than
    // running it here).
    await client.query("SET LOCAL work_mem = '128MB'");
    await client.query("SET LOCAL jit = off");
    const { rows } = await client.query<{
      member_id: string;
      day: LocalDate;
      num: string;
      den: string;
      score: number;
      due_count: number;
      done_count: number;
    }>(FLOOR_SQL, [
      workspaceId,
      ranges.map((r) => r.memberId),
      ranges.map((r) => r.from),
      ranges.map((r) => r.to),
    ]);
    await client.query("COMMIT");
    return rows.map((r) => ({
      memberId: r.member_id,
      localDate: r.day,
      num: r.num,
      den: r.den,
      score: r.score,
      dueCount: r.due_count,
      doneCount: r.done_count,
    }));
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
