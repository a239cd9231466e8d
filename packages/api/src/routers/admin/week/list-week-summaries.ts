import { listWeekSummaries as listSummaries } from "@atlas/core/services/workspaces/weekly-summary";
import { isEntitled } from "@atlas/core";
import { adminProcedure } from "../../../trpc.ts";
import { ZListWeekSummariesOutput } from "./list-week-summaries.schema.ts";

/**
 * "This week": the last finished week of every workspace the caller coaches, administers or owns
 * (never one opened only by a support grant) whose plan includes the coach console, read through
 * the console's reach.
 */
export const listWeekSummaries = adminProcedure.output(ZListWeekSummariesOutput).query(({ ctx }) =>
  listSummaries({
    consoleDb: ctx.consoleDb,
    baseDb: ctx.baseDb,
    userId: ctx.session.userId,
    // A workspace whose plan lacks the coach console has no week here (the portfolio shows it locked).
    workspaceIds: ctx.coachedWorkspaces
      .filter((w) => isEntitled(w.entitlements, "coach_console"))
      .map((w) => w.workspaceId),
    now: ctx.clock.now(),
  }),
);
