/**
 * Goals and their ordered milestones (docs/domain.md "Plans of work"). Goals are not versioned:
 * scoring never reads them. Archiving is final here; an archived goal is read-only and takes no
 * new habits or tasks.
 */
import { AppError } from "@atlas/core";
import { MAX_MILESTONES } from "../../bounds.ts";
import type { TenantDb } from "@atlas/db";
import type { LocalDate } from "@atlas/time";
import {
  assertMayActFor,
  loadMember,
  resolveMember,
  todayOf,
  type Actor,
} from "../access/access.ts";
import { withIdempotency, withIdempotencyIn } from "../shared/idempotency.ts";
import { lockName } from "../shared/locks.ts";
import { pageArgs, pageFrom, type Page } from "../shared/pagination.ts";
import type { TenantTx as Tx } from "@atlas/db";
import { fromDbDateOrNull, toDbDate } from "../shared/db-date.ts";

export type GoalStatus = "draft" | "active" | "completed" | "archived";

export type MilestoneOut = {
  id: string;
  position: number;
  title: string;
  doneOn: string | null;
};

export type GoalOut = {
  id: string;
  memberId: string;
  title: string;
  description: string;
  status: GoalStatus;
  targetDate: string | null;
  lifeArea: string | null;
  milestones: MilestoneOut[];
  createdById: string;
  createdAt: string;
  updatedAt: string;
};

const GOAL_SELECT = {
  id: true,
  memberId: true,
  title: true,
  description: true,
  status: true,
  targetDate: true,
  lifeArea: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  milestones: {
    select: { id: true, position: true, title: true, doneOn: true },
    orderBy: { position: "asc" as const },
  },
} as const;

type GoalRow = {
  id: string;
  memberId: string;
  title: string;
  description: string;
  status: GoalStatus;
  targetDate: Date | null;
  lifeArea: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  milestones: { id: string; position: number; title: string; doneOn: Date | null }[];
};

