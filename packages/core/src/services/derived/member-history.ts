/**
 * Loading what the derivation reads (plans as versions, the log, capacity, the member's clock)
 * from the database into core's plain-data model. One query per table for any number of members,
 * so a batch of members costs the same round trips as one.
 */
import {
  addDays,
  localToday,
  toLocalDate,
  type LocalDate,
  type TimeSettingVersion,
} from "@atlas/time";
import { Prisma } from "@atlas/db";
import type {
  CapacityVersion,
  EventKind,
  Habit,
  HabitSchedule,
  HabitVersion,
  LogEvent,
  TargetDirection,
  Task,
  TaskPriority,
  TaskStatus,
  TaskVersion,
} from "../../model.ts";
import type { MemberHistory } from "../../derive/derive-member.ts";
import {
  CAPACITY_COLUMNS,
  weekFromColumns,
  type CapacityColumns,
} from "../plans/capacity-versions.ts";
import type { DbTx } from "../shared/db.ts";
import { fromDbDate } from "../shared/db-date.ts";
import { decimalToMilli } from "../shared/values.ts";
import { habitModel, taskModel } from "../plans/plan-models.ts";

/** What the engine reads of one member; timeSettings always set (zero-length days). */
export type LoadedHistory = MemberHistory & { timeSettings: readonly TimeSettingVersion[] };

/** A member's history plus what the services need around it: the clock and the first day. */
export interface MemberContext {
  /** The whole history, or (loaded `since` a checkpoint) what the days after it read. */
  history: LoadedHistory;
  timeSettings: TimeSettingVersion[];
  /** The membership's creation, in local days: nothing before it is closed. */
  joinedOn: LocalDate;
  /** The checkpoint day the history was loaded after; null: the whole history. */
  since: LocalDate | null;
}

type HabitJsonRow = [
  id: string,
  memberId: string,
  startDate: string,
  archivedAtMs: number | null,
  effectiveFrom: string,
  schedule: HabitSchedule,
  daysOfWeek: number[],
  timesPerWeek: number | null,
  everyNDays: number | null,
  targetValue: string | null,
  targetDirection: TargetDirection | null,
  durationMinutes: number,
];
type TaskJsonRow = [
  id: string,
  memberId: string,
  createdAtMs: number,
  archivedAtMs: number | null,
  effectiveFrom: string,
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: string | null,
  plannedDate: string | null,
  estimateMinutes: number,
];
type EventJsonRow = [
  id: string,
  memberId: string,
  habitId: string | null,
  taskId: string | null,
  kind: EventKind,
  value: string | null,
  localDate: string,
  revertsId: string | null,
  recordedAtMs: number,
];

const EPOCH = toLocalDate("1970-01-01");
const epochDay = (days: string): LocalDate => addDays(EPOCH, Number(days));

/** Rows sent as one text, a line per row and fields split by commas (ids never hold either). */
async function lineRows<T>(
  tx: DbTx,
  query: Prisma.Sql,
  decode: (fields: string[]) => T,
): Promise<T[]> {
  const [row] = await tx.$queryRaw<{ data: string | null }[]>(query);
  if (row?.data == null) return [];
  return row.data.split("\n").map((line) => decode(line.split(",")));
}

async function jsonRows<T>(tx: DbTx, query: Prisma.Sql): Promise<T[]> {
  const [row] = await tx.$queryRaw<{ data: string | null }[]>(query);
  return row?.data == null ? [] : (JSON.parse(row.data) as T[]);
}

const ascending = (a: { effectiveFrom: LocalDate }, b: { effectiveFrom: LocalDate }) =>
  a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0;

const instant = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs));

