import { getDrilledMember } from "@atlas/core/services/coaching/member-drill";
import { memberDrillProcedure } from "../../../console.ts";
import { allowedTo } from "../../../trpc.ts";
import { ZGetMemberOutput } from "./get-member.schema.ts";

/** Who the drill-down is about: name, role, their local today and the workspace's window. */
export const getMember = memberDrillProcedure
  .use(allowedTo("seeOthers"))
  .output(ZGetMemberOutput)
  .query(({ ctx }) => getDrilledMember(ctx.consoleDb, ctx.drill, ctx.clock.now()));
