/**
 * The execution log (docs/domain.md "The execution log", "Time and local days"): check-ins, skips and undos appended
 * to ExecutionEvent, never updated or deleted, and one item-day's combined state read back.
 *
 * Every write goes through `appendEvent`: one transaction that claims the idempotency key,
 * serialises writers of the item (so "skip versus done", "a task is done once" and the skip
 * allowance hold under concurrency), checks every rule, appends one event (plus an audit row for
 * a late-entry override), and tells derived data. A refusal rolls all of it back.
 *
 * Rules decided here (docs/domain.md "The execution log"):
 * - a check-in on a day the habit is not due (an off day of days_of_week or every_n_days) is
 *   allowed and recorded as it is: doing more than planned is not an error; scoring decides what
 *   it counts for. A skip is refused on such a day (nothing to excuse): PRECONDITION_FAILED.
 * - an at_least habit may be checked in without a value: a plain done, a full done (core's
 *   habitCompletion); once the day is met, another plain done is a CONFLICT. Values may be added
 *   to a day at any time (they accumulate); the kind stored is derived from the day's sum.
 * - a habit without a target is done once per day (a second done is a CONFLICT).
 * - only habits are skipped (the allowance is per habit); tasks are checked in or not.
 * - archived habits and tasks take no entries at all, late or undo included (PRECONDITION_FAILED).
 * - a day before the item existed is refused (BAD_REQUEST), as is a future day.
 * - recording for another member (and undoing their entries) needs `editOthersPlans`.
 * - a late entry past the window is FORBIDDEN unless the caller may `lateEntryOverride`.
 */
import {
  AppError,
  combineDay,
  deriveKind,
  habitCompletion,
  isHabitDueOn,
  isHabitShownOn,
  isMet,
  isTaskDueOn,
  notEntitledMessage,
  planLimit,
  planThatLifts,
  versionOn,
  type CombinedDay,
  type EventKind,
  type Habit,
  type HabitVersion,
  type LogEvent,
  type Task,
} from "@atlas/core";
import { addDays, diffDays, localToday, toLocalDate, type LocalDate } from "@atlas/time";
import {
  forbidden,
  may,
  resolveMember,
  todayOf,
  type Actor,
  type Member,
} from "../access/access.ts";
import { refreshDerived } from "../derived/derived.ts";
import {
  HABIT_SELECT,
  habitFor,
  storedHabit,
  type HabitRow,
  type TargetIn,
} from "../plans/habits.ts";
import { withIdempotency } from "../shared/idempotency.ts";
import { lockName } from "../shared/locks.ts";
import { storedTask, TASK_SELECT, taskFor, type TaskRow } from "../plans/tasks.ts";
import { habitModel, taskModel } from "../plans/plan-models.ts";
import type { EventSource, TenantDb, TenantTx as Tx } from "@atlas/db";
import { fromDbDate, toDbDate } from "../shared/db-date.ts";
import { decimalToMilli, milliToDecimal, milliToNumber, toMilli } from "../shared/values.ts";

/** How far a client's occurredAt may be from the server's now. */
export const OCCURRED_AT_TOLERANCE_MS = 5 * 60_000;

export type EventOut = {
  id: string;
  memberId: string;
  habitId: string | null;
  taskId: string | null;
  kind: EventKind;
  value: number | null;
  localDate: string;
  occurredAt: string;
  recordedAt: string;
  recordedById: string;
  source: EventSource;
  note: string | null;
  revertsId: string | null;
  /** Recorded past the late-entry window by a coach, admin or owner. */
  isOverride: boolean;
  /** An undo has reverted it. */
  isReverted: boolean;
};

export type DayState = "done" | "partial" | "skipped" | "open";

/** One item's events of one day, combined (docs/domain.md "The execution log": values summed, kind from the sum). */
export type ItemDayOut = {
  habitId: string | null;
  taskId: string | null;
  localDate: string;
  state: DayState;
  /** Sum of the non-reverted values (measurable habits), else null. */
  value: number | null;
  /** c ∈ [0,1] of a habit day (null: nothing logged or skipped); a task: 1 once done, else null. */
  completion: number | null;
  /** The non-undo events not reverted, oldest first. */
  activeEventIds: string[];
};

export type LogWriteOut = { event: EventOut; day: ItemDayOut };

// ── Reading events ───────────────────────────────────────────────────────────────────────────

