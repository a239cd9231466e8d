/**
 * Each job's input, built from stored rows with bounded reads (docs/domain.md "AI suggestions" →
 * "Inputs"): the member's history after their checkpoint (as every read model loads it), then the
 * texts of only the tasks and habits chosen (suggestions/inputs.ts); for a goal, the goal, its
 * milestones and at most PLANNER_LIMITS.maxInputItems of its tasks and habits. Never the member's
 * whole history, never another member's rows.
 */
import { addDays, diffDays, isoWeekday, type LocalDate } from "@atlas/time";
import type { TenantTx as Tx } from "@atlas/db";
import { AppError } from "../../errors.ts";
import { memberNow } from "../../views/member-now.ts";
import { PLANNER_LIMITS, type PlannerInput, type PlannerPreferences } from "../../planner/types.ts";
import {
  becameOverdue,
  deferralInput,
  recoveryInput,
  selectOverdue,
  selectRecovery,
  selectWeek,
  weeklyPlanInput,
  type HabitText,
  type TaskText,
  type Texts,
} from "../../suggestions/inputs.ts";
import { loadMember, todayOf } from "../access/access.ts";
import { CAPACITY_COLUMNS, weekFromColumns } from "../plans/capacity-versions.ts";
import { fromDbDateOrNull } from "../shared/db-date.ts";
import { habitsById, loadSnapshot } from "../views/member-view.ts";

/** What a suggestion is asked for. */
export type SuggestionRequest =
  | { type: "decompose_goal"; goalId: string }
  | { type: "weekly_plan"; weekStart?: LocalDate }
  | { type: "recovery" }
  | { type: "deferral" };

export interface MemberScope {
  workspaceId: string;
  memberId: string;
}

/** An input to plan from, or why there is nothing to suggest. */
export type Snapshot =
  | { input: PlannerInput; goalId: string | null; today: LocalDate }
  | { nothing: string; today: LocalDate };

/** How far ahead a weekly plan may be asked for. */
export const WEEK_AHEAD_DAYS = 28;

/** The week "Plan my week" plans: the one starting today on a Monday, else the next Monday's. */
export function defaultWeekStart(today: LocalDate): LocalDate {
  const weekday = isoWeekday(today);
  return weekday === 1 ? today : addDays(today, 8 - weekday);
}

function checkWeekStart(today: LocalDate, weekStart: LocalDate): void {
  if (isoWeekday(weekStart) !== 1 || weekStart < today) {
    throw new AppError(
      "BAD_REQUEST",
      `Plan a week that has not started yet: a Monday from today (${today}) on, such as ${defaultWeekStart(today)}.`,
      { field: "weekStart" },
    );
  }
  if (diffDays(weekStart, today) > WEEK_AHEAD_DAYS) {
    throw new AppError(
      "BAD_REQUEST",
      `Plan at most ${WEEK_AHEAD_DAYS / 7} weeks ahead (from ${weekStart}, today is ${today}).`,
      { field: "weekStart" },
    );
  }
}

async function taskTexts(tx: Tx, ids: readonly string[]): Promise<Map<string, TaskText>> {
  const rows = await tx.task.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true, notes: true },
  });
  return new Map(rows.map((r) => [r.id, { title: r.title, notes: r.notes }]));
}

async function habitTexts(
  tx: Tx,
  ids: readonly string[],
  today: LocalDate,
): Promise<Map<string, HabitText>> {
  const habits = await habitsById(tx, ids, today);
  return new Map([...habits].map(([id, h]) => [id, { title: h.title, target: h.current.target }]));
}

/**
 * The input of one job for the member at `now`. `scheduled`: asked by a job rather than the
 * member, so a recovery answers only what is new since the member's latest one, and a deferral
 * only when yesterday left a task overdue.
 */
