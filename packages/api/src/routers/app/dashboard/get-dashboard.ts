import { actorOf } from "../../../services/access.ts";
import { getDashboard as read } from "../../../services/dashboard.ts";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetDashboardOutput } from "./get-dashboard.schema.ts";

/** The caller's own dashboard, as of now: score trend, consistency, habits, risks and load. */
export const getDashboard = workspaceProcedure
  .output(ZGetDashboardOutput)
  .query(({ ctx }) => read(ctx.db, actorOf(ctx), ctx.clock.now()));
