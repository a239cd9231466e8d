/**
 * Tasks (docs/domain.md "Plans of work"): identity (title, notes, goal, archivedAt) on Task; what
 * scoring reads (planned status, priority, planned/due date, estimate) as TaskVersion rows dated
 * by the OWNING member's local today. `done` is never written to a version: it comes from the log
 * (a non-reverted done event), so undoing the check-in reopens the task by itself.
 */
import {
  AppError,
  versionOn,
  type TaskPriority,
  type TaskStatus,
  type TaskVersion,
} from "@atlas/core";
import { Prisma, type TenantDb } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import { resolveMember, todayOf, type Actor } from "../access/access.ts";
import { assertLinkableGoal } from "./goals.ts";
import type { StoredTask } from "./plan-models.ts";
import { withIdempotencyIn } from "../shared/idempotency.ts";
import { pageFrom, pageSql, type Page } from "../shared/pagination.ts";
import type { TenantTx as Tx } from "@atlas/db";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "../shared/db-date.ts";
import {
  assertGoalChange,
  changePlan,
  changePlanIn,
  inForceFirst,
  ownedPlan,
  refreshFrom,
  writeVersion,
  type PlanModel,
} from "./versioned-plans.ts";

/** What a version may say about status: done comes from the log only. */
export type PlannedStatus = Exclude<TaskStatus, "done">;

export type TaskVersionOut = {
  effectiveFrom: string;
  status: PlannedStatus;
  priority: TaskPriority;
  dueDate: string | null;
  plannedDate: string | null;
  estimateMinutes: number;
};

export type TaskOut = {
  id: string;
  memberId: string;
  goalId: string | null;
  title: string;
  notes: string;
  /** done when the log holds a non-reverted check-in, else the planned status in force today. */
  status: TaskStatus;
  /** The local day of that check-in. */
  doneOn: string | null;
  priority: TaskPriority;
  dueDate: string | null;
  plannedDate: string | null;
  /** The day it is scheduled for today: the planned date, else the due date. */
  scheduledDate: string | null;
  estimateMinutes: number;
  archivedAt: string | null;
  isArchived: boolean;
  /** Every version, oldest first. */
  versions: TaskVersionOut[];
  createdById: string;
  createdAt: string;
  updatedAt: string;
};

export const TASK_SELECT = {
  id: true,
  memberId: true,
  goalId: true,
  title: true,
  notes: true,
  archivedAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  versions: {
    select: {
      effectiveFrom: true,
      status: true,
      priority: true,
      dueDate: true,
      plannedDate: true,
      estimateMinutes: true,
    },
    orderBy: { effectiveFrom: "asc" as const },
  },
} as const;

export type TaskRow = {
  id: string;
  memberId: string;
  goalId: string | null;
  title: string;
  notes: string;
  archivedAt: Date | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  versions: {
    effectiveFrom: Date;
    status: TaskStatus;
    priority: TaskPriority;
    dueDate: Date | null;
    plannedDate: Date | null;
    estimateMinutes: number;
  }[];
};

type VersionData = Omit<TaskVersion, "effectiveFrom">;

const versionColumns = (v: VersionData) => ({
  status: v.status,
  priority: v.priority,
  dueDate: v.dueDate === null ? null : toDbDate(v.dueDate),
  plannedDate: v.plannedDate === null ? null : toDbDate(v.plannedDate),
  estimateMinutes: v.estimateMinutes,
});

function storedVersions(row: TaskRow): TaskVersion[] {
  return row.versions.map((v) => ({
    effectiveFrom: fromDbDate(v.effectiveFrom),
    status: v.status,
    priority: v.priority,
    dueDate: fromDbDateOrNull(v.dueDate),
    plannedDate: fromDbDateOrNull(v.plannedDate),
    estimateMinutes: v.estimateMinutes,
  }));
}

/** The task as it is stored, for plan-models.ts's `taskModel`. */
export function storedTask(row: TaskRow): StoredTask {
  return {
    id: row.id,
    createdAt: row.createdAt,
    archivedAt: row.archivedAt,
    versions: storedVersions(row),
  };
}

const plannedStatus = (status: TaskStatus): PlannedStatus => (status === "done" ? "todo" : status);

