import { listMemberLog as list } from "@atlas/core/services/coaching/member-drill";
import { memberDrillProcedure, withoutDrill } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import { ZListMemberLogInput, ZListMemberLogOutput } from "./list-member-log.schema.ts";

/** The member's log, newest day first, a keyset page at a time; late entries and overrides marked. */
export const listMemberLog = memberDrillProcedure
  .use(allowedTo("seeOthers"))
  .input(ZListMemberLogInput)
  .output(ZListMemberLogOutput)
  .query(({ ctx, input }) => list(ctx.consoleDb, ctx.drill, withoutDrill(input)));