function toGoal(row: GoalRow): GoalOut {
  return {
    id: row.id,
    memberId: row.memberId,
    title: row.title,
    description: row.description,
    status: row.status,
    targetDate: fromDbDateOrNull(row.targetDate),
    lifeArea: row.lifeArea,
    milestones: row.milestones.map((m) => ({
      id: m.id,
      position: m.position,
      title: m.title,
      doneOn: fromDbDateOrNull(m.doneOn),
    })),
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function readGoal(tx: Tx, goalId: string): Promise<GoalOut> {
  return toGoal(await tx.goal.findUniqueOrThrow({ where: { id: goalId }, select: GOAL_SELECT }));
}

/** A goal the actor may read or write; another workspace's goal is simply not found. */
async function goalFor(tx: Tx, actor: Actor, goalId: string, intent: "read" | "write") {
  const goal = await tx.goal.findUnique({
    where: { id: goalId },
    select: { id: true, memberId: true, status: true, targetDate: true },
  });
  if (!goal) throw new AppError("NOT_FOUND", "There is no such goal.");
  assertMayActFor(actor, goal.memberId, intent);
  if (intent === "write" && goal.status === "archived") {
    throw new AppError("PRECONDITION_FAILED", "This goal is archived: it can no longer change.");
  }
  return goal;
}

/**
 * An active goal is not set to a target date before the owner's today (docs/domain.md "Bounds");
 * one whose date has since passed stays valid until its date or status is set again.
 */
function assertTargetDateAhead(targetDate: LocalDate | null, today: LocalDate): void {
  if (targetDate !== null && targetDate < today) {
    throw new AppError(
      "BAD_REQUEST",
      "Target date must be today or later for an active goal: pick a later day, or save it as a draft.",
      { field: "targetDate" },
    );
  }
}

/**
 * The goal a habit or task links to: the same member's, and not archived. (The composite foreign
 * key would refuse another member's goal too, but as an error the caller could not read.)
 */
export async function assertLinkableGoal(tx: Tx, memberId: string, goalId: string): Promise<void> {
  const goal = await tx.goal.findUnique({
    where: { id: goalId },
    select: { memberId: true, status: true },
  });
  if (!goal || goal.memberId !== memberId) {
    throw new AppError("NOT_FOUND", "There is no such goal among this member's goals.");
  }
  if (goal.status === "archived") {
    throw new AppError(
      "PRECONDITION_FAILED",
      "This goal is archived: link an active goal instead.",
    );
  }
}

export interface CreateGoalInput {
  memberId?: string;
  idempotencyKey: string;
  title: string;
  description: string;
  status: "draft" | "active";
  targetDate: LocalDate | null;
  lifeArea: string | null;
  milestones: { title: string }[];
}

export async function createGoal(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: CreateGoalInput,
): Promise<GoalOut> {
  const { idempotencyKey, ...body } = input;
  return withIdempotency(
    db,
    {
      workspaceId: actor.workspaceId,
      key: idempotencyKey,
      scope: "goal.create",
      actorId: actor.userId,
      body: { ...body, memberId: input.memberId ?? actor.userId },
    },
    async (tx) => {
      const member = await resolveMember(tx, actor, input.memberId, "write");
      if (input.status === "active") assertTargetDateAhead(input.targetDate, todayOf(member, now));
      const goal = await tx.goal.create({
        data: {
          workspaceId: actor.workspaceId,
          memberId: member.userId,
          title: input.title,
          description: input.description,
          status: input.status,
          targetDate: input.targetDate === null ? null : toDbDate(input.targetDate),
          lifeArea: input.lifeArea,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
          milestones: {
            create: input.milestones.map((m, position) => ({
              position,
              title: m.title,
              createdAt: now,
              updatedAt: now,
            })),
          },
        },
        select: { id: true },
      });
      return readGoal(tx, goal.id);
    },
  );
}

export interface UpdateGoalInput {
  goalId: string;
  title?: string;
  description?: string;
  status?: "draft" | "active" | "completed";
  targetDate?: LocalDate | null;
  lifeArea?: string | null;
}

export async function updateGoal(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: UpdateGoalInput,
): Promise<GoalOut> {
  return db.$transaction(async (tx) => {
    const goal = await goalFor(tx, actor, input.goalId, "write");
    const status = input.status ?? goal.status;
    const isActivated = input.status === "active" && goal.status !== "active";
    if (status === "active" && (input.targetDate !== undefined || isActivated)) {
      const targetDate =
        input.targetDate === undefined ? fromDbDateOrNull(goal.targetDate) : input.targetDate;
      const today = todayOf(await loadMember(tx, actor.workspaceId, goal.memberId), now);
      assertTargetDateAhead(targetDate, today);
    }
    await tx.goal.update({
      where: { id: input.goalId },
      data: {
        title: input.title,
        description: input.description,
        status: input.status,
        targetDate:
          input.targetDate === undefined
            ? undefined
            : input.targetDate === null
              ? null
              : toDbDate(input.targetDate),
        lifeArea: input.lifeArea,
        updatedAt: now,
      },
    });
    return readGoal(tx, input.goalId);
  });
}

/** Archives a goal (from now on read-only). Archiving an archived goal changes nothing. */
export async function archiveGoal(
  db: TenantDb,
  actor: Actor,
  now: Date,
  goalId: string,
): Promise<GoalOut> {
  return db.$transaction(async (tx) => {
    const goal = await goalFor(tx, actor, goalId, "read");
    assertMayActFor(actor, goal.memberId, "write");
    if (goal.status !== "archived") {
      await tx.goal.update({ where: { id: goalId }, data: { status: "archived", updatedAt: now } });
    }
    return readGoal(tx, goalId);
  });
}

export async function getGoal(db: TenantDb, actor: Actor, goalId: string): Promise<GoalOut> {
  return db.$transaction(async (tx) => {
    await goalFor(tx, actor, goalId, "read");
    return readGoal(tx, goalId);
  });
}

export interface ListGoalsInput {
  memberId?: string;
  /** Default: every status but archived. */
  status?: GoalStatus[];
  cursor?: string;
  limit: number;
}

export async function listGoals(
  db: TenantDb,
  actor: Actor,
  input: ListGoalsInput,
): Promise<Page<GoalOut>> {
  return db.$transaction(async (tx) => {
    const member = await resolveMember(tx, actor, input.memberId, "read");
    const page = pageArgs(input.cursor, input.limit);
    const rows = await tx.goal.findMany({
      ...page,
      where: {
        ...page.where,
        memberId: member.userId,
        status: { in: input.status ?? ["draft", "active", "completed"] },
      },
      select: GOAL_SELECT,
    });
    const { items, nextCursor } = pageFrom(rows, input.limit, (r) => r.id);
    return { items: items.map(toGoal), nextCursor };
  });
}

// ── Milestones ───────────────────────────────────────────────────────────────────────────────

export interface CreateMilestoneInput {
  goalId: string;
  idempotencyKey: string;
  title: string;
}

/** Appends a milestone to the goal's list. */
export async function createMilestone(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: CreateMilestoneInput,
): Promise<GoalOut> {
  return db.$transaction((tx) => createMilestoneIn(tx, actor, now, input));
}

/** createMilestone inside the caller's transaction (accepting an AI suggestion adds several). */
export async function createMilestoneIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  input: CreateMilestoneInput,
): Promise<GoalOut> {
  const { idempotencyKey, ...body } = input;
  return withIdempotencyIn(
    tx,
    {
      workspaceId: actor.workspaceId,
      key: idempotencyKey,
      scope: "goal.milestone.create",
      actorId: actor.userId,
      body,
    },
    async (tx) => {
      await goalFor(tx, actor, input.goalId, "write");
      // One writer at a time per goal: the next position is then free.
      await lockName(tx, `goal:${input.goalId}`);
      const count = await tx.milestone.count({ where: { goalId: input.goalId } });
      if (count >= MAX_MILESTONES) {
        throw new AppError("CONFLICT", `A goal has at most ${MAX_MILESTONES} milestones.`);
      }
      await tx.milestone.create({
        data: {
          workspaceId: actor.workspaceId,
          goalId: input.goalId,
          position: count,
          title: input.title,
          createdAt: now,
          updatedAt: now,
        },
      });
      await touchGoal(tx, input.goalId, now);
      return readGoal(tx, input.goalId);
    },
  );
}

async function milestoneFor(tx: Tx, actor: Actor, milestoneId: string) {
  const milestone = await tx.milestone.findUnique({
    where: { id: milestoneId },
    select: { id: true, goalId: true, doneOn: true },
  });
  if (!milestone) throw new AppError("NOT_FOUND", "There is no such milestone.");
  const goal = await goalFor(tx, actor, milestone.goalId, "write");
  return { ...milestone, memberId: goal.memberId };
}

export interface UpdateMilestoneInput {
  milestoneId: string;
  title?: string;
  /** true: done (on `doneOn`, default the owning member's today); false: not done. */
  isDone?: boolean;
  doneOn?: LocalDate;
}

export async function updateMilestone(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: UpdateMilestoneInput,
): Promise<GoalOut> {
  return db.$transaction(async (tx) => {
    const milestone = await milestoneFor(tx, actor, input.milestoneId);
    let doneOn: Date | null | undefined;
    if (input.isDone === false) {
      doneOn = null;
    } else if (input.isDone === true) {
      const today = todayOf(await loadMember(tx, actor.workspaceId, milestone.memberId), now);
      const day = input.doneOn ?? today;
      if (day > today) {
        throw new AppError(
          "BAD_REQUEST",
          `A milestone cannot be done in the future (today is ${today}).`,
        );
      }
      doneOn = toDbDate(day);
    }
    await tx.milestone.update({
      where: { id: milestone.id },
      data: { title: input.title, doneOn, updatedAt: now },
    });
    await touchGoal(tx, milestone.goalId, now);
    return readGoal(tx, milestone.goalId);
  });
}

/** Puts the goal's milestones in the given order (every milestone exactly once). */
export async function reorderMilestones(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { goalId: string; milestoneIds: string[] },
): Promise<GoalOut> {
  return db.$transaction(async (tx) => {
    await goalFor(tx, actor, input.goalId, "write");
    await lockName(tx, `goal:${input.goalId}`);
    const current = await tx.milestone.findMany({
      where: { goalId: input.goalId },
      select: { id: true },
    });
    const known = new Set(current.map((m) => m.id));
    const given = new Set(input.milestoneIds);
    if (
      given.size !== input.milestoneIds.length ||
      given.size !== known.size ||
      input.milestoneIds.some((id) => !known.has(id))
    ) {
      throw new AppError(
        "BAD_REQUEST",
        "Pass every milestone of this goal exactly once, in the new order.",
      );
    }
    await renumber(tx, input.goalId, input.milestoneIds);
    await touchGoal(tx, input.goalId, now);
    return readGoal(tx, input.goalId);
  });
}

/** Removes a milestone; the ones after it move up. */
export async function removeMilestone(
  db: TenantDb,
  actor: Actor,
  now: Date,
  milestoneId: string,
): Promise<GoalOut> {
  return db.$transaction(async (tx) => {
    const milestone = await milestoneFor(tx, actor, milestoneId);
    await lockName(tx, `goal:${milestone.goalId}`);
    await tx.milestone.delete({ where: { id: milestone.id } });
    const rest = await tx.milestone.findMany({
      where: { goalId: milestone.goalId },
      select: { id: true },
      orderBy: { position: "asc" },
    });
    await renumber(
      tx,
      milestone.goalId,
      rest.map((m) => m.id),
    );
    await touchGoal(tx, milestone.goalId, now);
    return readGoal(tx, milestone.goalId);
  });
}

/** Positions 0..n−1 in the given order; through a free range first, as (goal, position) is unique. */
async function renumber(tx: Tx, goalId: string, ids: string[]): Promise<void> {
  const parked = 1_000_000;
  for (const [i, id] of ids.entries()) {
    await tx.milestone.update({ where: { id }, data: { position: parked + i } });
  }
  for (const [i, id] of ids.entries()) {
    await tx.milestone.update({ where: { id, goalId }, data: { position: i } });
  }
}

async function touchGoal(tx: Tx, goalId: string, now: Date): Promise<void> {
  await tx.goal.update({ where: { id: goalId }, data: { updatedAt: now } });
}