/** Never edited: the membership's capacity since joining; else the stored versions. */
function capacityVersions(
  rows: readonly (CapacityColumns & { effectiveFrom: Date })[] | undefined,
  membership: CapacityColumns,
  joinedOn: LocalDate,
): CapacityVersion[] {
  if (rows === undefined) return [{ effectiveFrom: joinedOn, week: weekFromColumns(membership) }];
  return rows
    .map((r) => ({ effectiveFrom: fromDbDate(r.effectiveFrom), week: weekFromColumns(r) }))
    .sort(ascending);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (group === undefined) groups.set(k, (group = []));
    group.push(row);
  }
  return groups;
}

/**
 * Loads every listed member of the workspace (members the client cannot see are simply absent).
 * Row-level security scopes every query; the workspace filter keeps the indexes in use.
 *
 * A member with a day in `since` (the day of the checkpoint a run resumes from) gets only what the
 * days after it read, never the whole log: the habits not archived by then, the tasks due after it
 * or not done by then (the overdue, and a done task's later due days), the events after it, and
 * the earlier events of the tasks done by then with a day after it (when they were done; a task
 * not done by then has only undone entries before it). Items left out add nothing after it.
 */
export async function loadMemberContexts(
  tx: DbTx,
  input: {
    workspaceId: string;
    memberIds: readonly string[];
    since?: ReadonlyMap<string, LocalDate>;
  },
): Promise<Map<string, MemberContext>> {
  const { workspaceId } = input;
  const memberIds = [...input.memberIds];
  if (memberIds.length === 0) return new Map();
  const sinceDays = memberIds.map((m) => input.since?.get(m) ?? null);
  // Each member with the day its load starts after (null: everything).
  const scope = Prisma.sql`unnest(${memberIds}::text[], ${sinceDays}::date[]) AS s(m, since)`;
  // Tasks and events by group of members resuming after the same day, that day a plain parameter:
  // the planner then sees how few rows each range holds and walks the matching index.
  const groups = [...groupBy(memberIds, (m) => input.since?.get(m) ?? "").entries()].map(
    ([since, ids]) => ({ since: since === "" ? null : (since as LocalDate), ids }),
  );
  const taskRowsWhere = (ids: readonly string[], condition: Prisma.Sql) => Prisma.sql`
    SELECT t.* FROM "Task" t
     WHERE t."workspaceId" = ${workspaceId} AND t."memberId" = ANY(${ids}::text[]) AND ${condition}`;
  const keptAfter = (since: LocalDate) => Prisma.sql`(t."archivedAt" IS NULL
    OR t."archivedAt" >= (${since}::date - 2)::timestamp AT TIME ZONE 'UTC')`;
  // Disjoint arms, each an index range: not done by then (open, or done after it), or done by
  // then with a planned or due day after it; archived two days or more before it: left out.
  const tasksOfGroup = ({ since, ids }: { since: LocalDate | null; ids: string[] }) =>
    since === null
      ? taskRowsWhere(ids, Prisma.sql`true`)
      : Prisma.join(
          [
            Prisma.sql`t."doneOn" IS NULL`,
            Prisma.sql`t."doneOn" > ${since}::date`,
            Prisma.sql`t."lastDueOn" > ${since}::date AND t."doneOn" <= ${since}::date`,
          ].map((arm) => taskRowsWhere(ids, Prisma.sql`${arm} AND ${keptAfter(since)}`)),
          " UNION ALL ",
        );
  // The entries after the day, and the earlier ones of the tasks done by then with a day after
  // it (when they were done); a task not done by then has only undone entries before it.
  const eventsOfGroup = ({ since, ids }: { since: LocalDate | null; ids: string[] }) => {
    const events = Prisma.sql`
      SELECT e.* FROM "ExecutionEvent" e
       WHERE e."workspaceId" = ${workspaceId} AND e."memberId" = ANY(${ids}::text[])`;
    if (since === null) return events;
    return Prisma.sql`${events} AND e."localDate" > ${since}::date
      UNION ALL
      SELECT e.* FROM (${taskRowsWhere(
        ids,
        Prisma.sql`t."lastDueOn" > ${since}::date AND t."doneOn" <= ${since}::date
                   AND ${keptAfter(since)}`,
      )}) t
      JOIN "ExecutionEvent" e ON e."workspaceId" = t."workspaceId" AND e."taskId" = t.id
       WHERE e."localDate" <= ${since}::date`;
  };

  // Sequential on purpose: an interactive transaction has one connection anyway.
  const memberships = await tx.membership.findMany({
    where: { workspaceId, userId: { in: memberIds } },
    select: { userId: true, createdAt: true, ...CAPACITY_COLUMNS },
  });
  const capacityRows = await tx.capacityVersion.findMany({
    where: { workspaceId, memberId: { in: memberIds } },
    select: { memberId: true, effectiveFrom: true, ...CAPACITY_COLUMNS },
  });
  const settingRows = await tx.userTimeSetting.findMany({
    where: { userId: { in: memberIds } },
    select: { userId: true, effectiveFrom: true, timeZone: true, dayStartMinutes: true },
  });
  // Plans and log as one JSON text per table: PostgreSQL builds it and V8 parses it far faster
  // than rows are materialised one by one (a year of one member is ~2,500 rows). An item's local
  // archive day lies within a day of its UTC date: two days of margin keep all archived after
  // `since` (one more kept is harmless).
  const habitRows = await jsonRows<HabitJsonRow>(
    tx,
    Prisma.sql`
      SELECT json_agg(json_build_array(h.id, h."memberId", to_char(h."startDate", 'YYYY-MM-DD'),
        floor(extract(epoch FROM h."archivedAt") * 1000), to_char(v."effectiveFrom", 'YYYY-MM-DD'),
        v.schedule, v."daysOfWeek", v."timesPerWeek", v."everyNDays", v."targetValue"::text,
        v."targetDirection", v."durationMinutes"))::text AS data
      FROM ${scope}
      JOIN "Habit" h ON h."workspaceId" = ${workspaceId} AND h."memberId" = s.m
      JOIN "HabitVersion" v ON v."workspaceId" = h."workspaceId" AND v."habitId" = h.id
      WHERE s.since IS NULL OR h."archivedAt" IS NULL
         OR h."archivedAt" >= (s.since - 2)::timestamp AT TIME ZONE 'UTC'`,
  );
  // Tasks and events, the bulk of a history, as one line of text per row: PostgreSQL joins text
  // faster than it builds JSON, and splitting it is as fast as parsing JSON. A task counts as
  // done by `since` exactly as the engine reads it: a done or partial entry no undo reverts. The
  // database keeps that day (doneOn) and the latest planned or due day (lastDueOn) on the task
  // (docs/architecture.md "Stored task days"), so the tasks a resumed run needs are index ranges.
  const taskRows = await lineRows(
    tx,
    Prisma.sql`
      SELECT string_agg(concat_ws(',', t.id, t."memberId",
        (extract(epoch FROM t."createdAt") * 1000)::bigint,
        coalesce(((extract(epoch FROM t."archivedAt") * 1000)::bigint)::text, ''),
        v."effectiveFrom" - DATE '1970-01-01', v.status, v.priority,
        coalesce((v."dueDate" - DATE '1970-01-01')::text, ''),
        coalesce((v."plannedDate" - DATE '1970-01-01')::text, ''), v."estimateMinutes"), E'\n') AS data
      FROM (${Prisma.join(groups.map(tasksOfGroup), " UNION ALL ")}) t
      CROSS JOIN LATERAL (SELECT * FROM "TaskVersion" v
                          WHERE v."workspaceId" = t."workspaceId" AND v."taskId" = t.id) v`,
    (f): TaskJsonRow => [
      f[0]!,
      f[1]!,
      Number(f[2]),
      f[3] === "" ? null : Number(f[3]),
      epochDay(f[4]!),
      f[5] as TaskStatus,
      f[6] as TaskPriority,
      f[7] === "" ? null : epochDay(f[7]!),
      f[8] === "" ? null : epochDay(f[8]!),
      Number(f[9]),
    ],
  );
  const eventRows = await lineRows(
    tx,
    Prisma.sql`
      SELECT string_agg(concat_ws(',', e.id, e."memberId", coalesce(e."habitId", ''),
        coalesce(e."taskId", ''), e.kind, coalesce(e.value::text, ''),
        e."localDate" - DATE '1970-01-01', coalesce(e."revertsId", ''),
        (extract(epoch FROM e."recordedAt") * 1000)::bigint), E'\n') AS data
      FROM (${Prisma.join(groups.map(eventsOfGroup), " UNION ALL ")}) e`,
    (f): EventJsonRow => [
      f[0]!,
      f[1]!,
      f[2] === "" ? null : f[2]!,
      f[3] === "" ? null : f[3]!,
      f[4] as EventKind,
      f[5] === "" ? null : f[5]!,
      epochDay(f[6]!),
      f[7] === "" ? null : f[7]!,
      Number(f[8]),
    ],
  );
  const settingsOf = groupBy(settingRows, (r) => r.userId);
  const capacityOf = groupBy(capacityRows, (r) => r.memberId);
  const habitsOf = groupBy(habitRows, (r) => r[1]);
  const tasksOf = groupBy(taskRows, (r) => r[1]);
  const eventsOf = groupBy(eventRows, (r) => r[1]);

  const contexts = new Map<string, MemberContext>();
  for (const m of memberships) {
    const timeSettings: TimeSettingVersion[] = (settingsOf.get(m.userId) ?? [])
      .map((s) => ({
        effectiveFrom: fromDbDate(s.effectiveFrom),
        timeZone: s.timeZone,
        dayStartMinutes: s.dayStartMinutes,
      }))
      .sort(ascending);
    const joinedOn = localToday(timeSettings, m.createdAt);

    const habits: Habit[] = [...groupBy(habitsOf.get(m.userId) ?? [], (r) => r[0]).values()].map(
      (rows) => {
        const [id, , startDate, archivedAtMs] = rows[0]!;
        const versions = rows.map((r): HabitVersion => ({
          effectiveFrom: r[4] as LocalDate,
          schedule: r[5],
          daysOfWeek: r[6],
          timesPerWeek: r[7],
          everyNDays: r[8],
          target:
            r[9] === null || r[10] === null
              ? null
              : { valueMilli: decimalToMilli(r[9]), direction: r[10] },
          durationMinutes: r[11],
        }));
        const archivedAt = instant(archivedAtMs);
        return habitModel(
          { id, startDate: startDate as LocalDate, archivedAt, versions },
          timeSettings,
        );
      },
    );

    const tasks: Task[] = [...groupBy(tasksOf.get(m.userId) ?? [], (r) => r[0]).values()].map(
      (rows) => {
        const [id, , createdAtMs, archivedAtMs] = rows[0]!;
        const versions = rows.map((r): TaskVersion => ({
          effectiveFrom: r[4] as LocalDate,
          status: r[5],
          priority: r[6],
          dueDate: r[7] as LocalDate | null,
          plannedDate: r[8] as LocalDate | null,
          estimateMinutes: r[9],
        }));
        const createdAt = new Date(createdAtMs);
        return taskModel(
          { id, createdAt, archivedAt: instant(archivedAtMs), versions },
          timeSettings,
        );
      },
    );

    habits.sort(byId);
    tasks.sort(byId);
    const events: LogEvent[] = (eventsOf.get(m.userId) ?? []).map((e) => ({
      id: e[0],
      habitId: e[2],
      taskId: e[3],
      kind: e[4],
      valueMilli: e[5] === null ? null : decimalToMilli(e[5]),
      localDate: e[6] as LocalDate,
      revertsId: e[7],
      recordedAt: new Date(e[8]),
    }));
    events.sort(
      (a, b) =>
        (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0) ||
        a.recordedAt.getTime() - b.recordedAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    );

    const history: LoadedHistory = {
      memberId: m.userId,
      habits,
      tasks,
      events,
      capacity: capacityVersions(capacityOf.get(m.userId), m, joinedOn),
      timeSettings,
    };
    const since = input.since?.get(m.userId) ?? null;
    contexts.set(m.userId, { history, timeSettings, joinedOn, since });
  }
  return contexts;
}

