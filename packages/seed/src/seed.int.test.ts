/**
 * The seed against a real PostgreSQL: a migrated template seeded at NOW (db's test server), a
 * copy of it seeded again (skipped), and checks the log against docs/domain.md "The execution log" with SQL and with @atlas/time's day keys.
 * The seed runs at a fixed `now` whose 60-day history crosses the US, EU and Sydney DST changes
 * and Nora's London → New York move. A second part builds the seed in memory for many other
 * `now`s and checks the same rules on the generated events.
 */
import { PLAN_FEATURE_NAMES } from "@atlas/core";
import { cloneTestDatabase, startTestServer, type TestDatabase } from "@atlas/db/testing";
import { dayKey, diffDays, localDayRange, type LocalDate } from "@atlas/time";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSeedData } from "./build.ts";
import type { EventSpec, SeedData } from "./model.ts";
import { seed, type SeedSummary } from "./seed.ts";

const NOW = new Date("2026-04-10T09:30:00.000Z");
const SKIPS_PER_MONTH = 4;
const LATE_WINDOW_DAYS = 7;

// ---------------------------------------------------------------------------------------------
// Local days, written here independently of the seed's own helpers.

interface Setting {
  effectiveFrom: string;
  timeZone: string;
  dayStartMinutes: number;
}

/** The setting in force on a local date: the latest effectiveFrom <= date (the first before). */
function settingOn(settings: readonly Setting[], date: string): Setting {
  const sorted = [...settings].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found = sorted[0] as Setting;
  for (const s of sorted) if (s.effectiveFrom <= date) found = s;
  return found;
}

/** The local day of an instant: the latest version whose reading is on or after its effectiveFrom. */
function localDayOf(settings: readonly Setting[], instant: Date): LocalDate {
  const sorted = [...settings].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  for (const [i, s] of sorted.entries()) {
    const key = dayKey(instant, s.timeZone, s.dayStartMinutes);
    if (i === sorted.length - 1 || key >= s.effectiveFrom) return key;
  }
  throw new Error("no settings");
}

// ---------------------------------------------------------------------------------------------
// Rules on events, shared by the database check and the in-memory check.

interface LogRow {
  id: string;
  member: string;
  item: string;
  kind: "done" | "partial" | "skip" | "undo";
  value: number | null;
  localDate: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedBy: string;
  reverts: string | null;
}

