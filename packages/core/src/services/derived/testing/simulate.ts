/**
 * A member's life in the database, one write at a time, for the property test of the derived
 * values: plans and check-ins written with Prisma as the admin role (as the API would store them:
 * versions dated by the member's today, undos carrying their target's item and day, late entries
 * within the window), and after each write the incremental path (`refreshDerived`) as the app role.
 * Random but replayable: everything follows from the seed.
 */
import { createTenantDb, type Db } from "@atlas/db";
import { SAFETY_NET_MS } from "@atlas/test-config";
import { addDays, localDayRange, toLocalDate, type LocalDate } from "@atlas/time";
import { combineDay, deriveKind } from "../../../completion.ts";
import { habitDayPlan, taskDueDateOn } from "../../../due.ts";
import type {
  Habit,
  HabitSchedule,
  HabitVersion,
  LogEvent,
  Task,
  TaskPriority,
  TaskVersion,
  WeeklyCapacity,
} from "../../../model.ts";
import { writeCapacity } from "../../plans/capacity-versions.ts";
import { closeDueDays, refreshDerived } from "../derived.ts";
import { toDbDate } from "../../shared/db-date.ts";
import { milliToDecimal } from "../../shared/values.ts";
import { createRng } from "../../../prng.ts";
import { entitlementsColumn } from "../../billing/snapshot.ts";

const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Kiritimati",
  "America/St_Johns",
];
const SCHEDULES: HabitSchedule[] = ["daily", "days_of_week", "times_per_week", "every_n_days"];
const PRIORITIES: TaskPriority[] = ["low", "medium", "high"];
const LATE_ENTRY_DAYS = 7;
const HOUR_MS = 3_600_000;

export interface SimulatedMember {
  workspaceId: string;
  memberId: string;
  /** The instant the simulation ended at (the member's today is the day after its last day). */
  now: Date;
  writes: number;
}

export interface SimulationOptions {
  admin: Db;
  app: Db;
  planId: string;
  seed: number;
  /** Days simulated (default 14..42 from the seed). */
  days?: number;
  /** Called after each write's refresh, with the instant it was made (intermediate checks). */
  onWrite?: (now: Date, scope: { workspaceId: string; memberId: string }) => Promise<void>;
}

interface SimEvent extends LogEvent {
  isReverted: boolean;
}