export const EVENT_SELECT = {
  id: true,
  memberId: true,
  habitId: true,
  taskId: true,
  kind: true,
  value: true,
  localDate: true,
  occurredAt: true,
  recordedAt: true,
  recordedById: true,
  source: true,
  note: true,
  revertsId: true,
  isOverride: true,
} as const;

export type EventRow = {
  id: string;
  memberId: string;
  habitId: string | null;
  taskId: string | null;
  kind: EventKind;
  value: { toFixed(digits: number): string } | null;
  localDate: Date;
  occurredAt: Date;
  recordedAt: Date;
  recordedById: string;
  source: EventOut["source"];
  note: string | null;
  revertsId: string | null;
  isOverride: boolean;
};

const ORDER = [{ recordedAt: "asc" as const }, { id: "asc" as const }];

export function logEvent(row: EventRow): LogEvent {
  return {
    id: row.id,
    habitId: row.habitId,
    taskId: row.taskId,
    kind: row.kind,
    valueMilli: row.value === null ? null : decimalToMilli(row.value),
    localDate: fromDbDate(row.localDate),
    revertsId: row.revertsId,
    recordedAt: row.recordedAt,
  };
}

function eventOut(row: EventRow, reverted: ReadonlySet<string>): EventOut {
  return {
    id: row.id,
    memberId: row.memberId,
    habitId: row.habitId,
    taskId: row.taskId,
    kind: row.kind,
    value: row.value === null ? null : milliToNumber(decimalToMilli(row.value)),
    localDate: fromDbDate(row.localDate),
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    recordedById: row.recordedById,
    source: row.source,
    note: row.note,
    revertsId: row.revertsId,
    isOverride: row.isOverride,
    isReverted: reverted.has(row.id),
  };
}

const revertedIds = (rows: readonly { revertsId: string | null }[]) =>
  new Set(rows.flatMap((r) => (r.revertsId === null ? [] : [r.revertsId])));

type Item =
  | { type: "habit"; id: string; row: HabitRow; model: Habit; owner: Member }
  | { type: "task"; id: string; row: TaskRow; model: Task; owner: Member };

const itemWhere = (item: Pick<Item, "type" | "id">) =>
  item.type === "habit" ? { habitId: item.id } : { taskId: item.id };

async function eventsOfDay(tx: Tx, item: Pick<Item, "type" | "id">, date: LocalDate) {
  return (await tx.executionEvent.findMany({
    where: { ...itemWhere(item), localDate: toDbDate(date) },
    select: EVENT_SELECT,
    orderBy: ORDER,
  })) as EventRow[];
}

/** The version that reads a habit day: in force that day, else (before the first) the first. */
function habitVersionOn(habit: Habit, date: LocalDate): HabitVersion {
  const version = versionOn(habit.versions, date) ?? habit.versions[0];
  if (version === undefined) throw new Error(`habit ${habit.id} has no version`);
  return version;
}

function habitDayState(version: HabitVersion, day: CombinedDay) {
  const c = habitCompletion(version, day);
  const state: DayState = day.hasSkip
    ? "skipped"
    : !day.hasDone
      ? "open"
      : isMet(c)
        ? "done"
        : "partial";
  return {
    state,
    value: version.target === null ? null : milliToNumber(day.sumMilli),
    completion: c === null ? null : Number(c.num) / Number(c.den),
  };
}