export async function buildSnapshot(
  tx: Tx,
  scope: MemberScope,
  now: Date,
  request: SuggestionRequest,
  preferences: PlannerPreferences,
  scheduled: boolean,
): Promise<Snapshot> {
  if (request.type === "decompose_goal")
    return goalSnapshot(tx, scope, now, request.goalId, preferences);
  const { context, today, resume } = await loadSnapshot(tx, scope.workspaceId, scope.memberId, now);
  const plan = context.history;

  if (request.type === "weekly_plan") {
    const weekStart = request.weekStart ?? defaultWeekStart(today);
    checkWeekStart(today, weekStart);
    const selection = selectWeek(plan, today, weekStart);
    if (selection.tasks.length === 0 && selection.habits.length === 0) {
      return {
        nothing: `There is nothing to plan for the week of ${weekStart}: no open tasks and no habits that choose their days.`,
        today,
      };
    }
    const texts: Texts = {
      tasks: await taskTexts(
        tx,
        selection.tasks.map((t) => t.task.id),
      ),
      habits: await habitTexts(
        tx,
        selection.habits.map((h) => h.habit.id),
        today,
      ),
    };
    return {
      input: weeklyPlanInput(plan, today, selection, texts, preferences),
      goalId: null,
      today,
    };
  }

  if (request.type === "deferral") {
    const overdue = selectOverdue(plan, today);
    if (overdue.length === 0) return { nothing: "Nothing is overdue.", today };
    if (scheduled && !becameOverdue(overdue, today)) {
      return { nothing: "No task became overdue yesterday.", today };
    }
    const texts: Texts = {
      tasks: await taskTexts(
        tx,
        overdue.map((t) => t.task.id),
      ),
      habits: new Map(),
    };
    return { input: deferralInput(plan, today, overdue, texts, preferences), goalId: null, today };
  }

  const handledThrough = scheduled ? await latestRecoveryDay(tx, scope) : null;
  const { state } = memberNow(plan, today, { from: today, resume });
  const selection = selectRecovery(plan, today, state, handledThrough);
  if (selection === null) {
    return {
      nothing:
        "There is nothing to recover from: no broken streak, no miss waiting for its repair, and the coming week fits.",
      today,
    };
  }
  const texts: Texts = {
    tasks: await taskTexts(
      tx,
      selection.tasks.map((t) => t.task.id),
    ),
    habits: await habitTexts(
      tx,
      selection.habits.map((h) => h.habit.id),
      today,
    ),
  };
  return { input: recoveryInput(plan, today, selection, texts, preferences), goalId: null, today };
}

/** The member's local day of their latest recovery suggestion (a job's answer is what is newer). */
async function latestRecoveryDay(tx: Tx, scope: MemberScope): Promise<LocalDate | null> {
  const latest = await tx.aiSuggestion.findFirst({
    where: { workspaceId: scope.workspaceId, memberId: scope.memberId, type: "recovery" },
    orderBy: { id: "desc" },
    select: { createdAt: true },
  });
  if (latest === null) return null;
  const member = await loadMember(tx, scope.workspaceId, scope.memberId);
  return todayOf(member, latest.createdAt);
}

async function goalSnapshot(
  tx: Tx,
  scope: MemberScope,
  now: Date,
  goalId: string,
  preferences: PlannerPreferences,
): Promise<Snapshot> {
  const member = await loadMember(tx, scope.workspaceId, scope.memberId);
  const today = todayOf(member, now);
  const goal = await tx.goal.findFirst({
    where: { id: goalId, workspaceId: scope.workspaceId, memberId: scope.memberId },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      targetDate: true,
      milestones: {
        select: { id: true, title: true, doneOn: true },
        orderBy: { position: "asc" },
        take: 50,
      },
    },
  });
  if (goal === null) throw new AppError("NOT_FOUND", "There is no such goal among your goals.");
  if (goal.status === "archived") {
    throw new AppError(
      "PRECONDITION_FAILED",
      "This goal is archived: it can no longer be planned.",
    );
  }
  const limit = PLANNER_LIMITS.maxInputItems;
  const tasks = await tx.task.findMany({
    where: { workspaceId: scope.workspaceId, goalId, archivedAt: null },
    orderBy: { id: "asc" },
    take: limit,
    select: {
      id: true,
      title: true,
      doneOn: true,
      versions: { select: { estimateMinutes: true }, orderBy: { effectiveFrom: "desc" }, take: 1 },
    },
  });
  const habits = await tx.habit.findMany({
    where: { workspaceId: scope.workspaceId, goalId, archivedAt: null },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, title: true },
  });
  const capacity = await tx.membership.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId: scope.workspaceId, userId: scope.memberId } },
    select: CAPACITY_COLUMNS,
  });
  return {
    input: {
      job: "decompose_goal",
      today,
      goal: {
        id: goal.id,
        title: goal.title,
        description: goal.description === "" ? null : goal.description,
        targetDate: fromDbDateOrNull(goal.targetDate),
      },
      existingMilestones: goal.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        doneOn: fromDbDateOrNull(m.doneOn),
      })),
      existingTasks: tasks.map((t) => {
        const estimate = t.versions[0]?.estimateMinutes ?? 0;
        return {
          id: t.id,
          title: t.title,
          estimateMinutes: estimate === 0 ? null : estimate,
          isDone: t.doneOn !== null,
        };
      }),
      existingHabits: habits,
      weeklyCapacityMinutes: [...weekFromColumns(capacity)],
      preferences,
    },
    goalId,
    today,
  };
}
