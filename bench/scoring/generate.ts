/**
 * The benchmarks' data: one workspace, cohorts of members with their days of history, 3 habits (all
 * four schedules, measurable targets of both directions) and 2 tasks a day, check-ins with partials,
 * skips, late completions and undos. Deterministic from the seed; written with multi-row INSERTs
 * of unnest() arrays (one statement per BATCH rows) as the admin role.
 */
import { randomUUID } from "node:crypto";
import { PLAN_CATALOG, snapshotOf } from "@atlas/core/billing/plan-catalog";
import { createRng } from "@atlas/core/prng";
import { addDays, dayKey, isoWeekday, type LocalDate } from "@atlas/time";
import type pg from "pg";

export interface BenchMember {
  id: string;
  timeZone: string;
  today: LocalDate;
  /** The first day of this member's history. */
  firstDay: LocalDate;
}

/** Members with the same length of history. */
export interface Cohort {
  members: number;
  days: number;
}

export interface BenchData {
  workspaceId: string;
  /** The first day of the longest history. */
  firstDay: LocalDate;
  /** Cohort by cohort, in the order given. */
  members: BenchMember[];
  counts: Record<string, number>;
}

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];
const PRIORITIES = ["low", "medium", "high"] as const;
const BATCH = 20_000;

/** Rows of one table as columns, flushed as one INSERT … SELECT FROM unnest(…) per batch. */
class Table {
  private columns: unknown[][];
  rows = 0;
  constructor(
    private readonly client: pg.ClientBase,
    private readonly name: string,
    /** Column, element type of its parameter array, and the column's type when it differs. */
    private readonly spec: readonly (readonly [column: string, type: string, cast?: string])[],
    private readonly onFlush: () => void,
  ) {
    this.columns = spec.map(() => []);
  }

  add(...values: unknown[]) {
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]);
    this.rows++;
  }

  get pending() {
    return this.columns[0]!.length;
  }

  async flush() {
    if (this.columns[0]!.length === 0) return;
    const names = this.spec.map(([c]) => `"${c}"`).join(", ");
    const params = this.spec.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    const casts = this.spec.map(([c, type, cast]) => `t."${c}"::${cast ?? type}`).join(", ");
    const aliases = this.spec.map(([c]) => `"${c}"`).join(", ");
    await this.client.query(
      `INSERT INTO "${this.name}" (${names}) SELECT ${casts} FROM unnest(${params}) AS t(${aliases})`,
      this.columns,
    );
    this.columns = this.spec.map(() => []);
    this.onFlush();
  }
}

