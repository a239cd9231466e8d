/**
 * The weekly summary's plain steps (docs/domain.md "Weekly summary"); the Inngest functions and
 * the embedded scheduler only order them. Both are idempotent: listing skips a week already
 * stored, and summarising upserts the row of its (workspace, week).
 */
import { summariseAndStoreWorkspaceWeek } from "@atlas/core/services/workspaces/weekly-summary";
import { isWeekSummaryDue, lastFinishedWeekStart } from "@atlas/core/weekly-summary";
import { createTenantDb } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import { addDays, toLocalDate, type LocalDate } from "@atlas/time";
import { closeWorkspaceDays } from "./day-close.ts";
import type { JobDeps } from "./deps.ts";

export interface WeekSummaryRequest {
  workspaceId: string;
  /** The Monday of the week ("YYYY-MM-DD"), as the event carries it. */
  weekStart: string;
}

/**
 * The workspaces whose last week is due (its Monday, 06:00 in the workspace's zone, has come) and
 * not stored yet, through the audited bypass client: the one cross-tenant read of the cron. Only
 * workspaces whose plan includes the coach console: the week is the console's page and the coach
 * digest's content (docs/domain.md "Plans and entitlements").
 */
export async function listDueWeekSummaries(deps: JobDeps): Promise<WeekSummaryRequest[]> {
  const now = deps.clock.now();
  return withBypass(
    { actor: "job:week-summary", reason: "list workspaces whose weekly summary is due" },
    async (db) => {
      const workspaces = await db.workspace.findMany({
        where: {
          entitlements: { path: ["features", "coach_console", "isEnabled"], equals: true },
        },
        select: { id: true, defaultTimeZone: true },
        orderBy: { id: "asc" },
      });
      // Every zone's last finished week starts within a day of UTC's: a bounded look-up.
      const utcWeek = lastFinishedWeekStart(now, "UTC");
      const stored = await db.workspaceWeekSummary.findMany({
        where: {
          weekStart: {
            gte: new Date(`${addDays(utcWeek, -7)}T00:00:00.000Z`),
            lte: new Date(`${addDays(utcWeek, 7)}T00:00:00.000Z`),
          },
        },
        select: { workspaceId: true, weekStart: true },
      });
      const has = new Set(
        stored.map((s) => `${s.workspaceId}:${s.weekStart.toISOString().slice(0, 10)}`),
      );
      return workspaces.flatMap((w) => {
        if (!isWeekSummaryDue(now, w.defaultTimeZone)) return [];
        const weekStart = lastFinishedWeekStart(now, w.defaultTimeZone);
        return has.has(`${w.id}:${weekStart}`) ? [] : [{ workspaceId: w.id, weekStart }];
      });
    },
    deps.bypassDb(),
  );
}

/** Summarises the week as the application role bound to the workspace, and upserts it. */
export async function summariseWorkspaceWeekJob(
  deps: JobDeps,
  request: WeekSummaryRequest,
): Promise<{ weekStart: LocalDate; members: number }> {
  const db = createTenantDb(deps.appDb(), { workspaceId: request.workspaceId, userId: null });
  const summary = await summariseAndStoreWorkspaceWeek(
    db,
    request.workspaceId,
    toLocalDate(request.weekStart),
    deps.clock.now(),
  );
  return { weekStart: summary.weekStart, members: summary.members.length };
}

/**
 * The whole per-workspace run: close the due days first (so every member's Sunday is a closed
 * row, whatever the hourly close has reached), then summarise. The Inngest function runs the two
 * as separate steps.
 */
export async function closeAndSummariseWeek(deps: JobDeps, request: WeekSummaryRequest) {
  await closeWorkspaceDays(deps, request.workspaceId);
  return summariseWorkspaceWeekJob(deps, request);
}