/** The first local day the member has derived values for: joining, or an earlier item or entry. */
export function firstDayOf(context: Pick<MemberContext, "history" | "joinedOn">): LocalDate {
  let first = context.joinedOn;
  const { habits, tasks, events } = context.history;
  for (const h of habits) if (h.startDate < first) first = h.startDate;
  for (const t of tasks) if (t.createdOn < first) first = t.createdOn;
  for (const e of events) if (e.localDate < first) first = e.localDate;
  return first;
}

/** A member's clock and first day, known without loading the history. */
export interface MemberClock {
  timeSettings: TimeSettingVersion[];
  joinedOn: LocalDate;
  /** The member's local today at the instant asked for. */
  today: LocalDate;
  /** As firstDayOf: joining, or an earlier plan start or entry. */
  firstDay: LocalDate;
}

/**
 * The clocks of the listed members (all the workspace's when none are listed): two queries, the
 * first days taken from the oldest plan and entry by index.
 */
export async function loadClocks(
  tx: DbTx,
  input: { workspaceId: string; memberIds?: readonly string[] },
  now: Date,
): Promise<Map<string, MemberClock>> {
  const { workspaceId } = input;
  const only = input.memberIds === undefined ? null : [...input.memberIds];
  const rows = await tx.$queryRaw<
    { m: string; joined: Date; habit: string | null; task: Date | null; event: string | null }[]
  >(Prisma.sql`
    SELECT ms."userId" AS m, ms."createdAt" AS joined,
      (SELECT min("startDate")::text FROM "Habit" h
        WHERE h."workspaceId" = ms."workspaceId" AND h."memberId" = ms."userId") AS habit,
      (SELECT min("createdAt") FROM "Task" t
        WHERE t."workspaceId" = ms."workspaceId" AND t."memberId" = ms."userId") AS task,
      (SELECT min("localDate")::text FROM "ExecutionEvent" e
        WHERE e."workspaceId" = ms."workspaceId" AND e."memberId" = ms."userId") AS event
    FROM "Membership" ms
    WHERE ms."workspaceId" = ${workspaceId}
      AND (${only}::text[] IS NULL OR ms."userId" = ANY(${only}::text[]))
    ORDER BY ms."userId"`);
  const settingRows = await tx.userTimeSetting.findMany({
    where: { userId: { in: rows.map((r) => r.m) } },
    select: { userId: true, effectiveFrom: true, timeZone: true, dayStartMinutes: true },
  });
  const settingsOf = groupBy(settingRows, (r) => r.userId);
  const clocks = new Map<string, MemberClock>();
  for (const row of rows) {
    const timeSettings = (settingsOf.get(row.m) ?? [])
      .map((s) => ({
        effectiveFrom: fromDbDate(s.effectiveFrom),
        timeZone: s.timeZone,
        dayStartMinutes: s.dayStartMinutes,
      }))
      .sort(ascending);
    const joinedOn = localToday(timeSettings, row.joined);
    let firstDay = joinedOn;
    const task = row.task && localToday(timeSettings, row.task);
    for (const day of [row.habit, task, row.event] as (LocalDate | null)[]) {
      if (day !== null && day < firstDay) firstDay = day;
    }
    clocks.set(row.m, { timeSettings, joinedOn, today: localToday(timeSettings, now), firstDay });
  }
  return clocks;
}