/** Every broken rule, as a readable line (an empty list = all good). */
function logViolations(
  rows: readonly LogRow[],
  settingsOf: (member: string) => Setting[],
  now: Date,
): string[] {
  const problems: string[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const itemDays = new Map<string, LogRow[]>();
  const skips = new Map<string, number>();
  const reverted = new Set<string>();
  for (const r of rows) {
    const settings = settingsOf(r.member);
    const today = localDayOf(settings, now);
    if (r.localDate > today)
      problems.push(`${r.id}: localDate ${r.localDate} after today ${today}`);
    if (r.occurredAt > now || r.recordedAt > now) problems.push(`${r.id}: in the future`);
    const recordedDay = localDayOf(settings, r.recordedAt);
    if (recordedDay > r.localDate) {
      // A late entry: the client omitted occurredAt, so it is the server's now.
      if (r.occurredAt.getTime() !== r.recordedAt.getTime())
        problems.push(`${r.id}: late entry with its own occurredAt`);
      const age = diffDays(recordedDay, r.localDate as LocalDate);
      if (age > LATE_WINDOW_DAYS && r.recordedBy === r.member)
        problems.push(`${r.id}: ${age} days late without an override`);
    } else {
      const s = settingOn(settings, r.localDate);
      const key = dayKey(r.occurredAt, s.timeZone, s.dayStartMinutes);
      if (key !== r.localDate)
        problems.push(`${r.id}: occurredAt is on ${key}, localDate ${r.localDate}`);
      const { start, end } = localDayRange(r.localDate as LocalDate, s.timeZone, s.dayStartMinutes);
      if (r.occurredAt < start || r.occurredAt >= end)
        problems.push(`${r.id}: occurredAt outside its day`);
      if (recordedDay !== r.localDate) problems.push(`${r.id}: recorded on another day`);
    }
    const itemDay = `${r.item}|${r.localDate}`;
    itemDays.set(itemDay, [...(itemDays.get(itemDay) ?? []), r]);
    if (r.kind === "skip") {
      const month = `${r.member}|${r.item}|${r.localDate.slice(0, 7)}`;
      skips.set(month, (skips.get(month) ?? 0) + 1);
    }
    if (r.kind === "undo") {
      const target = r.reverts === null ? undefined : byId.get(r.reverts);
      if (target === undefined) problems.push(`${r.id}: undo without a target`);
      else {
        if (target.kind === "undo") problems.push(`${r.id}: undo of an undo`);
        if (
          target.item !== r.item ||
          target.localDate !== r.localDate ||
          target.member !== r.member
        )
          problems.push(`${r.id}: undo of another item or day`);
        if (target.recordedAt >= r.recordedAt)
          problems.push(`${r.id}: undo recorded before its target`);
        if (reverted.has(target.id)) problems.push(`${r.id}: ${target.id} reverted twice`);
        reverted.add(target.id);
      }
    } else if (r.reverts !== null) problems.push(`${r.id}: only an undo reverts`);
  }
  for (const [itemDay, events] of itemDays) {
    const kinds = new Set(events.map((e) => e.kind));
    if (kinds.has("skip") && (kinds.has("done") || kinds.has("partial")))
      problems.push(`${itemDay}: skip on a day with done/partial`);
  }
  for (const [month, count] of skips)
    if (count > SKIPS_PER_MONTH) problems.push(`${month}: ${count} skips`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe("seed (database)", () => {
  let stopServer: (() => Promise<void>) | undefined;
  let database: TestDatabase;
  let db: pg.Client;
  let first: SeedSummary;
  let second: SeedSummary;

  /** Dates come back as "YYYY-MM-DD" strings, not as Dates at some server-local midnight. */
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === 1082
        ? (v: string) => v
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };

  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[];

  beforeAll(async () => {
    const { stop, ...server } = await startTestServer({
      seed: async (url) => {
        first = await seed(url, { now: NOW });
      },
    });
    stopServer = stop;
    database = await cloneTestDatabase(server);
    second = await seed(database.adminUrl, { now: NOW });
    db = new pg.Client({ connectionString: database.adminUrl, types });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stopServer?.();
  });

  it("seeds once, then skips and changes nothing", () => {
    expect(first.skipped).toBe(false);
    expect(second.skipped).toBe(true);
    expect(second.workspaceId).toBe(first.workspaceId);
    expect(second.counts).toEqual(first.counts);
    console.log("seed counts:", first.counts);
    expect(first.counts).toMatchObject({
      Plan: 4,
      Workspace: 2,
      User: 8,
      Membership: 9,
      Subscription: 1,
    });
    expect(first.counts.ExecutionEvent).toBeGreaterThan(800);
  });

  it("writes no derived rows", () => {
    expect(first.counts.MemberDayScore).toBe(0);
    expect(first.counts.HabitDayValue).toBe(0);
  });

  it("has the plan catalog with self_hosted's entitlements", async () => {
    const ent = await rows<{ feature: string; limitValue: number | null; isEnabled: boolean }>(
      `SELECT e.feature, e."limitValue", e."isEnabled" FROM "PlanEntitlement" e JOIN "Plan" p ON p.id = e."planId" WHERE p.key = 'self_hosted'`,
    );
    const byFeature = Object.fromEntries(ent.map((e) => [e.feature, e]));
    expect(byFeature.skipsPerMonth).toMatchObject({ limitValue: SKIPS_PER_MONTH, isEnabled: true });
    expect(byFeature.seats).toMatchObject({ limitValue: null, isEnabled: true });
    for (const f of ["coach_console", "web_push", "data_export"])
      expect(byFeature[f]?.isEnabled).toBe(true);
    const plans = await rows<{ key: string; n: number }>(
      `SELECT p.key, count(e.*)::int AS n FROM "Plan" p JOIN "PlanEntitlement" e ON e."planId" = p.id GROUP BY p.key ORDER BY p.key`,
    );
    expect(plans.map((p) => p.key)).toEqual(["coach", "free", "self_hosted", "team"]);
    // every plan lists every feature of the catalog, and nothing else
    expect(plans.map((p) => p.n)).toEqual(plans.map(() => PLAN_FEATURE_NAMES.length));
  });

  it("has the people, roles, capacities and time settings", async () => {
    const members = await rows<{
      slug: string;
      email: string;
      role: string;
      mon: number;
      fri: number;
    }>(
      `SELECT w.slug, u.email, m.role, m."capacityMonMinutes" AS mon, m."capacityFriMinutes" AS fri
         FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Workspace" w ON w.id = m."workspaceId"`,
    );
    const role = (slug: string, email: string) =>
      members.find((m) => m.slug === slug && m.email === email);
    expect(role("demo", "owner@atlas.local")?.role).toBe("owner");
    expect(role("demo", "coach@atlas.local")?.role).toBe("coach");
    expect(role("second", "coach@atlas.local")?.role).toBe("coach");
    expect(role("second", "owner.second@atlas.local")?.role).toBe("owner");
    expect(role("demo", "sam.sydney@atlas.local")?.role).toBe("member");
    expect(role("second", "sam.sydney@atlas.local")?.role).toBe("member");
    expect(role("demo", "kenji.tokyo@atlas.local")).toMatchObject({ mon: 240, fri: 0 });
    expect(role("demo", "nora.newyork@atlas.local")).toMatchObject({ mon: 360, fri: 360 });
    // Atlas staff: a platform admin who belongs to no workspace (support access only).
    expect(members.filter((m) => m.email === "staff@atlas.local")).toEqual([]);
    const admins = await rows<{ email: string }>(
      `SELECT email FROM "User" WHERE "isPlatformAdmin" ORDER BY email`,
    );
    expect(admins.map((a) => a.email)).toEqual(["staff@atlas.local"]);

    const settings = await rows<{
      email: string;
      effectiveFrom: string;
      timeZone: string;
      dayStartMinutes: number;
    }>(
      `SELECT u.email, s."effectiveFrom", s."timeZone", s."dayStartMinutes"
         FROM "UserTimeSetting" s JOIN "User" u ON u.id = s."userId" ORDER BY u.email, s."effectiveFrom"`,
    );
    const zones = (email: string) =>
      settings.filter((s) => s.email === email).map((s) => s.timeZone);
    expect(zones("nora.newyork@atlas.local")).toEqual(["Europe/London", "America/New_York"]);
    expect(zones("kenji.tokyo@atlas.local")).toEqual(["Asia/Tokyo"]);
    expect(zones("sam.sydney@atlas.local")).toEqual(["Australia/Sydney"]);
    expect(settings.find((s) => s.email === "bernd.berlin@atlas.local")).toMatchObject({
      timeZone: "Europe/Berlin",
      dayStartMinutes: 240,
    });
    // Every user was created 60+ days before their today, on their first setting's day.
    const created = await rows<{ email: string; createdAt: Date; first: string }>(
      `SELECT u.email, u."createdAt", min(s."effectiveFrom") AS first FROM "User" u JOIN "UserTimeSetting" s ON s."userId" = u.id GROUP BY u.id`,
    );
    for (const c of created) {
      const own = settings.filter((s) => s.email === c.email);
      expect(localDayOf(own, c.createdAt)).toBe(c.first);
      expect(diffDays(localDayOf(own, NOW), c.first as LocalDate)).toBeGreaterThanOrEqual(60);
    }
    const [sub] = await rows<{ status: string; seats: number; key: string }>(
      `SELECT s.status, s.seats, p.key FROM "Subscription" s JOIN "Workspace" w ON w.id = s."workspaceId" JOIN "Plan" p ON p.id = s."planId" WHERE w.slug = 'demo'`,
    );
    expect(sub).toEqual({ status: "active", seats: 10, key: "self_hosted" });
  });

  it("has plans of every kind: four schedules, both targets, edits, reschedule, cancel", async () => {
    const habits = await rows<{ email: string; schedules: string[]; directions: string[] }>(
      `SELECT u.email, array_agg(DISTINCT v.schedule::text) AS schedules,
              array_agg(DISTINCT v."targetDirection"::text) FILTER (WHERE v."targetDirection" IS NOT NULL) AS directions
         FROM "Habit" h JOIN "HabitVersion" v ON v."habitId" = h.id JOIN "User" u ON u.id = h."memberId"
         JOIN "Workspace" w ON w.id = h."workspaceId" WHERE w.slug = 'demo' GROUP BY u.email`,
    );
    expect(habits).toHaveLength(4);
    for (const h of habits) {
      expect(h.schedules.sort()).toEqual([
        "daily",
        "days_of_week",
        "every_n_days",
        "times_per_week",
      ]);
      expect(h.directions.sort()).toEqual(["at_least", "at_most"]);
    }
    const [edited] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT "habitId" FROM "HabitVersion" GROUP BY 1 HAVING count(*) > 1) x`,
    );
    expect(edited?.n).toBeGreaterThanOrEqual(1);
    const [tasks] = await rows<{ rescheduled: number; cancelled: number; open: number }>(
      `SELECT count(*) FILTER (WHERE n_planned > 1)::int AS rescheduled,
              count(*) FILTER (WHERE cancelled)::int AS cancelled,
              count(*) FILTER (WHERE NOT done)::int AS open
         FROM (SELECT t.id, count(DISTINCT v."plannedDate") AS n_planned, bool_or(v.status = 'cancelled') AS cancelled,
                      EXISTS (SELECT 1 FROM "ExecutionEvent" e WHERE e."taskId" = t.id AND e.kind = 'done'
                              AND NOT EXISTS (SELECT 1 FROM "ExecutionEvent" u WHERE u."revertsId" = e.id)) AS done
                 FROM "Task" t JOIN "TaskVersion" v ON v."taskId" = t.id GROUP BY t.id) x`,
    );
    expect(tasks?.rescheduled).toBeGreaterThan(0);
    expect(tasks?.cancelled).toBeGreaterThan(0);
    expect(tasks?.open).toBeGreaterThan(0);
    const [milestones] = await rows<{ done: number; total: number }>(
      `SELECT count(*) FILTER (WHERE "doneOn" IS NOT NULL)::int AS done, count(*)::int AS total FROM "Milestone"`,
    );
    expect(milestones?.done).toBeGreaterThan(0);
    expect(milestones?.done).toBeLessThan(milestones?.total ?? 0);
  });

  it("keeps both workspaces populated (cross-tenant tests need rows on both sides)", async () => {
    const per = await rows<{ slug: string; habits: number; tasks: number; events: number }>(
      `SELECT w.slug,
              (SELECT count(*) FROM "Habit" h WHERE h."workspaceId" = w.id)::int AS habits,
              (SELECT count(*) FROM "Task" t WHERE t."workspaceId" = w.id)::int AS tasks,
              (SELECT count(*) FROM "ExecutionEvent" e WHERE e."workspaceId" = w.id)::int AS events
         FROM "Workspace" w ORDER BY w.slug`,
    );
    for (const w of per) {
      expect(w.habits, w.slug).toBeGreaterThan(0);
      expect(w.tasks, w.slug).toBeGreaterThan(0);
      expect(w.events, w.slug).toBeGreaterThan(0);
    }
  });

  it("logs only on due days, from creation on, before archiving, in the version in force", async () => {
    const habitOffDay = await rows<{ id: string }>(
      `SELECT e.id FROM "ExecutionEvent" e JOIN "Habit" h ON h.id = e."habitId"
         LEFT JOIN LATERAL (SELECT * FROM "HabitVersion" v WHERE v."habitId" = e."habitId" AND v."effectiveFrom" <= e."localDate"
                            ORDER BY v."effectiveFrom" DESC LIMIT 1) v ON true
        WHERE v.id IS NULL OR e."localDate" < h."startDate"
           OR NOT CASE v.schedule
                    WHEN 'daily' THEN true
                    WHEN 'times_per_week' THEN true
                    WHEN 'days_of_week' THEN extract(isodow FROM e."localDate")::int = ANY (v."daysOfWeek")
                    WHEN 'every_n_days' THEN (e."localDate" - v."effectiveFrom") % v."everyNDays" = 0
                  END`,
    );
    expect(habitOffDay).toEqual([]);
    const taskOffDay = await rows<{ id: string }>(
      `SELECT e.id FROM "ExecutionEvent" e
         LEFT JOIN LATERAL (SELECT * FROM "TaskVersion" v WHERE v."taskId" = e."taskId" AND v."effectiveFrom" <= e."localDate"
                            ORDER BY v."effectiveFrom" DESC LIMIT 1) v ON true
        WHERE e."taskId" IS NOT NULL
          AND (v.id IS NULL OR v.status = 'cancelled' OR COALESCE(v."plannedDate", v."dueDate") IS DISTINCT FROM e."localDate")`,
    );
    expect(taskOffDay).toEqual([]);
    const doneTwice = await rows<{ taskId: string }>(
      `SELECT "taskId" FROM "ExecutionEvent" WHERE kind = 'done' AND "taskId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(doneTwice).toEqual([]);
    const notTaskKinds = await rows<{ id: string }>(
      `SELECT id FROM "ExecutionEvent" WHERE "taskId" IS NOT NULL AND kind IN ('partial', 'skip')`,
    );
    expect(notTaskKinds).toEqual([]);

    // Creation and archiving are instants: compare on the member's local days.
    const items = await rows<{
      memberId: string;
      createdAt: Date;
      archivedAt: Date | null;
      localDate: string;
    }>(
      `SELECT e."memberId", COALESCE(h."createdAt", t."createdAt") AS "createdAt", h."archivedAt", e."localDate"
         FROM "ExecutionEvent" e LEFT JOIN "Habit" h ON h.id = e."habitId" LEFT JOIN "Task" t ON t.id = e."taskId"`,
    );
    const settings = await settingsByUser();
    const early = items.filter((i) => i.localDate < localDayOf(settings(i.memberId), i.createdAt));
    const afterArchive = items.filter(
      (i) => i.archivedAt !== null && i.localDate >= localDayOf(settings(i.memberId), i.archivedAt),
    );
    expect(early).toEqual([]);
    expect(afterArchive).toEqual([]);
  });

  it("obeys the log's rules: days, skips, undos, late entries, no future", async () => {
    const events = await rows<LogRow & { source: string; workspaceId: string }>(
      `SELECT id, "workspaceId", "memberId" AS member, COALESCE("habitId", "taskId") AS item, kind,
              value::float8 AS value, "localDate", "occurredAt", "recordedAt", "recordedById" AS "recordedBy",
              "revertsId" AS reverts, source
         FROM "ExecutionEvent"`,
    );
    const settings = await settingsByUser();
    expect(logViolations(events, settings, NOW)).toEqual([]);

    // The late entries: one by the member inside the window, one coach override, audited.
    const late = events.filter((e) => localDayOf(settings(e.member), e.recordedAt) > e.localDate);
    expect(late).toHaveLength(2);
    const override = late.find((e) => e.recordedBy !== e.member);
    expect(override?.source).toBe("admin");
    const [coach] = await rows<{ role: string }>(
      `SELECT role FROM "Membership" WHERE "workspaceId" = $1 AND "userId" = $2`,
      [override?.workspaceId, override?.recordedBy],
    );
    expect(["coach", "admin", "owner"]).toContain(coach?.role);
    const audit = await rows<{ action: string }>(
      `SELECT action FROM "AuditLog" WHERE "targetId" = $1`,
      [override?.id],
    );
    expect(audit).toEqual([{ action: "event.late_entry_override" }]);
    const own = late.find((e) => e.recordedBy === e.member) as LogRow;
    expect(
      diffDays(localDayOf(settings(own.member), own.recordedAt), own.localDate as LocalDate),
    ).toBeLessThanOrEqual(LATE_WINDOW_DAYS);

    // Everyone else records their own events, from several sources.
    expect(events.filter((e) => e.recordedBy !== e.member)).toHaveLength(1);
    expect(new Set(events.map((e) => e.source))).toEqual(
      new Set(["web", "api", "import", "admin"]),
    );
    expect(new Set(events.map((e) => e.kind))).toEqual(
      new Set(["done", "partial", "skip", "undo"]),
    );
  });

  it("derives done/partial from the running sum against the target in force", async () => {
    const events = await rows<{
      id: string;
      item: string;
      localDate: string;
      kind: string;
      value: number | null;
      reverts: string | null;
      target: number | null;
      direction: string | null;
    }>(
      `SELECT e.id, e."habitId" AS item, e."localDate", e.kind, e.value::float8 AS value, e."revertsId" AS reverts,
              v."targetValue"::float8 AS target, v."targetDirection"::text AS direction
         FROM "ExecutionEvent" e
         JOIN LATERAL (SELECT * FROM "HabitVersion" v WHERE v."habitId" = e."habitId" AND v."effectiveFrom" <= e."localDate"
                       ORDER BY v."effectiveFrom" DESC LIMIT 1) v ON true
        ORDER BY e."habitId", e."localDate", e."recordedAt"`,
    );
    const problems: string[] = [];
    const values = new Map(events.map((e) => [e.id, e.value ?? 0]));
    let day = "";
    let sum = 0;
    for (const e of events) {
      if (`${e.item}|${e.localDate}` !== day) [day, sum] = [`${e.item}|${e.localDate}`, 0];
      if (e.kind === "undo") sum -= values.get(e.reverts as string) ?? 0;
      if (e.kind !== "done" && e.kind !== "partial") continue;
      if (e.target === null) {
        if (e.kind !== "done" || e.value !== null)
          problems.push(`${e.id}: plain habit logs a bare done`);
        continue;
      }
      if (e.value === null) problems.push(`${e.id}: measurable without a value`);
      sum += e.value ?? 0;
      const met = e.direction === "at_least" ? sum >= e.target : sum <= e.target;
      if (e.kind !== (met ? "done" : "partial"))
        problems.push(`${e.id}: ${e.kind} at sum ${sum} vs ${e.direction} ${e.target}`);
    }
    expect(problems).toEqual([]);
    expect(events.some((e) => e.kind === "partial" && e.direction === "at_most")).toBe(true);
    expect(events.some((e) => e.kind === "partial" && e.direction === "at_least")).toBe(true);
  });

  it("gives each member a recognisable shape for the coach console", async () => {
    const settings = await settingsByUser();
    const [kenji] = await rows<{ id: string }>(
      `SELECT id FROM "User" WHERE email = 'kenji.tokyo@atlas.local'`,
    );
    const recent = await rows<{ localDate: string; kind: string }>(
      `SELECT e."localDate", e.kind FROM "ExecutionEvent" e JOIN "Workspace" w ON w.id = e."workspaceId"
        WHERE w.slug = 'demo' AND e."memberId" = $1`,
      [kenji?.id],
    );
    const today = localDayOf(settings(kenji?.id as string), NOW);
    // "inactive": nothing but (possibly) undos on the last three days and today.
    expect(
      recent.filter((e) => diffDays(today, e.localDate as LocalDate) <= 3 && e.kind !== "undo"),
    ).toEqual([]);
    const notes = await rows<{ visibility: string }>(`SELECT visibility FROM "CoachNote"`);
    expect(new Set(notes.map((n) => n.visibility))).toEqual(new Set(["private", "shared"]));
  });

  /** Time settings per user id. */
  async function settingsByUser(): Promise<(userId: string) => Setting[]> {
    const all = await rows<Setting & { userId: string }>(
      `SELECT "userId", "effectiveFrom", "timeZone", "dayStartMinutes" FROM "UserTimeSetting"`,
    );
    return (userId) => all.filter((s) => s.userId === userId);
  }
});

// ---------------------------------------------------------------------------------------------

describe("seed (in memory, many nows)", () => {
  /** The in-memory events as LogRows (keys stand in for ids). */
  function logRows(data: SeedData): LogRow[] {
    return data.events.map((e: EventSpec) => ({
      id: e.key,
      member: e.member,
      item: (e.habit ?? e.task) as string,
      kind: e.kind,
      value: e.value,
      localDate: e.localDate,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      recordedBy: e.recordedBy,
      reverts: e.reverts,
    }));
  }

  it("is deterministic for a given now", () => {
    expect(buildSeedData(NOW)).toEqual(buildSeedData(NOW));
  });

  it("keeps every rule at 120 different instants across two years", () => {
    const problems: string[] = [];
    for (let i = 0; i < 120; i++) {
      // Irregular steps (6 days 7 h 13 min) so the instants fall at every hour and weekday.
      const now = new Date(
        Date.UTC(2025, 0, 1) + i * (6 * 86_400_000 + 7 * 3_600_000 + 13 * 60_000),
      );
      const data = buildSeedData(now);
      const settingsOf = (member: string) =>
        data.users.find((u) => u.key === member)?.settings ?? [];
      problems.push(
        ...logViolations(logRows(data), settingsOf, now).map((p) => `${now.toISOString()} ${p}`),
      );
      const keys = data.events.map((e) => `${e.workspace}|${e.key}`);
      if (new Set(keys).size !== keys.length)
        problems.push(`${now.toISOString()}: duplicate idempotency key`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