export async function generate(
  client: pg.ClientBase,
  options: {
    cohorts: readonly Cohort[];
    now: Date;
    seed: number;
    progress: (line: string) => void;
  },
): Promise<BenchData> {
  const { next: r, pick } = createRng(options.seed);
  const utcToday = dayKey(options.now, "UTC", 0);
  const earliestDay = addDays(utcToday, -Math.max(...options.cohorts.map((c) => c.days)));
  const total = options.cohorts.reduce((sum, c) => sum + c.members, 0);
  // Member i's cohort: the cohorts in order.
  const cohortOf = (i: number) => {
    let end = 0;
    return options.cohorts.find((c) => i < (end += c.members))!;
  };
  const at = (date: LocalDate, hour: number) =>
    new Date(`${date}T${String(hour).padStart(2, "0")}:00:00.000Z`);
  let flushed = 0;
  const onFlush = () => {
    flushed++;
  };

  const planId = randomUUID();
  const plan = PLAN_CATALOG.self_hosted;
  await client.query(`INSERT INTO "Plan" (id, key, name) VALUES ($1, $2, $3)`, [
    planId,
    plan.id,
    plan.name,
  ]);
  const workspaceId = randomUUID();
  await client.query(
    `INSERT INTO "Workspace" (id, name, slug, "planId", entitlements, "createdAt")
     VALUES ($1, 'Bench', 'bench', $2, $3::jsonb, $4)`,
    [workspaceId, planId, JSON.stringify(snapshotOf(plan.id)), at(addDays(earliestDay, -1), 0)],
  );

  const users = new Table(
    client,
    "User",
    [
      ["id", "text"],
      ["email", "text"],
      ["name", "text"],
    ],
    onFlush,
  );
  const settings = new Table(
    client,
    "UserTimeSetting",
    [
      ["id", "text"],
      ["userId", "text"],
      ["effectiveFrom", "date"],
      ["timeZone", "text"],
    ],
    onFlush,
  );
  const memberships = new Table(
    client,
    "Membership",
    [
      ["workspaceId", "text"],
      ["userId", "text"],
      ["createdAt", "timestamptz"],
    ],
    onFlush,
  );
  const habits = new Table(
    client,
    "Habit",
    [
      ["id", "text"],
      ["workspaceId", "text"],
      ["memberId", "text"],
      ["title", "text"],
      ["startDate", "date"],
      ["createdById", "text"],
    ],
    onFlush,
  );
  const habitVersions = new Table(
    client,
    "HabitVersion",
    [
      ["id", "text"],
      ["workspaceId", "text"],
      ["habitId", "text"],
      ["effectiveFrom", "date"],
      ["schedule", '"HabitSchedule"'],
      ["daysOfWeek", "text", "int[]"],
      ["timesPerWeek", "int"],
      ["everyNDays", "int"],
      ["targetValue", "numeric"],
      ["targetUnit", "text"],
      ["targetDirection", '"TargetDirection"'],
      ["durationMinutes", "int"],
    ],
    onFlush,
  );
  const tasks = new Table(
    client,
    "Task",
    [
      ["id", "text"],
      ["workspaceId", "text"],
      ["memberId", "text"],
      ["title", "text"],
      ["createdById", "text"],
      ["createdAt", "timestamptz"],
    ],
    onFlush,
  );
  const taskVersions = new Table(
    client,
    "TaskVersion",
    [
      ["id", "text"],
      ["workspaceId", "text"],
      ["taskId", "text"],
      ["effectiveFrom", "date"],
      ["priority", '"TaskPriority"'],
      ["dueDate", "date"],
      ["plannedDate", "date"],
      ["estimateMinutes", "int"],
    ],
    onFlush,
  );
  const events = new Table(
    client,
    "ExecutionEvent",
    [
      ["id", "text"],
      ["workspaceId", "text"],
      ["memberId", "text"],
      ["habitId", "text"],
      ["taskId", "text"],
      ["kind", '"EventKind"'],
      ["value", "numeric"],
      ["localDate", "date"],
      ["occurredAt", "timestamptz"],
      ["recordedAt", "timestamptz"],
      ["recordedById", "text"],
      ["source", '"EventSource"'],
      ["idempotencyKey", "text"],
      ["revertsId", "text"],
    ],
    onFlush,
  );

  const tables = [users, settings, memberships, habits, habitVersions, tasks, taskVersions, events];
  const members: BenchMember[] = [];
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const { days } = cohortOf(i);
    const firstDay = addDays(utcToday, -days);
    const memberId = randomUUID();
    const timeZone = ZONES[i % ZONES.length]!;
    const today = dayKey(options.now, timeZone, 0);
    const lastDay = addDays(today, -1);
    members.push({ id: memberId, timeZone, today, firstDay });
    users.add(memberId, `bench-${i}@atlas.bench`, `Bench ${i}`);
    settings.add(randomUUID(), memberId, addDays(firstDay, -2), timeZone);
    memberships.add(workspaceId, memberId, at(firstDay, 12));
    const adherence = 0.55 + 0.4 * r();

    const log = (
      item: { habitId: string | null; taskId: string | null },
      date: LocalDate,
      kind: "done" | "partial" | "skip" | "undo",
      valueMilli: number | null,
      revertsId: string | null = null,
    ) => {
      const id = randomUUID();
      const value = valueMilli === null ? null : (valueMilli / 1000).toFixed(3);
      const t = at(date, 18);
      events.add(
        id,
        workspaceId,
        memberId,
        item.habitId,
        item.taskId,
        kind,
        value,
        date,
        t,
        t,
        memberId,
        "web",
        id,
        revertsId,
      );
      return id;
    };

    // Three habits: a daily one (measurable at_least for half the members), a days_of_week or
    // every_n_days one, and a times_per_week or daily at_most (measurable) one.
    interface HabitSpec {
      schedule: "daily" | "days_of_week" | "every_n_days" | "times_per_week";
      daysOfWeek?: number[];
      everyNDays?: number;
      timesPerWeek?: number;
      target: { milli: number; direction: "at_least" | "at_most" } | null;
    }
    const specs: HabitSpec[] = [
      r() < 0.5
        ? { schedule: "daily", target: { milli: 30_000, direction: "at_least" } }
        : { schedule: "daily", target: null },
      r() < 0.5
        ? { schedule: "days_of_week", daysOfWeek: [1, 3, 5], target: null }
        : { schedule: "every_n_days", everyNDays: pick([2, 3]), target: null },
      r() < 0.5
        ? { schedule: "times_per_week", timesPerWeek: pick([2, 3, 4]), target: null }
        : { schedule: "daily", target: { milli: 2500, direction: "at_most" } },
    ];
    for (const [h, spec] of specs.entries()) {
      const habitId = randomUUID();
      habits.add(habitId, workspaceId, memberId, `habit ${h + 1}`, firstDay, memberId);
      const dows = spec.daysOfWeek ?? [];
      habitVersions.add(
        randomUUID(),
        workspaceId,
        habitId,
        firstDay,
        spec.schedule,
        `{${dows.join(",")}}`,
        spec.timesPerWeek ?? null,
        spec.everyNDays ?? null,
        spec.target === null ? null : (spec.target.milli / 1000).toFixed(3),
        spec.target === null ? null : "units",
        spec.target?.direction ?? null,
        pick([10, 20, 30, 45]),
      );
      const item = { habitId, taskId: null };
      for (let date = firstDay, k = 0; date <= lastDay; date = addDays(date, 1), k++) {
        const isDue =
          spec.schedule === "daily" ||
          (spec.schedule === "days_of_week" && dows.includes(isoWeekday(date))) ||
          (spec.schedule === "every_n_days" && k % spec.everyNDays! === 0) ||
          (spec.schedule === "times_per_week" && r() < (spec.timesPerWeek! / 7) * 1.2);
        if (!isDue) continue;
        if (r() < 0.03) {
          log(item, date, "skip", null);
          continue;
        }
        if (r() >= adherence) continue;
        let valueMilli: number | null = null;
        let kind: "done" | "partial" = "done";
        if (spec.target?.direction === "at_least") {
          valueMilli =
            r() < 0.8 ? spec.target.milli : Math.round(spec.target.milli * pick([0.3, 0.5, 0.9]));
          kind = valueMilli >= spec.target.milli ? "done" : "partial";
        } else if (spec.target?.direction === "at_most") {
          valueMilli = pick([0, 1000, 2000, 2500, 3000, 4000, 5500]);
          kind = valueMilli <= spec.target.milli ? "done" : "partial";
        }
        const id = log(item, date, kind, valueMilli);
        if (r() < 0.01) {
          log(item, date, "undo", null, id);
          if (r() < 0.5) log(item, date, kind, valueMilli);
        }
      }
    }

    // Two tasks a day, created two days ahead, planned (or due) that day; done that day, later,
    // or never; now and then skipped.
    for (let date = firstDay; date <= lastDay; date = addDays(date, 1)) {
      for (let n = 0; n < 2; n++) {
        const taskId = randomUUID();
        const createdAt = at(addDays(date, -2), 12);
        tasks.add(taskId, workspaceId, memberId, `task ${date} ${n}`, memberId, createdAt);
        const isPlanned = r() < 0.7;
        taskVersions.add(
          randomUUID(),
          workspaceId,
          taskId,
          dayKey(createdAt, timeZone, 0),
          pick(PRIORITIES),
          isPlanned ? null : date,
          isPlanned ? date : null,
          pick([15, 30, 45, 60, 90]),
        );
        const item = { habitId: null, taskId };
        if (r() < 0.02) {
          log(item, date, "skip", null);
        } else if (r() < adherence) {
          const id = log(item, date, "done", null);
          if (r() < 0.01) log(item, date, "undo", null, id);
        } else if (r() < 0.3) {
          const later = addDays(date, 1 + Math.floor(r() * 3));
          if (later <= lastDay) log(item, later, "done", null);
        }
      }
    }

    // Parents before children, so every foreign key finds its row.
    if (tables.some((t) => t.pending >= BATCH)) for (const t of tables) await t.flush();
    if ((i + 1) % 100 === 0 || i + 1 === total) {
      const rows = [users, habits, tasks, taskVersions, events].reduce((s, t) => s + t.rows, 0);
      options.progress(
        `  generated ${i + 1}/${total} members, ${rows.toLocaleString("en")} rows ` +
          `(${flushed} batches) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
  for (const table of tables) await table.flush();
  return {
    workspaceId,
    firstDay: earliestDay,
    members,
    counts: {
      members: memberships.rows,
      habits: habits.rows,
      habitVersions: habitVersions.rows,
      tasks: tasks.rows,
      taskVersions: taskVersions.rows,
      events: events.rows,
    },
  };
}
