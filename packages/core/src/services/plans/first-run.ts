/**
 * The first-run guide of a member in one workspace (docs/domain.md "First run"): the step is
 * stored on the membership (`firstRunStep`) and moves only forward; the caller moves their own.
 * Step 1 creates the picked starter habits through the habit create service, all at once and
 * idempotent on one key; steps 2 and 3 use the capacity and log procedures as they are.
 */
import { AppError } from "@atlas/core";
import { Prisma, type TenantDb, type TenantTx as Tx } from "@atlas/db";
import {
  guideStep,
  isAtOrPast,
  nextStep,
  type GuideStep,
  type StoredFirstRunStep,
} from "../../first-run/step.ts";
import type { Actor } from "../access/access.ts";
import { withIdempotencyIn } from "../shared/idempotency.ts";
import type { MemberKey } from "./capacity.ts";
import { createHabitIn, type CreateHabitInput, type HabitOut } from "./habits.ts";

export interface FirstRunView {
  /** The step the guide shows; null: the normal Today. */
  step: GuideStep | null;
}

export type StarterHabitIn = Pick<
  CreateHabitInput,
  "title" | "schedule" | "target" | "durationMinutes"
>;

const where = (member: MemberKey) => ({
  workspaceId_userId: { workspaceId: member.workspaceId, userId: member.userId },
});

/** Any habit, task or goal of the member in the workspace, archived ones included. */
async function hasPlans(tx: Tx, member: MemberKey): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ found: boolean }[]>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "Habit" WHERE "workspaceId" = ${member.workspaceId}
                     AND "memberId" = ${member.userId})
        OR EXISTS (SELECT 1 FROM "Task" WHERE "workspaceId" = ${member.workspaceId}
                     AND "memberId" = ${member.userId})
        OR EXISTS (SELECT 1 FROM "Goal" WHERE "workspaceId" = ${member.workspaceId}
                     AND "memberId" = ${member.userId}) AS found`);
  return row?.found ?? false;
}

async function viewIn(tx: Tx, member: MemberKey): Promise<FirstRunView> {
  const { firstRunStep } = await tx.membership.findUniqueOrThrow({
    where: where(member),
    select: { firstRunStep: true },
  });
  // Plans matter only before the guide created any (its first step).
  const planned = firstRunStep === "pick_habits" ? await hasPlans(tx, member) : false;
  return { step: guideStep(firstRunStep, planned) };
}

/** Where the caller is in the guide. */
export function getFirstRun(db: TenantDb, member: MemberKey): Promise<FirstRunView> {
  return db.$transaction((tx) => viewIn(tx, member));
}

/**
 * Step 1: creates the picked habits for the caller (each through `createHabitIn`, on a key derived
 * from the request's) and moves the guide to step 2, in one transaction, idempotent on
 * `idempotencyKey`. Refused unless the guide shows step 1 (PRECONDITION_FAILED).
 */
export function pickStarterHabits(
  db: TenantDb,
  actor: Actor,
  now: Date,
  input: { idempotencyKey: string; habits: StarterHabitIn[] },
): Promise<{ step: GuideStep; habits: HabitOut[] }> {
  const member = { workspaceId: actor.workspaceId, userId: actor.userId };
  return db.$transaction((tx) =>
    withIdempotencyIn(
      tx,
      {
        workspaceId: actor.workspaceId,
        key: input.idempotencyKey,
        scope: "firstRun.pickHabits",
        actorId: actor.userId,
        body: { habits: input.habits },
      },
      async (tx) => {
        // Moving the step first locks the membership row: two different requests at once
        // cannot both pass the checks below.
        const moved = await tx.membership.updateMany({
          where: { ...where(member).workspaceId_userId, firstRunStep: "pick_habits" },
          data: { firstRunStep: nextStep("pick_habits") },
        });
        if (moved.count === 0) {
          throw new AppError(
            "PRECONDITION_FAILED",
            "Your starter habits are already picked: go on with the next step.",
          );
        }
        if (await hasPlans(tx, member)) {
          throw new AppError(
            "PRECONDITION_FAILED",
            "You already have plans in this workspace: starter habits are for a fresh start.",
          );
        }
        const habits: HabitOut[] = [];
        for (const [index, habit] of input.habits.entries()) {
          habits.push(
            await createHabitIn(tx, actor, now, {
              ...habit,
              idempotencyKey: `first-run:${input.idempotencyKey}:${index}`,
              goalId: null,
              startDate: null,
            }),
          );
        }
        return { step: "set_capacity" as const, habits };
      },
    ),
  );
}

/**
 * Steps 2 and 3 done: from `from` to the next step. Asking again once past it answers the
 * current step (a retry changes nothing); before it is PRECONDITION_FAILED.
 */
export function advanceFirstRun(
  db: TenantDb,
  member: MemberKey,
  from: Exclude<GuideStep, "pick_habits">,
): Promise<FirstRunView> {
  return db.$transaction(async (tx) => {
    await tx.membership.updateMany({
      where: { ...where(member).workspaceId_userId, firstRunStep: from },
      data: { firstRunStep: nextStep(from) },
    });
    const { firstRunStep } = await tx.membership.findUniqueOrThrow({
      where: where(member),
      select: { firstRunStep: true },
    });
    if (!isAtOrPast(firstRunStep, from)) {
      throw new AppError(
        "PRECONDITION_FAILED",
        "Pick your starter habits first: that is the guide's first step.",
      );
    }
    return viewIn(tx, member);
  });
}

const ENDED: StoredFirstRunStep[] = ["finished", "skipped"];

/** "Skip, I'll set up myself": the guide never shows again (skipping twice changes nothing). */
export function skipFirstRun(db: TenantDb, member: MemberKey): Promise<FirstRunView> {
  return db.$transaction(async (tx) => {
    await tx.membership.updateMany({
      where: { ...where(member).workspaceId_userId, firstRunStep: { notIn: ENDED } },
      data: { firstRunStep: "skipped" },
    });
    return viewIn(tx, member);
  });
}