function versionOut(v: TaskVersion): TaskVersionOut {
  return {
    effectiveFrom: v.effectiveFrom,
    status: plannedStatus(v.status),
    priority: v.priority,
    dueDate: v.dueDate,
    plannedDate: v.plannedDate,
    estimateMinutes: v.estimateMinutes,
  };
}

export function taskOut(row: TaskRow, today: LocalDate, doneOn: LocalDate | null): TaskOut {
  const versions = storedVersions(row);
  const current = versionOn(versions, today) ?? versions[0];
  if (current === undefined) throw new Error(`task ${row.id} has no version`);
  return {
    id: row.id,
    memberId: row.memberId,
    goalId: row.goalId,
    title: row.title,
    notes: row.notes,
    status: doneOn !== null ? "done" : plannedStatus(current.status),
    doneOn,
    priority: current.priority,
    dueDate: current.dueDate,
    plannedDate: current.plannedDate,
    scheduledDate: current.plannedDate ?? current.dueDate,
    estimateMinutes: current.estimateMinutes,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    isArchived: row.archivedAt !== null,
    versions: versions.map(versionOut),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Per task, the local day of its non-reverted done check-in (a task is done at most once). */
export async function doneDays(tx: Tx, taskIds: string[]): Promise<Map<string, LocalDate>> {
  if (taskIds.length === 0) return new Map();
  const events = await tx.executionEvent.findMany({
    where: { taskId: { in: taskIds } },
    select: { id: true, taskId: true, kind: true, revertsId: true, localDate: true },
  });
  const reverted = new Set(events.flatMap((e) => (e.revertsId === null ? [] : [e.revertsId])));
  const done = new Map<string, LocalDate>();
  for (const e of events) {
    if (e.kind === "done" && e.taskId !== null && !reverted.has(e.id)) {
      done.set(e.taskId, fromDbDate(e.localDate));
    }
  }
  return done;
}

async function readTask(tx: Tx, taskId: string, today: LocalDate): Promise<TaskOut> {
  const row = (await tx.task.findUniqueOrThrow({
    where: { id: taskId },
    select: TASK_SELECT,
  })) as TaskRow;
  const done = await doneDays(tx, [taskId]);
  return taskOut(row, today, done.get(taskId) ?? null);
}

/** A task the actor may read or write, with its owner; another workspace's is not found. */
export async function taskFor(tx: Tx, actor: Actor, taskId: string, intent: "read" | "write") {
  // The workspace filter is explicit: the console's client reaches several workspaces.
  const row = await tx.task.findUnique({
    where: { id: taskId, workspaceId: actor.workspaceId },
    select: TASK_SELECT,
  });
  return ownedPlan(tx, actor, "task", row as TaskRow | null, intent);
}

/** New dates may not lie before the owner's today, and a plan may not come after its deadline. */
function checkDates(
  today: LocalDate,
  changed: { dueDate?: LocalDate | null; plannedDate?: LocalDate | null },
  merged: { dueDate: LocalDate | null; plannedDate: LocalDate | null },
): void {
  for (const [field, date] of Object.entries(changed)) {
    if (date !== undefined && date !== null && date < today) {
      throw new AppError(
        "BAD_REQUEST",
        `The ${field === "dueDate" ? "due" : "planned"} date ${date} is in the past (today is ${today}).`,
        { field },
      );
    }
  }
  if (
    merged.plannedDate !== null &&
    merged.dueDate !== null &&
    merged.plannedDate > merged.dueDate
  ) {
    throw new AppError(
      "BAD_REQUEST",
      `The planned date ${merged.plannedDate} is after the due date ${merged.dueDate}.`,
      { field: "plannedDate" },
    );
  }
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────

export async function getTask(
  db: TenantDb,
  actor: Actor,
  now: Date,
  taskId: string,
): Promise<TaskOut> {
  return db.$transaction(async (tx) => {
    const { owner } = await taskFor(tx, actor, taskId, "read");
    return readTask(tx, taskId, todayOf(owner, now));
  });
}

export interface ListTasksInput {
  memberId?: string;
  includeArchived: boolean;
  status?: TaskStatus[];
  priority?: TaskPriority[];
  /** A goal's id, or null for tasks without a goal. */
  goalId?: string | null;
  /** Scheduled date (planned, else due, in force today) within [dateFrom, dateTo]; undated tasks drop out. */
  dateFrom?: LocalDate;
  dateTo?: LocalDate;
  cursor?: string;
  limit: number;
}

/**
 * The ids of one page of the member's tasks matching `input`, in id order with one extra. Status,
 * priority and scheduled date are those in force today (the version in force, else the first;
 * done from a check-in no event reverts, exactly as taskOut and doneDays read them), so PostgreSQL
 * filters and pages on them and only the page's rows are read.
 */
async function taskPageIds(
  tx: Tx,
  scope: { workspaceId: string; memberId: string; today: LocalDate },
  input: ListTasksInput,
): Promise<string[]> {
  const page = pageSql(Prisma.raw("t.id"), input.cursor, input.limit);
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT t.id FROM "Task" t
    CROSS JOIN LATERAL (
      SELECT v.status::text AS status, v.priority::text AS priority,
             coalesce(v."plannedDate", v."dueDate") AS scheduled
      FROM "TaskVersion" v
      WHERE v."workspaceId" = t."workspaceId" AND v."taskId" = t.id
      ${inForceFirst(scope.today)}
      LIMIT 1) v
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN EXISTS (
          SELECT 1 FROM "ExecutionEvent" e
          WHERE e."workspaceId" = t."workspaceId" AND e."taskId" = t.id AND e.kind = 'done'
            AND NOT EXISTS (SELECT 1 FROM "ExecutionEvent" u
                            WHERE u."workspaceId" = e."workspaceId" AND u."revertsId" = e.id
                              AND u."taskId" = t.id)) THEN 'done'
        WHEN v.status = 'done' THEN 'todo'
        ELSE v.status END AS status) s
    WHERE t."workspaceId" = ${scope.workspaceId} AND t."memberId" = ${scope.memberId}
      AND ${page.after}
      AND (${input.includeArchived} OR t."archivedAt" IS NULL)
      AND (${input.goalId === undefined} OR t."goalId" IS NOT DISTINCT FROM ${input.goalId ?? null})
      AND (${input.status ?? null}::text[] IS NULL OR s.status = ANY(${input.status ?? null}::text[]))
      AND (${input.priority ?? null}::text[] IS NULL
           OR v.priority = ANY(${input.priority ?? null}::text[]))
      AND (${input.dateFrom ?? null}::date IS NULL OR v.scheduled >= ${input.dateFrom ?? null}::date)
      AND (${input.dateTo ?? null}::date IS NULL OR v.scheduled <= ${input.dateTo ?? null}::date)
    ${page.orderAndLimit}`);
  return rows.map((r) => r.id);
}

/** A page of the member's tasks, filtered in the database; shaped after the transaction. */
export async function listTasks(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: ListTasksInput,
): Promise<Page<TaskOut>> {
  const { today, rows, done } = await db.$transaction(async (tx) => {
    const member = await resolveMember(tx, actor, input.memberId, "read");
    const today = todayOf(member, now);
    const ids = await taskPageIds(
      tx,
      { workspaceId: actor.workspaceId, memberId: member.userId, today },
      input,
    );
    const rows = (await tx.task.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: TASK_SELECT,
    })) as TaskRow[];
    return { today, rows, done: await doneDays(tx, ids) };
  });
  const tasks = rows.map((r) => taskOut(r, today, done.get(r.id) ?? null));
  return pageFrom(tasks, input.limit, (t) => t.id);
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────

export interface CreateTaskInput {
  memberId?: string;
  idempotencyKey: string;
  title: string;
  notes: string;
  goalId: string | null;
  status: "todo" | "in_progress";
  priority: TaskPriority;
  dueDate: LocalDate | null;
  plannedDate: LocalDate | null;
  estimateMinutes: number;
}

export async function createTask(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: CreateTaskInput,
): Promise<TaskOut> {
  return db.$transaction((tx) => createTaskIn(tx, actor, now, input));
}

/** createTask inside the caller's transaction (accepting an AI suggestion creates several). */
export async function createTaskIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: CreateTaskInput,
): Promise<TaskOut> {
  const { idempotencyKey, ...body } = input;
  return withIdempotencyIn(
    tx,
    {
      workspaceId: actor.workspaceId,
      key: idempotencyKey,
      scope: "task.create",
      actorId: actor.userId,
      body: { ...body, memberId: input.memberId ?? actor.userId },
    },
    async (tx) => {
      const member = await resolveMember(tx, actor, input.memberId, "write");
      if (input.goalId !== null) await assertLinkableGoal(tx, member.userId, input.goalId);
      const today = todayOf(member, now);
      const dates = { dueDate: input.dueDate, plannedDate: input.plannedDate };
      checkDates(today, dates, dates);
      const task = await tx.task.create({
        data: {
          workspaceId: actor.workspaceId,
          memberId: member.userId,
          goalId: input.goalId,
          title: input.title,
          notes: input.notes,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
          versions: {
            create: {
              effectiveFrom: toDbDate(today),
              ...versionColumns({
                status: input.status,
                priority: input.priority,
                dueDate: input.dueDate,
                plannedDate: input.plannedDate,
                estimateMinutes: input.estimateMinutes,
              }),
            },
          },
        },
        select: { id: true },
      });
      await refreshFrom(tx, actor.workspaceId, member.userId, today, now);
      return readTask(tx, task.id, today);
    },
  );
}

export interface UpdateTaskInput {
  taskId: string;
  title?: string;
  notes?: string;
  goalId?: string | null;
  /** Planned status; cancelled takes effect from the owner's today. */
  status?: PlannedStatus;
  priority?: TaskPriority;
  dueDate?: LocalDate | null;
  plannedDate?: LocalDate | null;
  estimateMinutes?: number;
}

const sameVersion = (a: VersionData, b: VersionData) =>
  a.status === b.status &&
  a.priority === b.priority &&
  a.dueDate === b.dueDate &&
  a.plannedDate === b.plannedDate &&
  a.estimateMinutes === b.estimateMinutes;

const TASK_PLAN: PlanModel<TaskRow, TaskOut, VersionData, ReturnType<typeof versionColumns>> = {
  noun: "task",
  find: taskFor,
  read: readTask,
  touch: (tx, taskId, data) => tx.task.update({ where: { id: taskId }, data }),
  upsertVersion: (tx, { planId, ...at }, columns) => {
    const key = { ...at, taskId: planId };
    return tx.taskVersion.upsert({
      where: { workspaceId_taskId_effectiveFrom: key },
      create: { ...key, ...columns },
      update: columns,
    });
  },
  columns: versionColumns,
  sameVersion,
};

export async function updateTask(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: UpdateTaskInput,
): Promise<TaskOut> {
  return db.$transaction((tx) => updateTaskIn(tx, actor, now, input));
}

/** updateTask inside the caller's transaction (overload relief moves several tasks in one). */
export async function updateTaskIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: UpdateTaskInput,
): Promise<TaskOut> {
  return changePlanIn(tx, actor, now, TASK_PLAN, input.taskId, async (tx, row, today) => {
    if (input.status === "cancelled" && (await doneDays(tx, [row.id])).has(row.id)) {
      throw new AppError("CONFLICT", "This task is done: undo its check-in before cancelling it.");
    }
    await assertGoalChange(tx, row, input.goalId);
    if (input.title !== undefined || input.notes !== undefined || input.goalId !== undefined) {
      await tx.task.update({
        where: { id: row.id },
        data: { title: input.title, notes: input.notes, goalId: input.goalId, updatedAt: now },
      });
    }
    await writeVersion(tx, actor, now, TASK_PLAN, row, today, storedVersions(row), (base) => {
      const next: VersionData = {
        status: input.status ?? plannedStatus(base.status),
        priority: input.priority ?? base.priority,
        dueDate: input.dueDate === undefined ? base.dueDate : input.dueDate,
        plannedDate: input.plannedDate === undefined ? base.plannedDate : input.plannedDate,
        estimateMinutes: input.estimateMinutes ?? base.estimateMinutes,
      };
      checkDates(
        today,
        {
          dueDate: next.dueDate === base.dueDate ? undefined : next.dueDate,
          plannedDate: next.plannedDate === base.plannedDate ? undefined : next.plannedDate,
        },
        next,
      );
      return next;
    });
  });
}

/** Archives a task from the owner's today on. Idempotent. */
export async function archiveTask(
  db: TenantDb,
  actor: Actor,
  now: Date,
  taskId: string,
): Promise<TaskOut> {
  return changePlan(db, actor, now, TASK_PLAN, taskId, "archive");
}