function itemDay(
  itemType: "habit" | "task",
  itemId: string,
  date: LocalDate,
  rows: readonly EventRow[],
  habit: Habit | null,
): ItemDayOut {
  const day = combineDay(rows.map(logEvent), itemId);
  const combined =
    itemType === "habit" && habit !== null
      ? habitDayState(habitVersionOn(habit, date), day)
      : day.hasDone
        ? { state: "done" as const, value: null, completion: 1 }
        : { state: "open" as const, value: null, completion: null };
  return {
    habitId: itemType === "habit" ? itemId : null,
    taskId: itemType === "task" ? itemId : null,
    localDate: date,
    ...combined,
    activeEventIds: day.activeEvents.map((e) => e.id),
  };
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

export type LogWrite =
  | {
      action: "check_in";
      idempotencyKey: string;
      habitId?: string;
      taskId?: string;
      value?: number;
      localDate?: LocalDate;
      occurredAt?: Date;
      note?: string;
    }
  | {
      action: "skip";
      idempotencyKey: string;
      habitId: string;
      localDate?: LocalDate;
      occurredAt?: Date;
      note?: string;
    }
  | {
      action: "undo";
      idempotencyKey: string;
      eventId: string;
      occurredAt?: Date;
      note?: string;
    };

/** What a retry must repeat (docs/domain.md "Idempotency": item, kind, value, localDate, revertsId). */
function requestBody(write: LogWrite) {
  return {
    action: write.action,
    habitId: write.action === "undo" ? null : (write.habitId ?? null),
    taskId: write.action === "check_in" ? (write.taskId ?? null) : null,
    valueMilli:
      write.action === "check_in" && write.value !== undefined ? toMilli(write.value) : null,
    localDate: write.action === "undo" ? null : (write.localDate ?? null),
    revertsId: write.action === "undo" ? write.eventId : null,
  };
}

export async function appendEvent(
  db: TenantDb,
  actor: Actor,
  now: Date,
  write: LogWrite,
): Promise<LogWriteOut> {
  return withIdempotency(
    db,
    {
      workspaceId: actor.workspaceId,
      key: write.idempotencyKey,
      scope: "event",
      actorId: actor.userId,
      body: requestBody(write),
    },
    (tx) => appendInTransaction(tx, actor, now, write),
  );
}

/** A coach's entry for a member's day past the late-entry window (the console's override). */
export type OverrideWrite = Extract<LogWrite, { action: "check_in" | "skip" }> & {
  memberId: string;
  localDate: LocalDate;
};

/**
 * Records an override (docs/domain.md "Late entries"): a check-in or skip of `memberId`'s item
 * for a day past the workspace's window, by who may `lateEntryOverride`. A day inside the window
 * is refused (the member records it themself); the item must be that member's. Marked on the
 * event and audited like every override; idempotent on its key, in a scope of its own.
 */
export async function recordOverride(
  db: TenantDb,
  actor: Actor,
  now: Date,
  write: OverrideWrite,
): Promise<LogWriteOut> {
  if (!may(actor, "lateEntryOverride")) throw forbidden(actor, "lateEntryOverride");
  return withIdempotency(
    db,
    {
      workspaceId: actor.workspaceId,
      key: write.idempotencyKey,
      scope: "event.override",
      actorId: actor.userId,
      body: { ...requestBody(write), memberId: write.memberId },
    },
    (tx) => appendInTransaction(tx, actor, now, write, write.memberId),
  );
}

async function appendInTransaction(
  tx: Tx,
  actor: Actor,
  now: Date,
  write: LogWrite,
  /** Set for an override: the member whose item it must be. */
  overrideFor?: string,
): Promise<LogWriteOut> {
  if (
    write.occurredAt !== undefined &&
    Math.abs(write.occurredAt.getTime() - now.getTime()) > OCCURRED_AT_TOLERANCE_MS
  ) {
    throw new AppError(
      "BAD_REQUEST",
      `occurredAt must be within 5 minutes of the server's time (${now.toISOString()}); for an earlier day, omit it and name the localDate.`,
      { field: "occurredAt" },
    );
  }

  // The undo's target names the item and the day.
  let target: EventRow | null = null;
  if (write.action === "undo") {
    target = (await tx.executionEvent.findUnique({
      where: { id: write.eventId },
      select: EVENT_SELECT,
    })) as EventRow | null;
    if (!target) throw new AppError("NOT_FOUND", "There is no such event.");
  }
  const ref =
    target !== null
      ? target.habitId !== null
        ? { type: "habit" as const, id: target.habitId }
        : { type: "task" as const, id: target.taskId! }
      : write.action !== "undo" && write.habitId !== undefined
        ? { type: "habit" as const, id: write.habitId }
        : { type: "task" as const, id: (write as { taskId: string }).taskId };

  // One writer per item (log and plan edits alike): what follows reads what earlier writers committed.
  await lockName(tx, `item:${ref.id}`);
  const item = await loadItem(tx, actor, ref);
  if (overrideFor !== undefined && item.owner.userId !== overrideFor) {
    throw new AppError("NOT_FOUND", `There is no such ${item.type} among this member's plans.`);
  }
  if (item.row.archivedAt !== null) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `This ${item.type} is archived: its log takes no more entries.`,
    );
  }

  const today = todayOf(item.owner, now);
  const localDate: LocalDate =
    target !== null
      ? fromDbDate(target.localDate)
      : write.action !== "undo" && write.localDate !== undefined
        ? write.localDate
        : localToday(item.owner.timeSettings, write.occurredAt ?? now);
  if (localDate > today) {
    throw new AppError("BAD_REQUEST", `${localDate} is in the future (today is ${today}).`, {
      field: "localDate",
    });
  }
  const daysLate = diffDays(today, localDate);
  const isOverride = daysLate > actor.lateEntryWindowDays;
  if (overrideFor !== undefined && !isOverride) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${localDate} is ${daysLate} days ago, within this workspace's late-entry window of ${actor.lateEntryWindowDays} days: the member records it themself. An override is for days past the window.`,
      { daysLate, windowDays: actor.lateEntryWindowDays },
    );
  }
  if (isOverride && !may(actor, "lateEntryOverride")) {
    throw new AppError(
      "FORBIDDEN",
      `${localDate} is ${daysLate} days ago, past this workspace's late-entry window of ${actor.lateEntryWindowDays} days: only a coach, admin or owner can record it.`,
      { daysLate, windowDays: actor.lateEntryWindowDays },
    );
  }
  const startDate = item.type === "habit" ? item.model.startDate : item.model.createdOn;
  if (target === null && localDate < startDate) {
    throw new AppError(
      "BAD_REQUEST",
      `This ${item.type} starts on ${startDate}: nothing can be logged for ${localDate}.`,
      { field: "localDate" },
    );
  }

  const dayRows = await eventsOfDay(tx, item, localDate);
  const day = combineDay(dayRows.map(logEvent), item.id);
  const entry =
    write.action === "undo"
      ? checkUndo(target!, dayRows)
      : write.action === "skip"
        ? await checkSkip(tx, actor, item, localDate, day)
        : await checkCheckIn(tx, item, today, localDate, day, write.value);

  const taken = await tx.executionEvent.findFirst({
    where: { idempotencyKey: write.idempotencyKey },
    select: { id: true },
  });
  if (taken) {
    // An event written without the key table (e.g. an import) already holds this key.
    throw new AppError(
      "CONFLICT",
      `The idempotency key "${write.idempotencyKey}" was already used.`,
    );
  }

  const created = (await tx.executionEvent.create({
    data: {
      workspaceId: actor.workspaceId,
      memberId: item.owner.userId,
      habitId: item.type === "habit" ? item.id : null,
      taskId: item.type === "task" ? item.id : null,
      kind: entry.kind,
      value: entry.valueMilli === null ? null : milliToDecimal(entry.valueMilli),
      localDate: toDbDate(localDate),
      occurredAt: write.occurredAt ?? now,
      recordedAt: now,
      recordedById: actor.userId,
      source: actor.source,
      idempotencyKey: write.idempotencyKey,
      note: write.note ? write.note : null,
      revertsId: target?.id ?? null,
      isOverride,
    },
    select: EVENT_SELECT,
  })) as EventRow;

  if (isOverride) {
    await tx.auditLog.create({
      data: {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: "event.late_entry_override",
        targetType: "ExecutionEvent",
        targetId: created.id,
        metadata: {
          localDate,
          daysLate,
          windowDays: actor.lateEntryWindowDays,
          memberId: item.owner.userId,
          kind: entry.kind,
        },
        createdAt: now,
      },
    });
  }

  await refreshDerived(tx, {
    workspaceId: actor.workspaceId,
    memberId: item.owner.userId,
    fromDate: localDate,
    now,
  });

  const after = await eventsOfDay(tx, item, localDate);
  return {
    event: eventOut(created, new Set()),
    day: itemDay(item.type, item.id, localDate, after, item.type === "habit" ? item.model : null),
  };
}

