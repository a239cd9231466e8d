import { listWeekSummaries as listSummaries } from "@atlas/core/services/workspaces/weekly-summary";
import { adminProcedure } from "../../../trpc.ts";
import { ZListWeekSummariesOutput } from "./list-week-summaries.schema.ts";

/**
 * "This week": the last finished week of every workspace the caller coaches, administers or owns
 * (never one opened only by a support grant), read through the console's reach.
 */
export const listWeekSummaries = adminProcedure.output(ZListWeekSummariesOutput).query(({ ctx }) =>
  listSummaries({
    consoleDb: ctx.consoleDb,
    baseDb: ctx.baseDb,
    userId: ctx.session.userId,
    workspaceIds: ctx.coachedWorkspaces.map((w) => w.workspaceId),
    now: ctx.clock.now(),
  }),
);
