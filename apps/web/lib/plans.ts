import "server-only";
import { can } from "@atlas/api/permissions";
import { isTRPCError, requireSession } from "@atlas/next-app/server";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { getActiveWorkspace } from "~/lib/data.ts";
import { getApi } from "~/lib/trpc/server.ts";

/**
 * A read of one plan (habit, goal, task) for its page: the API's FORBIDDEN (another member's,
 * where the workspace does not share progress) renders app/(app)/forbidden.tsx with HTTP 403; an
 * unknown or malformed id renders not-found with 404.
 */
export async function orDeny<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isTRPCError(error, "FORBIDDEN")) forbidden();
    if (isTRPCError(error, "NOT_FOUND") || isTRPCError(error, "BAD_REQUEST")) notFound();
    throw error;
  }
}

export const getHabit = cache(async (habitId: string) =>
  orDeny((await getApi()).habit.get({ habitId })),
);

export const getGoal = cache(async (goalId: string) =>
  orDeny((await getApi()).goal.get({ goalId })),
);

export const getTask = cache(async (taskId: string) =>
  orDeny((await getApi()).task.get({ taskId })),
);

/** Whether the viewer may edit plans of `memberId`: their own, or as a coach, admin or owner. */
export async function mayEdit(memberId: string): Promise<boolean> {
  const [session, active] = await Promise.all([requireSession(), getActiveWorkspace()]);
  if (memberId === session.userId) return true;
  return active !== null && can("editOthersPlans", { role: active.role, sharesProgress: false });
}