async function loadItem(
  tx: Tx,
  actor: Actor,
  ref: { type: "habit" | "task"; id: string },
): Promise<Item> {
  if (ref.type === "habit") {
    const { row, owner } = await habitFor(tx, actor, ref.id, "write");
    return {
      type: "habit",
      id: row.id,
      row,
      owner,
      model: habitModel(storedHabit(row), owner.timeSettings),
    };
  }
  const { row, owner } = await taskFor(tx, actor, ref.id, "write");
  return {
    type: "task",
    id: row.id,
    row,
    owner,
    model: taskModel(storedTask(row), owner.timeSettings),
  };
}

type Entry = { kind: EventKind; valueMilli: number | null };

function checkUndo(target: EventRow, dayRows: readonly EventRow[]): Entry {
  if (target.kind === "undo") {
    throw new AppError("CONFLICT", "An undo cannot be undone: log the entry again instead.");
  }
  if (dayRows.some((r) => r.revertsId === target.id)) {
    throw new AppError("CONFLICT", "This entry has already been undone.");
  }
  return { kind: "undo", valueMilli: null };
}

async function checkCheckIn(
  tx: Tx,
  item: Item,
  today: LocalDate,
  localDate: LocalDate,
  day: CombinedDay,
  value: number | undefined,
): Promise<Entry> {
  if (item.type === "task") {
    if (value !== undefined) {
      throw new AppError("BAD_REQUEST", "A task is checked in without a value.", {
        field: "value",
      });
    }
    // Cancelling takes effect from the day it was made: the plan in force today decides.
    const current = versionOn(item.model.versions, today) ?? item.model.versions.at(-1);
    if (current?.status === "cancelled") {
      throw new AppError(
        "PRECONDITION_FAILED",
        "This task is cancelled: reopen it before checking it in.",
      );
    }
    const all = (await tx.executionEvent.findMany({
      where: { taskId: item.id },
      select: EVENT_SELECT,
      orderBy: ORDER,
    })) as EventRow[];
    const reverted = revertedIds(all);
    const done = all.find((e) => e.kind === "done" && !reverted.has(e.id));
    if (done) {
      throw new AppError(
        "CONFLICT",
        `This task is already done (on ${fromDbDate(done.localDate)}): undo that check-in first.`,
        { eventId: done.id },
      );
    }
    return { kind: "done", valueMilli: null };
  }

  const version = habitVersionOn(item.model, localDate);
  if (day.hasSkip) {
    throw new AppError(
      "CONFLICT",
      `This habit was skipped on ${localDate}: undo the skip before checking it in.`,
    );
  }
  const { target } = version;
  if (target === null) {
    if (value !== undefined) {
      throw new AppError(
        "BAD_REQUEST",
        "This habit has no measurable target: check it in without a value.",
        { field: "value" },
      );
    }
    if (day.hasDone) throw new AppError("CONFLICT", `This habit is already done on ${localDate}.`);
    return { kind: "done", valueMilli: null };
  }
  if (value === undefined) {
    if (target.direction === "at_most") {
      throw new AppError(
        "BAD_REQUEST",
        "This habit has an upper limit: check it in with the amount (value).",
        { field: "value" },
      );
    }
    if (isMet(habitCompletion(version, day))) {
      throw new AppError("CONFLICT", `This habit is already done on ${localDate}.`);
    }
    // A plain done: the at_least target counts as reached.
    return { kind: "done", valueMilli: null };
  }
  const valueMilli = toMilli(value);
  const sumMilli = day.sumMilli + valueMilli;
  return {
    kind: day.hasPlainDone ? "done" : deriveKind(version, sumMilli),
    valueMilli,
  };
}

