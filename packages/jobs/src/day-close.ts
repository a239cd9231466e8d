/**
 * The day close's plain steps (docs/domain.md "Closing the day"); the Inngest functions and the
 * embedded scheduler only order them. Both are idempotent: rerunning closes nothing twice.
 */
import { closeDueDays, type CloseDueDaysResult } from "@atlas/core/services/derived/derived";
import { createTenantDb } from "@atlas/db";
import { withBypass } from "@atlas/db/bypass";
import type { JobDeps } from "./deps.ts";

/** Who lists every workspace, and why (the bypass client's audit entry). */
export interface ListingUse {
  actor: string;
  reason: string;
}

const DAY_CLOSE_LISTING: ListingUse = {
  actor: "job:day-close",
  reason: "list workspaces for the hourly day close",
};

/** Every workspace, through the audited bypass client: the one cross-tenant read of a cron. */
export async function listWorkspaceIds(
  deps: JobDeps,
  use: ListingUse = DAY_CLOSE_LISTING,
): Promise<string[]> {
  return withBypass(
    use,
    async (db) => {
      const rows = await db.workspace.findMany({ select: { id: true }, orderBy: { id: "asc" } });
      return rows.map((r) => r.id);
    },
    deps.bypassDb(),
  );
}

/** Closes every due (member, day) of one workspace, as the application role bound to it. */
export async function closeWorkspaceDays(
  deps: JobDeps,
  workspaceId: string,
): Promise<CloseDueDaysResult> {
  const db = createTenantDb(deps.appDb(), { workspaceId, userId: null });
  return closeDueDays(db, { workspaceId, now: deps.clock.now() });
}