export async function simulateMember(options: SimulationOptions): Promise<SimulatedMember> {
  const { admin, app, seed } = options;
  const { next: r, int, pick, chance } = createRng(seed);

  const timeZone = pick(ZONES);
  const dayStartMinutes = pick([0, 0, 180, 720]);
  const first = addDays(toLocalDate("2025-01-06"), int(0, 364));
  const days = options.days ?? int(14, 42);
  const tag = `sim-${seed}-${Math.random().toString(36).slice(2, 8)}`;

  /** An instant `hours` into the member's local day `date` (kept inside the day). */
  const at = (date: LocalDate, hours: number) => {
    const { start, end } = localDayRange(date, timeZone, dayStartMinutes);
    return new Date(Math.min(start.getTime() + hours * HOUR_MS, end.getTime() - 1000));
  };

  const workspace = await admin.workspace.create({
    data: {
      name: tag,
      slug: tag,
      planId: options.planId,
      entitlements: entitlementsColumn("self_hosted"),
      createdAt: at(first, 0.1),
    },
  });
  const user = await admin.user.create({
    data: { email: `${tag}@atlas.test`, name: tag, createdAt: at(first, 0.1) },
  });
  await admin.userTimeSetting.create({
    data: {
      userId: user.id,
      effectiveFrom: toDbDate(addDays(first, -1)),
      timeZone,
      dayStartMinutes,
    },
  });
  const capacity = [0, 1, 2, 3, 4, 5, 6].map(() => pick([0, 120, 360, 480]));
  await admin.membership.create({
    data: {
      workspaceId: workspace.id,
      userId: user.id,
      role: "member",
      createdAt: at(first, 0.2),
      capacityMonMinutes: capacity[0]!,
      capacityTueMinutes: capacity[1]!,
      capacityWedMinutes: capacity[2]!,
      capacityThuMinutes: capacity[3]!,
      capacityFriMinutes: capacity[4]!,
      capacitySatMinutes: capacity[5]!,
      capacitySunMinutes: capacity[6]!,
    },
  });

  const scope = { workspaceId: workspace.id, memberId: user.id };
  const tenant = createTenantDb(app, { workspaceId: workspace.id, userId: user.id });
  const habits: Habit[] = [];
  const tasks: Task[] = [];
  const events: SimEvent[] = [];
  let writes = 0;
  let now = at(first, 0.5);
  let keys = 0;

  const refresh = async (fromDate: LocalDate) => {
    writes++;
    // Prisma's transaction clocks are budgets too: only the suite's safety net may stop a refresh.
    await tenant.$transaction((tx) => refreshDerived(tx, { ...scope, fromDate, now }), {
      maxWait: SAFETY_NET_MS,
      timeout: SAFETY_NET_MS,
    });
    await options.onWrite?.(now, scope);
  };

  function randomVersion(effectiveFrom: LocalDate): HabitVersion {
    const schedule = pick(SCHEDULES);
    const daysOfWeek = [1, 2, 3, 4, 5, 6, 7].filter(() => chance(0.5));
    const direction = chance(0.7) ? "at_least" : "at_most";
    return {
      effectiveFrom,
      schedule,
      daysOfWeek: schedule === "days_of_week" ? (daysOfWeek.length > 0 ? daysOfWeek : [3]) : [],
      timesPerWeek: schedule === "times_per_week" ? int(1, 7) : null,
      everyNDays: schedule === "every_n_days" ? int(2, 5) : null,
      target: chance(0.4)
        ? { valueMilli: pick([1000, 2500, 10_000, 30_000, 333]), direction }
        : null,
      durationMinutes: pick([0, 10, 15, 30, 45]),
    };
  }

  const versionData = (v: HabitVersion) => ({
    effectiveFrom: toDbDate(v.effectiveFrom),
    schedule: v.schedule,
    daysOfWeek: [...v.daysOfWeek],
    timesPerWeek: v.timesPerWeek,
    everyNDays: v.everyNDays,
    targetValue: v.target === null ? null : milliToDecimal(v.target.valueMilli),
    targetUnit: v.target === null ? null : "units",
    targetDirection: v.target?.direction ?? null,
    durationMinutes: v.durationMinutes,
  });

  const taskVersionData = (v: TaskVersion) => ({
    effectiveFrom: toDbDate(v.effectiveFrom),
    status: v.status,
    priority: v.priority,
    dueDate: v.dueDate === null ? null : toDbDate(v.dueDate),
    plannedDate: v.plannedDate === null ? null : toDbDate(v.plannedDate),
    estimateMinutes: v.estimateMinutes,
  });

  async function createHabit(today: LocalDate) {
    const version = randomVersion(today);
    const row = await admin.habit.create({
      data: {
        workspaceId: workspace.id,
        memberId: user.id,
        title: `habit ${habits.length + 1}`,
        startDate: toDbDate(today),
        createdById: user.id,
        createdAt: now,
        versions: { create: versionData(version) },
      },
    });
    habits.push({ id: row.id, startDate: today, archivedFrom: null, versions: [version] });
    await refresh(today);
  }

  async function editHabit(habit: Habit, today: LocalDate) {
    const version = randomVersion(today);
    // A second edit on one day replaces that day's version (one version per habit and day).
    await admin.habitVersion.upsert({
      where: {
        workspaceId_habitId_effectiveFrom: {
          workspaceId: workspace.id,
          habitId: habit.id,
          effectiveFrom: toDbDate(today),
        },
      },
      create: { workspaceId: workspace.id, habitId: habit.id, ...versionData(version) },
      update: versionData(version),
    });
    habit.versions = [...habit.versions.filter((v) => v.effectiveFrom !== today), version];
    await refresh(today);
  }

  async function archiveHabit(habit: Habit, today: LocalDate) {
    await admin.habit.update({ where: { id: habit.id }, data: { archivedAt: now } });
    habit.archivedFrom = today;
    // As the API does: the cut times_per_week week ends yesterday.
    await refresh(addDays(today, -1));
  }

  async function createTask(today: LocalDate) {
    const hasPlan = chance(0.7);
    const version: TaskVersion = {
      effectiveFrom: today,
      status: "todo",
      priority: pick(PRIORITIES),
      plannedDate: hasPlan ? addDays(today, int(0, 3)) : null,
      dueDate: hasPlan && chance(0.6) ? null : addDays(today, int(0, 5)),
      estimateMinutes: pick([0, 15, 30, 60, 90]),
    };
    const row = await admin.task.create({
      data: {
        workspaceId: workspace.id,
        memberId: user.id,
        title: `task ${tasks.length + 1}`,
        createdById: user.id,
        createdAt: now,
        versions: { create: taskVersionData(version) },
      },
    });
    tasks.push({
      id: row.id,
      createdOn: today,
      archivedFrom: null,
      createdAt: now,
      versions: [version],
    });
    await refresh(today);
  }

  async function changeTask(task: Task, today: LocalDate, change: Partial<TaskVersion>) {
    const current = task.versions.at(-1)!;
    const version: TaskVersion = { ...current, ...change, effectiveFrom: today };
    await admin.taskVersion.upsert({
      where: {
        workspaceId_taskId_effectiveFrom: {
          workspaceId: workspace.id,
          taskId: task.id,
          effectiveFrom: toDbDate(today),
        },
      },
      create: { workspaceId: workspace.id, taskId: task.id, ...taskVersionData(version) },
      update: taskVersionData(version),
    });
    task.versions = [...task.versions.filter((v) => v.effectiveFrom !== today), version];
    await refresh(today);
  }

  const activeOn = (itemId: string, date: LocalDate) =>
    combineDay(
      events.filter((e) => e.localDate === date && (e.habitId === itemId || e.taskId === itemId)),
      itemId,
    );

  async function log(
    item: { habitId: string | null; taskId: string | null },
    localDate: LocalDate,
    kind: LogEvent["kind"],
    valueMilli: number | null,
    revertsId: string | null = null,
  ) {
    const key = `${tag}-${++keys}`;
    const row = await admin.executionEvent.create({
      data: {
        workspaceId: workspace.id,
        memberId: user.id,
        habitId: item.habitId,
        taskId: item.taskId,
        kind,
        value: valueMilli === null ? null : milliToDecimal(valueMilli),
        localDate: toDbDate(localDate),
        occurredAt: now,
        recordedAt: now,
        recordedById: user.id,
        source: "web",
        idempotencyKey: key,
        revertsId,
      },
    });
    events.push({
      id: row.id,
      ...item,
      kind,
      valueMilli,
      localDate,
      revertsId,
      recordedAt: now,
      isReverted: false,
    });
    if (revertsId !== null) events.find((e) => e.id === revertsId)!.isReverted = true;
    await refresh(localDate);
  }

  /** A capacity edit, from today (the membership was created on `first`). */
  async function editCapacity(today: LocalDate) {
    const m = () => pick([0, 120, 360, 480]);
    const week: WeeklyCapacity = [m(), m(), m(), m(), m(), m(), m()];
    await tenant.$transaction((tx) =>
      writeCapacity(tx, { ...scope, week, today, joinedOn: first }),
    );
    await refresh(today);
  }

  /** A check-in on a habit day the way the API would take it (kind from the day's sum). */
  async function checkInHabit(habit: Habit, date: LocalDate) {
    const plan = habitDayPlan(habit, date);
    if (plan.kind === "inactive") return;
    const day = activeOn(habit.id, date);
    if (chance(0.08)) {
      if (!day.hasDone && !day.hasSkip)
        await log({ habitId: habit.id, taskId: null }, date, "skip", null);
      return;
    }
    if (day.hasSkip) return;
    const target = plan.version.target;
    const valueMilli =
      target === null
        ? chance(0.2)
          ? pick([500, 1000])
          : null
        : Math.round(target.valueMilli * pick([0.3, 0.5, 1, 1, 1.2, 2.2]));
    const kind =
      target === null ? "done" : deriveKind(plan.version, day.sumMilli + (valueMilli ?? 0));
    await log({ habitId: habit.id, taskId: null }, date, kind, valueMilli);
  }

  for (let i = 0; i < days; i++) {
    const today = addDays(first, i);
    now = at(today, 0.5);
    // The hourly close, sometimes stopped for a while (it catches up later).
    if (chance(0.6)) await closeDueDays(tenant, { workspaceId: workspace.id, now });

    now = at(today, 8);
    if (habits.length === 0 || (habits.length < 4 && chance(0.15))) await createHabit(today);
    const live = habits.filter((h) => h.archivedFrom === null);
    if (live.length > 0 && chance(0.1)) await editHabit(pick(live), today);
    if (live.length > 1 && chance(0.03)) await archiveHabit(pick(live), today);
    if (chance(0.6)) await createTask(today);
    if (chance(0.05)) await editCapacity(today);
    const open = tasks.filter((t) => {
      const v = t.versions.at(-1)!;
      return (
        v.status !== "cancelled" &&
        !events.some((e) => e.taskId === t.id && !e.isReverted && e.kind === "done")
      );
    });
    if (open.length > 0 && chance(0.12)) {
      await changeTask(pick(open), today, { plannedDate: addDays(today, int(0, 3)) });
    }
    if (open.length > 0 && chance(0.05))
      await changeTask(pick(open), today, { status: "cancelled" });

    let hour = 9;
    const tick = () => (now = at(today, (hour += 0.25 + r())));
    for (const habit of habits) {
      if (habitDayPlan(habit, today).kind === "inactive" || !chance(0.7)) continue;
      tick();
      await checkInHabit(habit, today);
    }
    for (const task of tasks) {
      const due = taskDueDateOn(task, today);
      if (due === null || due > today || !chance(due === today ? 0.6 : 0.2)) continue;
      const day = activeOn(task.id, today);
      if (day.hasDone || day.hasSkip) continue;
      tick();
      await log({ habitId: null, taskId: task.id }, today, chance(0.05) ? "skip" : "done", null);
    }
    // A late entry for a recent day.
    if (chance(0.2) && habits.length > 0) {
      tick();
      await checkInHabit(pick(habits), addDays(today, -int(1, LATE_ENTRY_DAYS)));
    }
    // An undo of a recent entry that is still in force.
    const undoable = events.filter(
      (e) => e.kind !== "undo" && !e.isReverted && e.localDate >= addDays(today, -LATE_ENTRY_DAYS),
    );
    if (undoable.length > 0 && chance(0.15)) {
      const target = pick(undoable);
      tick();
      const item = { habitId: target.habitId, taskId: target.taskId };
      await log(item, target.localDate, "undo", null, target.id);
    }
  }

  now = at(addDays(first, days), 1);
  await closeDueDays(tenant, { workspaceId: workspace.id, now });
  return { workspaceId: workspace.id, memberId: user.id, now, writes };
}