async function checkSkip(
  tx: Tx,
  actor: Actor,
  item: Item,
  localDate: LocalDate,
  day: CombinedDay,
): Promise<Entry> {
  if (item.type !== "habit") throw new Error("only habits are skipped");
  if (day.hasDone) {
    throw new AppError(
      "CONFLICT",
      `This habit has a check-in on ${localDate}: undo it before skipping the day.`,
    );
  }
  if (day.hasSkip) throw new AppError("CONFLICT", `This habit is already skipped on ${localDate}.`);
  if (!isHabitShownOn(item.model, localDate)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `This habit is not due on ${localDate}: there is nothing to skip.`,
    );
  }
  // Per member, habit and month, from the snapshot (null: unlimited; missing or off: none).
  const limit = planLimit(actor.entitlements, "skipsPerMonth");
  if (limit !== null) {
    const month = localDate.slice(0, 7);
    const used = (await skipsUsedInMonth(tx, [item.id], localDate)).get(item.id) ?? 0;
    if (used >= limit) {
      // A plan limit: 402, naming the plan that allows more (docs/domain.md "Skips").
      const lifts = planThatLifts("skipsPerMonth", limit);
      throw new AppError(
        "PAYMENT_REQUIRED",
        limit === 0
          ? notEntitledMessage(actor.entitlements, "skipsPerMonth")
          : `All ${limit} skips of this habit for ${month} are used: undo one to free it.` +
              (lifts ? ` The ${lifts.name} plan allows more.` : ""),
        { skipsPerMonth: limit, used, month },
      );
    }
  }
  return { kind: "skip", valueMilli: null };
}

