import { getDashboard } from "@atlas/core/services/views/dashboard";
import { memberDrillProcedure } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import { ZGetDashboardOutput } from "../../app/dashboard/get-dashboard.schema.ts";

/** The member's dashboard as they see it, read through the console's client. */
export const getMemberDashboard = memberDrillProcedure
  .use(allowedTo("seeOthers"))
  .output(ZGetDashboardOutput)
  .query(({ ctx }) => getDashboard(ctx.consoleDb, ctx.viewed, ctx.clock.now()));
