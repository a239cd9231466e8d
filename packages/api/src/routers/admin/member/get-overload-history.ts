import { getOverloadHistory as read } from "@atlas/core/services/coaching/member-drill";
import { memberDrillProcedure } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import {
  ZGetOverloadHistoryInput,
  ZGetOverloadHistoryOutput,
} from "./get-overload-history.schema.ts";

/** The member's stored load against capacity, day by day, for the last weeks. */
export const getOverloadHistory = memberDrillProcedure
  .use(allowedTo("seeOthers"))
  .input(ZGetOverloadHistoryInput)
  .output(ZGetOverloadHistoryOutput)
  .query(({ ctx, input }) =>
    read(ctx.consoleDb, ctx.drill, ctx.viewed.entitlements, ctx.clock.now(), input.days),
  );
