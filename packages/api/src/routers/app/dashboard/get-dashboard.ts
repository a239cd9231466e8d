import { actorOf } from "@atlas/core/services/access/access";
import { getDashboard as read } from "@atlas/core/services/views/dashboard";
import { workspaceProcedure } from "../../../trpc.ts";
import { ZGetDashboardOutput } from "./get-dashboard.schema.ts";

/** The caller's own dashboard, as of now: score trend, consistency, habits, risks and load. */
export const getDashboard = workspaceProcedure
  .output(ZGetDashboardOutput)
  .query(({ ctx }) => read(ctx.db, actorOf(ctx), ctx.clock.now()));