/**
 * Per habit, the non-reverted skips in the calendar month of `localDate` (what the allowance
 * counts); habits without any are absent.
 */
export async function skipsUsedInMonth(
  tx: Tx,
  habitIds: readonly string[],
  localDate: LocalDate,
): Promise<Map<string, number>> {
  const first = toLocalDate(`${localDate.slice(0, 7)}-01`);
  const nextMonth = addDays(first, 32).slice(0, 7);
  const rows = await tx.executionEvent.findMany({
    where: {
      habitId: { in: [...habitIds] },
      localDate: { gte: toDbDate(first), lt: toDbDate(toLocalDate(`${nextMonth}-01`)) },
      kind: { in: ["skip", "undo"] },
    },
    select: { id: true, habitId: true, kind: true, revertsId: true },
  });
  const reverted = revertedIds(rows);
  const used = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === "skip" && r.habitId !== null && !reverted.has(r.id)) {
      used.set(r.habitId, (used.get(r.habitId) ?? 0) + 1);
    }
  }
  return used;
}

// ── One day ──────────────────────────────────────────────────────────────────────────────────

export type LogDayItemOut = ItemDayOut & {
  type: "habit" | "task";
  title: string;
  /** Due that day per the plan in force (a task: its scheduled day; times_per_week: never). */
  isDue: boolean;
  /** Shown on that day's list: due, or a day of a times_per_week week. */
  isShown: boolean;
  target: TargetIn | null;
};

export type LogDayOut = {
  memberId: string;
  localDate: string;
  today: string;
  items: LogDayItemOut[];
  events: EventOut[];
};

/**
 * A member's local day: every event recorded for it (undos and reverted entries included) and,
 * per item shown that day or logged on it, the combined state.
 */
export async function getLogDay(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { memberId?: string; localDate?: LocalDate },
): Promise<LogDayOut> {
  return db.$transaction(async (tx) => {
    const member = await resolveMember(tx, actor, input.memberId, "read");
    const today = todayOf(member, now);
    const date = input.localDate ?? today;
    const [events, habits, tasks] = await Promise.all([
      tx.executionEvent.findMany({
        where: { memberId: member.userId, localDate: toDbDate(date) },
        select: EVENT_SELECT,
        orderBy: ORDER,
      }) as Promise<EventRow[]>,
      tx.habit.findMany({
        where: { memberId: member.userId, startDate: { lte: toDbDate(date) } },
        select: HABIT_SELECT,
        orderBy: { id: "asc" },
      }) as Promise<HabitRow[]>,
      tx.task.findMany({
        where: { memberId: member.userId },
        select: TASK_SELECT,
        orderBy: { id: "asc" },
      }) as Promise<TaskRow[]>,
    ]);
    const reverted = revertedIds(events);
    const logged = new Set(events.flatMap((e) => [e.habitId, e.taskId]));
    const items: LogDayItemOut[] = [];
    for (const row of habits) {
      const model = habitModel(storedHabit(row), member.timeSettings);
      const isShown = isHabitShownOn(model, date);
      if (!isShown && !logged.has(row.id)) continue;
      const version = habitVersionOn(model, date);
      const unit = row.versions.find(
        (v) => fromDbDate(v.effectiveFrom) === version.effectiveFrom,
      )?.targetUnit;
      items.push({
        type: "habit",
        title: row.title,
        isDue: isHabitDueOn(model, date),
        isShown,
        target:
          version.target === null
            ? null
            : {
                value: milliToNumber(version.target.valueMilli),
                unit: unit ?? "",
                direction: version.target.direction,
              },
        ...itemDay("habit", row.id, date, events, model),
      });
    }
    for (const row of tasks) {
      const model = taskModel(storedTask(row), member.timeSettings);
      const isDue = isTaskDueOn(model, date);
      if (!isDue && !logged.has(row.id)) continue;
      items.push({
        type: "task",
        title: row.title,
        isDue,
        isShown: isDue,
        target: null,
        ...itemDay("task", row.id, date, events, null),
      });
    }
    return {
      memberId: member.userId,
      localDate: date,
      today,
      items,
      events: events.map((e) => eventOut(e, reverted)),
    };
  });
}
